package org.linli.forum.search.analysis;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.StopFilter;
import org.apache.lucene.analysis.core.FlattenGraphFilter;
import org.apache.lucene.analysis.en.EnglishPossessiveFilter;
import org.apache.lucene.analysis.en.KStemFilter;
import org.apache.lucene.analysis.miscellaneous.WordDelimiterGraphFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.cn.smart.SmartChineseAnalyzer;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;
import org.apache.lucene.analysis.standard.StandardTokenizer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Each text (title, body) is indexed three ways, because Chinese and English need different
 * cutting and no single one finds everything:
 * <ul>
 *     <li>{@code _zh}: smartcn word segmentation (路灯 / 坏 / 了), for ranking by real words;</li>
 *     <li>{@code _gram}: every character and every pair of neighbours, of any script (路, 路灯, 灯;
 *     a, a7, 7, 7县), the recall safety net: a question in one's own words is matched character by
 *     character, and a quoted phrase as its run of pairs, which is exactly a substring, whatever
 *     smartcn or the English tokenizer made of the text;</li>
 *     <li>{@code _en}: English with stemming (leaks → leak) and stop words; words joined by dots,
 *     apostrophes or @ are indexed whole and in parts (engin.umich.edu, umich; hasn't, hasn), so
 *     either finds them; Han characters come out of it one by one, which the highlighter uses to
 *     mark Chinese matches exactly.</li>
 * </ul>
 */
public final class ForumAnalysis {

    public static final String ZH = "_zh";
    public static final String GRAM = "_gram";
    public static final String EN = "_en";

    private ForumAnalysis() {
    }

    /**
     * Segments a Chinese sample with smartcn, so that a server that cannot load its dictionaries
     * finds out at start-up rather than at the first search. The dictionaries are serialized Java
     * arrays of up to 402,137 entries, which a JDK serialization filter with a smaller
     * {@code maxarray} (WildFly's standalone.sh sets 100000) refuses.
     *
     * @throws IllegalStateException if they cannot be loaded
     */
    public static void checkChineseDictionaries() {
        try (Analyzer zh = new SmartChineseAnalyzer();
             var tokens = zh.tokenStream("check", "青年路的路灯坏了")) {
            tokens.reset();
            while (tokens.incrementToken()) {
                // segmenting is the check
            }
            tokens.end();
        } catch (java.io.IOException | RuntimeException | LinkageError e) {
            throw new IllegalStateException("Lucene smartcn cannot load its Chinese dictionaries. If the server was started by "
                    + "WildFly's standalone.sh, its JDK serialization filter refuses them: start it with "
                    + "JDK_SERIAL_FILTER='maxbytes=10485760;maxdepth=128;maxarray=500000;maxrefs=300000'", e);
        }
    }

    /** Every character and neighbouring pair, for indexing ({@link CharacterGramTokenizer}). */
    public static Analyzer grams() {
        return new Analyzer() {
            @Override
            protected TokenStreamComponents createComponents(String fieldName) {
                return new TokenStreamComponents(new CharacterGramTokenizer());
            }
        };
    }

    /** The index analyzer: fields named …_zh, …_gram and …_en get theirs; the rest are keywords. */
    public static Analyzer perField(String... textFields) {
        Analyzer zh = new SmartChineseAnalyzer();
        Analyzer grams = grams();
        Analyzer en = new English(true);
        Map<String, Analyzer> analyzers = new java.util.HashMap<>();
        for (String field : textFields) {
            analyzers.put(field + ZH, zh);
            analyzers.put(field + GRAM, grams);
            analyzers.put(field + EN, en);
        }
        return new PerFieldAnalyzerWrapper(en, analyzers);
    }

    /**
     * English for queries: the index's chain without the splitting of joined words (a query's
     * engin.umich.edu is looked up whole, which the index also holds).
     */
    public static Analyzer englishQuerying() {
        return new English(false);
    }

    /** The one English stemmer, at index and query time alike. */
    private static TokenStream stem(TokenStream stream) {
        return new KStemFilter(stream);
    }

    /** Whether a character is Han (or kana, hangul): a script written without spaces between words. */
    public static boolean isHan(int codePoint) {
        Character.UnicodeScript script = Character.UnicodeScript.of(codePoint);
        return script == Character.UnicodeScript.HAN || script == Character.UnicodeScript.HIRAGANA
                || script == Character.UnicodeScript.KATAKANA || script == Character.UnicodeScript.HANGUL;
    }

    /** Whether {@code text} has a Han character ({@link #isHan}). */
    public static boolean hasHan(String text) {
        return text.codePoints().anyMatch(ForumAnalysis::isHan);
    }

    /** The terms {@code analyzer} makes of {@code text}, in order. */
    public static List<String> tokens(Analyzer analyzer, String text) {
        List<String> tokens = new ArrayList<>();
        try (TokenStream stream = analyzer.tokenStream("", text)) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            stream.reset();
            while (stream.incrementToken()) {
                tokens.add(term.toString());
            }
            stream.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);  // a string reader never fails
        }
        return tokens;
    }

    /**
     * English: standard tokens, possessives, lower case, stop words, the stemmer; for indexing,
     * joined words (engin.umich.edu, hasn't) also split into their parts beside the whole.
     */
    private static final class English extends Analyzer {

        private static final int PARTS = WordDelimiterGraphFilter.GENERATE_WORD_PARTS
                | WordDelimiterGraphFilter.GENERATE_NUMBER_PARTS | WordDelimiterGraphFilter.PRESERVE_ORIGINAL;

        private final boolean splitJoinedWords;

        English(boolean splitJoinedWords) {
            this.splitJoinedWords = splitJoinedWords;
        }

        @Override
        protected TokenStreamComponents createComponents(String fieldName) {
            Tokenizer source = new StandardTokenizer();
            TokenStream stream = source;
            if (splitJoinedWords) {
                stream = new FlattenGraphFilter(new WordDelimiterGraphFilter(stream, PARTS, null));
            }
            stream = new EnglishPossessiveFilter(stream);
            stream = new LowerCaseFilter(stream);
            stream = new StopFilter(stream, EnglishAnalyzer.ENGLISH_STOP_WORDS_SET);
            return new TokenStreamComponents(source, stem(stream));
        }

        @Override
        protected TokenStream normalize(String fieldName, TokenStream in) {
            return new LowerCaseFilter(in);
        }
    }
}
