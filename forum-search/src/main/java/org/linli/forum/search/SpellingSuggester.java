package org.linli.forum.search;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.spell.DirectSpellChecker;
import org.apache.lucene.search.spell.SuggestMode;
import org.apache.lucene.search.spell.SuggestWord;
import org.linli.forum.search.analysis.ForumAnalysis;

import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * "Did you mean": each English word of a query that no post has is replaced by the closest word
 * the posts do have (Lucene's {@link DirectSpellChecker}, edit distance over the index's own
 * terms, the more frequent first). Chinese is left as typed: a misspelt Han word is a wrong
 * character, which edit distance cannot tell from a different word.
 */
final class SpellingSuggester {

    /** Latin words outside quotes and filters (board:3 and the like are left alone). */
    private static final Pattern WORD = Pattern.compile("(?<![\\p{L}\\p{N}:\"-])[A-Za-z]{4,}(?![\\p{L}\\p{N}:])");

    private final DirectSpellChecker checker = new DirectSpellChecker();
    private final Analyzer english;
    private final String[] fields;

    /** {@code english} analyses a word as the fields were analysed (their terms are stems). */
    SpellingSuggester(Analyzer english, String... fields) {
        this.english = english;
        this.fields = fields;
        checker.setMinQueryLength(4);
        checker.setMaxEdits(2);
    }

    /** The query with its unknown words corrected, or null when there is nothing to correct. */
    String suggest(IndexReader reader, String query) throws IOException {
        if (query == null || query.indexOf('"') >= 0) {
            return null;
        }
        Matcher words = WORD.matcher(query);
        StringBuilder corrected = new StringBuilder();
        boolean changed = false;
        while (words.find()) {
            String word = words.group().toLowerCase(Locale.ROOT);
            String better = closest(reader, word);
            words.appendReplacement(corrected, Matcher.quoteReplacement(better == null ? words.group() : better));
            changed |= better != null;
        }
        words.appendTail(corrected);
        return changed ? corrected.toString() : null;
    }

    private String closest(IndexReader reader, String word) throws IOException {
        List<String> stems = ForumAnalysis.tokens(english, word);
        if (stems.size() != 1) {
            return null;  // a stop word
        }
        SuggestWord best = null;
        for (String field : fields) {
            Term term = new Term(field, stems.get(0));
            if (reader.docFreq(term) > 0) {
                return null;  // a word the posts have is no misspelling
            }
            SuggestWord[] found = checker.suggestSimilar(term, 1, reader, SuggestMode.SUGGEST_WHEN_NOT_IN_INDEX);
            if (found.length > 0 && (best == null || found[0].score > best.score
                    || (found[0].score == best.score && found[0].freq > best.freq))) {
                best = found[0];
            }
        }
        return best == null ? null : best.string;
    }
}
