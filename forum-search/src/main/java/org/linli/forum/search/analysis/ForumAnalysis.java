package org.linli.forum.search.analysis;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.StopFilter;
import org.apache.lucene.analysis.core.FlattenGraphFilter;
import org.apache.lucene.analysis.en.EnglishPossessiveFilter;
import org.apache.lucene.analysis.en.PorterStemFilter;
import org.apache.lucene.analysis.miscellaneous.WordDelimiterGraphFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.cjk.CJKBigramFilter;
import org.apache.lucene.analysis.cjk.CJKWidthFilter;
import org.apache.lucene.analysis.cn.smart.SmartChineseAnalyzer;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;
import org.apache.lucene.analysis.standard.StandardTokenizer;

import java.util.Map;

/**
 * Each text (title, body) is indexed three ways, because Chinese and English need different
 * cutting and no single one finds everything:
 * <ul>
 *     <li>{@code _zh}: smartcn word segmentation (路灯 / 坏 / 了), for ranking by real words;</li>
 *     <li>{@code _cjk}: every Han character and every pair of neighbours (路, 路灯, 灯), the recall
 *     safety net: a query of any length is matched as a run of pairs, or one character alone,
 *     so a post that contains the characters is found whatever smartcn made of them;</li>
 *     <li>{@code _en}: English with stemming (leaks → leak) and stop words; words joined by dots,
 *     apostrophes or @ are indexed whole and in parts (engin.umich.edu, umich; hasn't, hasn), so
 *     either finds them; Han characters come out of it one by one, which the highlighter uses to
 *     mark Chinese matches exactly.</li>
 * </ul>
 */
public final class ForumAnalysis {

    public static final String ZH = "_zh";
    public static final String CJK = "_cjk";
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

    /** Han characters and neighbouring pairs at the same positions, for indexing. */
    public static Analyzer cjkIndexing() {
        return new CjkAnalyzer(true);
    }

    /** Only the pairs (or a lone character), for turning a query's Chinese run into a phrase. */
    public static Analyzer cjkQuerying() {
        return new CjkAnalyzer(false);
    }

    /** The index analyzer: fields named …_zh, …_cjk and …_en get theirs; the rest are keywords. */
    public static Analyzer perField(String... textFields) {
        Analyzer zh = new SmartChineseAnalyzer();
        Analyzer cjk = cjkIndexing();
        Analyzer en = new EnglishIndexAnalyzer();
        Map<String, Analyzer> analyzers = new java.util.HashMap<>();
        for (String field : textFields) {
            analyzers.put(field + ZH, zh);
            analyzers.put(field + CJK, cjk);
            analyzers.put(field + EN, en);
        }
        return new PerFieldAnalyzerWrapper(en, analyzers);
    }

    /** English for indexing: the English analyzer's chain, with joined words also split into parts. */
    private static final class EnglishIndexAnalyzer extends Analyzer {

        private static final int PARTS = WordDelimiterGraphFilter.GENERATE_WORD_PARTS
                | WordDelimiterGraphFilter.GENERATE_NUMBER_PARTS | WordDelimiterGraphFilter.PRESERVE_ORIGINAL;

        @Override
        protected TokenStreamComponents createComponents(String fieldName) {
            Tokenizer source = new StandardTokenizer();
            TokenStream stream = new WordDelimiterGraphFilter(source, PARTS, null);
            stream = new FlattenGraphFilter(stream);
            stream = new EnglishPossessiveFilter(stream);
            stream = new LowerCaseFilter(stream);
            stream = new StopFilter(stream, EnglishAnalyzer.ENGLISH_STOP_WORDS_SET);
            stream = new PorterStemFilter(stream);
            return new TokenStreamComponents(source, stream);
        }

        @Override
        protected TokenStream normalize(String fieldName, TokenStream in) {
            return new LowerCaseFilter(in);
        }
    }

    private static final class CjkAnalyzer extends Analyzer {

        private final boolean unigrams;

        CjkAnalyzer(boolean unigrams) {
            this.unigrams = unigrams;
        }

        @Override
        protected TokenStreamComponents createComponents(String fieldName) {
            Tokenizer source = new StandardTokenizer();
            TokenStream stream = new CJKWidthFilter(source);
            stream = new LowerCaseFilter(stream);
            stream = new CJKBigramFilter(stream, CJKBigramFilter.HAN | CJKBigramFilter.HIRAGANA
                    | CJKBigramFilter.KATAKANA | CJKBigramFilter.HANGUL, unigrams);
            return new TokenStreamComponents(source, stream);
        }

        @Override
        protected TokenStream normalize(String fieldName, TokenStream in) {
            return new LowerCaseFilter(new CJKWidthFilter(in));
        }
    }
}
