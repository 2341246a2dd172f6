package org.linli.forum.search;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.cn.smart.SmartChineseAnalyzer;
import org.apache.lucene.document.KeywordField;
import org.apache.lucene.document.LongField;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.PrefixQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.QueryBuilder;
import org.linli.forum.search.analysis.CharacterGramTokenizer;
import org.linli.forum.search.analysis.ForumAnalysis;
import org.linli.forum.search.analysis.QuerySynonyms;
import org.linli.forum.search.query.UserQuery;

import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;

/**
 * Turns a {@link UserQuery} into Lucene queries: the one that finds posts and the one that
 * marks what was found in a snippet.
 * <p>
 * People type what they remember or want to know, not a span of the post, so the free words of
 * a query are alternatives: a post must match a share of its words (English words, and Chinese
 * words of one or two characters, whole; {@link #wordsToMatch}) and of the characters of its
 * longer Chinese runs ({@link #charactersToMatch}), shares that grow with their number. What makes a post rank
 * first is optional: the whole run as a phrase, its neighbouring pairs, smartcn's words, English
 * words near each other, and all of it more in the title. A quoted phrase, an OR group and the
 * filters are requirements, as the search box's syntax says.
 */
final class QueryCompiler {

    // Weights measured on the QBQTC relevance evaluation (RelevanceEvaluationTest); they move its
    // figures by tenths of a percent, the unit rule below by whole percents.
    private static final float TITLE_BOOST = 2f;
    /** The run as typed, in a row: the strongest sign that a post is the one asked for. */
    private static final float PHRASE_BOOST = 4f;
    private static final float PAIR_BOOST = 0.25f;
    private static final float WORD_BOOST = 0.25f;
    private static final int ENGLISH_SLOP = 3;
    /**
     * An English word as typed, letter for letter in a post's text (its pairs in a row): besides
     * finding it inside a longer token, it ranks the exact form above a stemmed variant. English
     * known items (2-4 words) in the top 10 by this weight: 0, 98.2%; 0.5, 98.6%; 1, 98.8%;
     * 2, 99.0%; 3 to 6, 99.4%; QBQTC unchanged.
     */
    private static final float INSIDE_BOOST = 3f;
    /** A character in more than this share of the posts is common: it ranks, but does not count towards a match. */
    private static final double COMMON_SHARE = 0.05;

    private final Analyzer smartcn = new SmartChineseAnalyzer();
    private final QuerySynonyms synonyms = QuerySynonyms.load();
    private final QueryBuilder zh = new QueryBuilder(smartcn);
    private final Analyzer english;
    private final QueryBuilder en;

    QueryCompiler(Analyzer english) {
        this.english = english != null ? english : ForumAnalysis.englishQuerying();
        this.en = new QueryBuilder(this.english);
    }

    /**
     * A compiled search: {@code match} finds the posts and scores them by the words they have
     * and by the run as typed, in a row (English words near each other); {@code closeness}, null
     * when there is none, adds to a post's score how closely it has the rest: a run's pairs,
     * smartcn's words, an English word letter for letter in a body, the common characters. The
     * two are apart so that closeness, over long posting lists, is only worked out for the best
     * posts by their match ({@link PostIndex#search}), not for every post that has one word.
     */
    record Compiled(Query match, Query closeness) {
    }

    /** The finding query over {@code index}, or null when the text holds nothing to search for and no filter. */
    Compiled find(UserQuery query, SearchRequest request, IndexReader index) throws IOException {
        return find(query, request, false, index);
    }

    /**
     * The finding query over {@code index}; {@code relaxed}, one that a post matches with any
     * single unit of the free words (for when the strict query found nothing).
     */
    Compiled find(UserQuery query, SearchRequest request, boolean relaxed, IndexReader index) throws IOException {
        BooleanQuery.Builder all = new BooleanQuery.Builder();
        Words words = new Words(query.titleOnly());
        boolean positive = false;
        for (UserQuery.Clause clause : query.clauses()) {
            boolean free = !clause.excluded() && clause.alternatives().size() == 1 && !clause.alternatives().get(0).phrase();
            if (free) {
                words.add(clause.alternatives().get(0).text());
                continue;
            }
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
        if (!words.isEmpty()) {
            if (relaxed) {
                all.add(share(words.loose(), 1), Occur.MUST);
            } else if (words.characters.isEmpty()) {
                all.add(share(words.words.values(), wordsToMatch(words.words.size())), Occur.MUST);
            } else {
                // A Chinese question: its Latin fragments (a model, a code) are units among its characters.
                // Characters most posts have (的, 了, 么) say little about which post is meant: the share
                // is taken of the others, and the common ones only rank the best posts.
                List<Query> units = words.all();
                List<Query> telling = words.telling(index);
                if (!telling.isEmpty() && telling.size() < units.size()) {
                    all.add(share(telling, charactersToMatch(telling.size())), Occur.MUST);
                    units.stream().filter(unit -> !telling.contains(unit)).forEach(words.boosts::add);
                } else {
                    all.add(share(units, charactersToMatch(units.size())), Occur.MUST);
                }
            }
            words.phrases.forEach(phrase -> all.add(phrase, Occur.SHOULD));
            positive = true;
        }
        if (!positive) {
            if (!query.hasFilters() && !request.filters().any()) {
                return null;
            }
            all.add(new MatchAllDocsQuery(), Occur.MUST);
        }
        addFilters(all, query, request);
        Query closeness = null;
        if (!words.boosts.isEmpty()) {
            BooleanQuery.Builder any = new BooleanQuery.Builder();
            words.boosts.forEach(boost -> any.add(boost, Occur.SHOULD));
            closeness = any.build();
        }
        return new Compiled(all.build(), closeness);
    }

    private static Query share(java.util.Collection<Query> units, int atLeast) {
        BooleanQuery.Builder some = new BooleanQuery.Builder();
        units.forEach(unit -> some.add(unit, Occur.SHOULD));
        return some.setMinimumNumberShouldMatch(atLeast).build();
    }

    /**
     * Of the words (English, or a Chinese word of one or two characters): all of up to four,
     * three in four of more. Words carry more meaning than characters: letting one of three go
     * cost the English known-item evaluation 98.2% → 99.0% of posts in the top 10. A query that
     * finds nothing so is asked again with any one of them ({@link PostIndex#search}).
     */
    static int wordsToMatch(int words) {
        return words <= 4 ? words : (int) Math.ceil(words * 0.75);
    }

    /**
     * Of the characters of longer Chinese runs (and the other words of such a query): three in ten. A question in one's own words
     * often shares only a few of its characters with the post that answers it (如何戒烟最好方法 /
     * 怎样戒烟戒烟最好的方法); asking for more of them cost whole percents of answers found in the
     * evaluation (all but one of up to five and 60% beyond: 80.7% in the top 10; 30%: 86.2%; any
     * one: 86.4%), while ranking puts the posts with most of them, in a row, first.
     */
    static int charactersToMatch(int characters) {
        return (int) Math.ceil(characters * 0.3);
    }

    /** The free words of a query: what a post must match a share of, and what ranks it. */
    private final class Words {

        private final boolean titleOnly;
        /** One query per unit, keyed so that a repeated word or character counts once. */
        final java.util.Map<String, Query> words = new java.util.LinkedHashMap<>();
        final java.util.Map<String, Query> characters = new java.util.LinkedHashMap<>();
        /** A word's looser form, for when nothing has enough of the words: a Chinese word's characters, an English word's pairs. */
        final java.util.Map<String, Query> looser = new java.util.HashMap<>();
        /** Ranking worked out for every post found: the run as typed, in a row. */
        final List<Query> phrases = new ArrayList<>();
        /** Ranking worked out for the best posts only ({@link Compiled#closeness}). */
        final List<Query> boosts = new ArrayList<>();

        Words(boolean titleOnly) {
            this.titleOnly = titleOnly;
        }

        boolean isEmpty() {
            return words.isEmpty() && characters.isEmpty();
        }

        List<Query> all() {
            List<Query> all = new ArrayList<>(words.values());
            all.addAll(characters.values());
            return all;
        }

        /** Every unit, a word or its looser form where it has one. */
        List<Query> loose() {
            List<Query> loose = new ArrayList<>();
            words.forEach((key, word) -> loose.add(!looser.containsKey(key) ? word
                    : new BooleanQuery.Builder().add(word, Occur.SHOULD).add(looser.get(key), Occur.SHOULD).build()));
            loose.addAll(characters.values());
            return loose;
        }

        /** The units but the single characters that more than {@link #COMMON_SHARE} of the posts have. */
        List<Query> telling(IndexReader index) throws IOException {
            List<Query> telling = new ArrayList<>(words.values());
            long common = (long) Math.ceil(index.maxDoc() * COMMON_SHARE);
            for (java.util.Map.Entry<String, Query> unit : characters.entrySet()) {
                boolean single = unit.getKey().codePointCount(0, unit.getKey().length()) == 1;
                if (!single || index.docFreq(new Term(PostIndex.BODY + ForumAnalysis.GRAM, unit.getKey())) <= common) {
                    telling.add(unit.getValue());
                }
            }
            return telling;
        }

        void add(String text) {
            for (Run run : runs(text)) {
                if (run.han()) {
                    han(run.text());
                } else {
                    latin(run.text());
                }
            }
        }

        private void han(String text) {
            List<String> characters = text.codePoints().mapToObj(Character::toString).toList();
            if (characters.size() <= 2) {
                // A short word is looked up exactly, as its characters in a row: every post that has
                // it, and only those (the synonym list applies to longer runs, questions).
                Query word = inTitleOrBody(ForumAnalysis.GRAM, field -> exact(field, text));
                if (word != null) {
                    words.putIfAbsent(text, word);
                    if (characters.size() == 2) {
                        // Loosely, either character: a name written with another (翁红 / 翁虹), a word cut short.
                        looser.put(text, inTitleOrBody(ForumAnalysis.GRAM, field -> share(characters.stream()
                                .map(character -> (Query) new TermQuery(new Term(field, character))).toList(), 1)));
                    }
                }
                return;
            }
            for (int i = 0; i < text.length(); ) {
                String word = synonyms.wordAt(text, i);
                if (word != null && word.length() > 1) {
                    // A word of the synonym list is one unit: it, or any of its equivalents.
                    this.characters.computeIfAbsent(word, key -> inTitleOrBody(ForumAnalysis.GRAM, field -> wordOrSynonym(field, word)));
                    i += word.length();
                    continue;
                }
                String character = Character.toString(text.codePointAt(i));
                this.characters.computeIfAbsent(character, key -> inTitleOrBody(ForumAnalysis.GRAM, field -> exact(field, character)));
                i += character.length();
            }
            addPhrase(inTitleOrBody(ForumAnalysis.GRAM, field -> exact(field, text)));
            addBoost(inTitleOrBody(ForumAnalysis.GRAM, field -> pairs(field, characters)), PAIR_BOOST);
            addBoost(inTitleOrBody(ForumAnalysis.ZH, field -> zh.createBooleanQuery(field, text, Occur.SHOULD)), WORD_BOOST);
        }

        /**
         * Each English word is a unit, found as its stem or, when it has three characters or
         * more, as a substring: a product code or a run-together name (thinkpadt42) is inside
         * a longer token of the post, which the word index cannot see.
         */
        private void latin(String text) {
            List<String> stems = new ArrayList<>();
            for (String word : text.strip().split("\\s+")) {
                List<String> tokens = ForumAnalysis.tokens(english, word);
                if (tokens.isEmpty()) {
                    continue;  // a stop word or punctuation
                }
                stems.addAll(tokens);
                String key = String.join(" ", tokens);
                looseLatin(key, word);
                words.computeIfAbsent(key, unused -> {
                    BooleanQuery.Builder either = new BooleanQuery.Builder();
                    for (String token : tokens) {
                        either.add(inTitleOrBody(ForumAnalysis.EN, field -> new TermQuery(new Term(field, token))), Occur.SHOULD);
                    }
                    if (word.codePointCount(0, word.length()) >= 3) {
                        Query inTitle = exact(PostIndex.TITLE + ForumAnalysis.GRAM, word);
                        if (inTitle != null) {
                            either.add(new BoostQuery(inTitle, TITLE_BOOST), Occur.SHOULD);
                            if (!titleOnly) {
                                addBoost(exact(PostIndex.BODY + ForumAnalysis.GRAM, word), INSIDE_BOOST);
                            }
                        }
                    }
                    return either.build();
                });
            }
            if (stems.size() > 1) {
                addPhrase(inTitleOrBody(ForumAnalysis.EN, field -> en.createPhraseQuery(field, text, ENGLISH_SLOP)));
            }
        }

        /**
         * Loosely, an English word of four letters or more is also half its pairs in a title: a
         * word run together or misspelt (aslongasuloveme, dount). Titles only: Latin pairs are
         * common, and a body's would match most posts.
         */
        private void looseLatin(String key, String word) {
            int[] letters = CharacterGramTokenizer.normalize(word).codePoints().toArray();
            if (letters.length < 4 || looser.containsKey(key)) {
                return;
            }
            List<Query> pairs = new ArrayList<>();
            for (int i = 0; i + 1 < letters.length; i++) {
                pairs.add(new TermQuery(new Term(PostIndex.TITLE + ForumAnalysis.GRAM, new String(letters, i, 2))));
            }
            looser.put(key, share(pairs, (pairs.size() + 1) / 2));
        }

        /** Each neighbouring pair of the run, any of them: the more a post has, the closer it is to the words asked. */
        private Query pairs(String field, List<String> characters) {
            BooleanQuery.Builder any = new BooleanQuery.Builder();
            for (int i = 0; i + 1 < characters.size(); i++) {
                any.add(new TermQuery(new Term(field, characters.get(i) + characters.get(i + 1))), Occur.SHOULD);
            }
            return any.build();
        }

        private void addPhrase(Query query) {
            if (query != null) {
                phrases.add(new BoostQuery(query, PHRASE_BOOST));
            }
        }

        private void addBoost(Query query, float boost) {
            if (query != null) {
                boosts.add(new BoostQuery(query, boost));
            }
        }

        private Query inTitleOrBody(String suffix, Function<String, Query> build) {
            return QueryCompiler.inTitleOrBody(suffix, titleOnly, build);
        }
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
                    if (run.han() && !term.phrase()) {
                        // Free words match by parts: mark the words of the run that the post has.
                        for (String word : ForumAnalysis.tokens(smartcn, run.text())) {
                            if (word.codePointCount(0, word.length()) > 1) {
                                marks.add(en.createPhraseQuery(PostIndex.BODY + ForumAnalysis.EN, word), Occur.SHOULD);
                            }
                        }
                    }
                }
            }
        }
        return marks.build();
    }

    /**
     * A word of an OR group or an exclusion, or a quoted phrase. A phrase is an exact substring
     * of the title or the body, whatever its characters; a word must match whole: its Chinese
     * runs as characters in a row, its English words all.
     */
    private Query term(UserQuery.Term term, boolean titleOnly) {
        if (term.phrase()) {
            return inTitleOrBody(ForumAnalysis.GRAM, titleOnly, field -> exact(field, term.text()));
        }
        BooleanQuery.Builder every = new BooleanQuery.Builder();
        int parts = 0;
        for (Run run : runs(term.text())) {
            Query part = run.han()
                    ? inTitleOrBody(ForumAnalysis.GRAM, titleOnly, field -> exact(field, run.text()))
                    : inTitleOrBody(ForumAnalysis.EN, titleOnly, field -> en.createBooleanQuery(field, run.text(), Occur.MUST));
            if (part != null) {
                every.add(part, Occur.MUST);
                parts++;
            }
        }
        return parts == 0 ? null : every.build();
    }

    /**
     * Posts whose field holds {@code text} as a substring (after {@link CharacterGramTokenizer#normalize}):
     * its run of neighbouring pairs, or the one character; null for nothing to find. Every other
     * pair, and the last, already cover every character in its place: asking for half the pairs
     * finds the same posts with half the postings to read (Latin pairs are common: a quoted
     * English phrase reads long lists).
     */
    static Query exact(String field, String text) {
        int[] characters = CharacterGramTokenizer.normalize(text).strip().codePoints().toArray();
        if (characters.length == 0) {
            return null;
        }
        if (characters.length == 1) {
            String character = new String(characters, 0, 1);
            // Only Han characters are indexed alone; any other is found as the first of a pair,
            // or alone at the very end of a text (CharacterGramTokenizer).
            return ForumAnalysis.isHan(characters[0]) ? new TermQuery(new Term(field, character))
                    : new PrefixQuery(new Term(field, character));
        }
        PhraseQuery.Builder pairs = new PhraseQuery.Builder();
        int last = characters.length - 2;
        for (int i = 0; i < last; i += 2) {
            pairs.add(new Term(field, new String(characters, i, 2)), i);
        }
        pairs.add(new Term(field, new String(characters, last, 2)), last);
        return pairs.build();
    }

    /** {@code word} as a substring of the field, or any of its equivalents when it is on the synonym list. */
    private Query wordOrSynonym(String field, String word) {
        String listed = synonyms.wordAt(word, 0);
        if (listed == null || !listed.equals(word)) {
            return exact(field, word);
        }
        // Each equivalent as its run of pairs: a pair is a rarer term than either of its characters.
        BooleanQuery.Builder any = new BooleanQuery.Builder();
        for (String equivalent : synonyms.equivalents(word)) {
            any.add(exact(field, equivalent), Occur.SHOULD);
        }
        return any.build();
    }

    /** The same query on the title (weighted) and, unless only titles are searched, the body; null if there is none. */
    private static Query inTitleOrBody(String suffix, boolean titleOnly, Function<String, Query> build) {
        Query title = build.apply(PostIndex.TITLE + suffix);
        if (title == null) {
            return null;
        }
        BooleanQuery.Builder either = new BooleanQuery.Builder().add(new BoostQuery(title, TITLE_BOOST), Occur.SHOULD);
        if (!titleOnly) {
            either.add(build.apply(PostIndex.BODY + suffix), Occur.SHOULD);
        }
        return either.build();
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
            dates(all, query.after(), query.before(), request);
        }
        SearchRequest.Filters chosen = request.filters();
        if (chosen.board() != null) {
            all.add(boards(Set.of(chosen.board())), Occur.FILTER);
        }
        if (chosen.author() != null) {
            all.add(new TermQuery(new Term(PostIndex.AUTHOR, chosen.author().toLowerCase(Locale.ROOT))), Occur.FILTER);
        }
        if (chosen.from() != null || chosen.to() != null) {
            dates(all, chosen.from(), chosen.to() == null ? null : chosen.to().plusDays(1), request);
        }
    }

    /** Posts made from the start of day {@code after} (if any) until before the start of day {@code before} (if any). */
    private static void dates(BooleanQuery.Builder all, LocalDate after, LocalDate before, SearchRequest request) {
        long from = after == null ? Long.MIN_VALUE : startOf(after, request);
        long to = before == null ? Long.MAX_VALUE : startOf(before, request) - 1;
        all.add(from > to ? new MatchNoDocsQuery() : LongField.newRangeQuery(PostIndex.CREATED, from, to), Occur.FILTER);
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
            boolean han = ForumAnalysis.isHan(codePoint);
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

}
