package org.linli.forum.search;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.cn.smart.SmartChineseAnalyzer;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.document.KeywordField;
import org.apache.lucene.document.LongField;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.QueryBuilder;
import org.linli.forum.search.analysis.ForumAnalysis;
import org.linli.forum.search.query.UserQuery;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Turns a {@link UserQuery} into Lucene queries: the one that finds posts and the one that
 * marks what was found in a snippet. Every Chinese run must match in the bigram field (exact
 * recall, whatever the word segmentation did); English words must match in the stemmed field;
 * smartcn words and title matches only raise the score.
 */
final class QueryCompiler {

    private static final float TITLE_BOOST = 2f;

    private final QueryBuilder cjk = new QueryBuilder(ForumAnalysis.cjkQuerying());
    private final QueryBuilder zh = new QueryBuilder(new SmartChineseAnalyzer());
    private final QueryBuilder en;

    QueryCompiler(Analyzer english) {
        this.en = new QueryBuilder(english instanceof EnglishAnalyzer ? english : new EnglishAnalyzer());
    }

    /** The finding query, or null when the text holds nothing to search for and no filter. */
    Query find(UserQuery query, SearchRequest request) {
        BooleanQuery.Builder all = new BooleanQuery.Builder();
        boolean positive = false;
        for (UserQuery.Clause clause : query.clauses()) {
            BooleanQuery.Builder either = new BooleanQuery.Builder();
            int alternatives = 0;
            for (UserQuery.Term term : clause.alternatives()) {
                Query termQuery = term(term, query.titleOnly());
                if (termQuery != null) {
                    either.add(termQuery, Occur.SHOULD);
                    alternatives++;
                }
            }
            if (alternatives == 0) {
                continue;
            }
            if (clause.excluded()) {
                all.add(either.build(), Occur.MUST_NOT);
            } else {
                all.add(either.build(), Occur.MUST);
                positive = true;
            }
        }
        if (!positive) {
            if (!query.hasFilters()) {
                return null;
            }
            all.add(new MatchAllDocsQuery(), Occur.MUST);
        }
        addFilters(all, query, request);
        return all.build();
    }

    /** What to mark in a body snippet: every positive word or phrase, analysed as the body's English field is. */
    Query highlight(UserQuery query) {
        BooleanQuery.Builder marks = new BooleanQuery.Builder();
        for (UserQuery.Clause clause : query.clauses()) {
            if (clause.excluded()) {
                continue;
            }
            for (UserQuery.Term term : clause.alternatives()) {
                for (Run run : runs(term.text())) {
                    Query mark = run.han() || term.phrase()
                            ? en.createPhraseQuery(PostIndex.BODY + ForumAnalysis.EN, run.text())
                            : en.createBooleanQuery(PostIndex.BODY + ForumAnalysis.EN, run.text());
                    if (mark != null) {
                        marks.add(mark, Occur.SHOULD);
                    }
                }
            }
        }
        return marks.build();
    }

    /** A word or phrase: every run of it (Chinese, or anything else) must match, in the title or the body. */
    private Query term(UserQuery.Term term, boolean titleOnly) {
        List<Run> runs = term.phrase() ? List.of(new Run(term.text(), false)) : runs(term.text());
        if (term.phrase() && runs(term.text()).stream().allMatch(Run::han)) {
            runs = List.of(new Run(term.text(), true));
        }
        BooleanQuery.Builder every = new BooleanQuery.Builder();
        int parts = 0;
        for (Run run : runs) {
            Query part = run.han() ? han(run.text(), titleOnly) : latin(run.text(), term.phrase(), titleOnly);
            if (part != null) {
                every.add(part, Occur.MUST);
                parts++;
            }
        }
        return parts == 0 ? null : every.build();
    }

    private Query han(String text, boolean titleOnly) {
        BooleanQuery.Builder found = new BooleanQuery.Builder();
        Query title = cjk.createPhraseQuery(PostIndex.TITLE + ForumAnalysis.CJK, text);
        if (title == null) {
            return null;
        }
        found.add(new BoostQuery(title, TITLE_BOOST), Occur.SHOULD);
        if (!titleOnly) {
            found.add(cjk.createPhraseQuery(PostIndex.BODY + ForumAnalysis.CJK, text), Occur.SHOULD);
        }
        BooleanQuery.Builder scored = new BooleanQuery.Builder().add(found.build(), Occur.MUST);
        // Whole words as smartcn cuts them rank a post above one where the characters only happen to meet.
        Query words = zh.createBooleanQuery((titleOnly ? PostIndex.TITLE : PostIndex.BODY) + ForumAnalysis.ZH, text, Occur.SHOULD);
        if (words != null) {
            scored.add(words, Occur.SHOULD);
        }
        return scored.build();
    }

    private Query latin(String text, boolean phrase, boolean titleOnly) {
        Query title = phrase ? en.createPhraseQuery(PostIndex.TITLE + ForumAnalysis.EN, text)
                : en.createBooleanQuery(PostIndex.TITLE + ForumAnalysis.EN, text, Occur.MUST);
        if (title == null) {
            return null;  // only stop words or punctuation
        }
        BooleanQuery.Builder found = new BooleanQuery.Builder();
        found.add(new BoostQuery(title, TITLE_BOOST), Occur.SHOULD);
        if (!titleOnly) {
            found.add(phrase ? en.createPhraseQuery(PostIndex.BODY + ForumAnalysis.EN, text)
                    : en.createBooleanQuery(PostIndex.BODY + ForumAnalysis.EN, text, Occur.MUST), Occur.SHOULD);
        }
        return found.build();
    }

    private static void addFilters(BooleanQuery.Builder all, UserQuery query, SearchRequest request) {
        if (!request.includeHidden()) {
            all.add(new TermQuery(new Term(PostIndex.VISIBLE, "true")), Occur.FILTER);
        }
        if (request.readableBoards() != null) {
            all.add(boards(request.readableBoards()), Occur.FILTER);
        }
        if (!query.boards().isEmpty()) {
            all.add(boards(query.boards()), Occur.FILTER);
        }
        if (!query.authors().isEmpty()) {
            all.add(KeywordField.newSetQuery(PostIndex.AUTHOR,
                    query.authors().stream().map(BytesRef::new).toArray(BytesRef[]::new)), Occur.FILTER);
        }
        if (query.after() != null || query.before() != null) {
            long from = query.after() == null ? Long.MIN_VALUE : startOf(query.after(), request);
            long to = query.before() == null ? Long.MAX_VALUE : startOf(query.before(), request) - 1;
            all.add(from > to ? new MatchNoDocsQuery() : LongField.newRangeQuery(PostIndex.CREATED, from, to), Occur.FILTER);
        }
    }

    private static Query boards(Set<Long> boards) {
        return boards.isEmpty() ? new MatchNoDocsQuery()
                : LongField.newSetQuery(PostIndex.BOARD, boards.stream().mapToLong(Long::longValue).toArray());
    }

    private static long startOf(LocalDate day, SearchRequest request) {
        return day.atStartOfDay(request.zone()).toInstant().toEpochMilli();
    }

    /** A stretch of Han (or kana, hangul) characters, or of anything else. */
    record Run(String text, boolean han) {
    }

    static List<Run> runs(String text) {
        List<Run> runs = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        Boolean currentHan = null;
        for (int i = 0; i < text.length(); ) {
            int codePoint = text.codePointAt(i);
            boolean han = isHan(codePoint);
            if (currentHan != null && han != currentHan && current.length() > 0) {
                runs.add(new Run(current.toString(), currentHan));
                current.setLength(0);
            }
            current.appendCodePoint(codePoint);
            currentHan = han;
            i += Character.charCount(codePoint);
        }
        if (current.length() > 0) {
            runs.add(new Run(current.toString(), currentHan));
        }
        return runs;
    }

    private static boolean isHan(int codePoint) {
        Character.UnicodeScript script = Character.UnicodeScript.of(codePoint);
        return script == Character.UnicodeScript.HAN || script == Character.UnicodeScript.HIRAGANA
                || script == Character.UnicodeScript.KATAKANA || script == Character.UnicodeScript.HANGUL;
    }
}
