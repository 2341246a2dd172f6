package org.linli.forum.search.analysis;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.synonym.SolrSynonymParser;
import org.apache.lucene.analysis.synonym.SynonymGraphFilter;
import org.apache.lucene.analysis.synonym.SynonymMap;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.util.graph.GraphTokenStreamFiniteStrings;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * The curated synonyms of synonyms.txt beside this class (如何 = 怎样 = 怎么, 小区 = 社区, …),
 * applied to a query's Chinese words only, through Lucene's {@link SynonymGraphFilter} over one
 * token per character: a word of the list becomes the graph of all its equivalents, which a
 * phrase over the characters of the index's _gram fields matches at consecutive positions.
 */
public final class QuerySynonyms {

    private static final String FILE = "synonyms.txt";

    private final SynonymMap map;
    /** The words of the list, longest first, for finding them in an unspaced run. */
    private final List<String> words;
    private final java.util.Map<String, List<String>> equivalents = new java.util.concurrent.ConcurrentHashMap<>();

    private QuerySynonyms(SynonymMap map, List<String> words) {
        this.map = map;
        this.words = words;
    }

    /** The list shipped with the forum. */
    public static QuerySynonyms load() {
        try (InputStream in = Objects.requireNonNull(QuerySynonyms.class.getResourceAsStream(FILE), FILE)) {
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            SolrSynonymParser parser = new SolrSynonymParser(true, true, characters());
            parser.parse(new StringReader(text));
            List<String> words = text.lines().map(String::strip).filter(line -> !line.isEmpty() && !line.startsWith("#"))
                    .flatMap(line -> Stream.of(line.split(","))).map(String::strip).filter(word -> !word.isEmpty())
                    .distinct().sorted(Comparator.comparingInt(String::length).reversed()).toList();
            return new QuerySynonyms(parser.build(), words);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (ParseException e) {
            throw new IllegalStateException(FILE + " line " + e.getErrorOffset() + ": " + e.getMessage(), e);
        }
    }

    /** The list's word that starts {@code text} at {@code from}, the longest, or null. */
    public String wordAt(String text, int from) {
        for (String word : words) {
            if (text.startsWith(word, from)) {
                return word;
            }
        }
        return null;
    }

    /**
     * {@code word} and its equivalents, read off the token graph that {@link SynonymGraphFilter}
     * makes of it: each path through the graph is one way of writing the word.
     */
    public List<String> equivalents(String word) {
        return equivalents.computeIfAbsent(word, this::paths);
    }

    private List<String> paths(String word) {
        List<String> paths = new java.util.ArrayList<>();
        try (Analyzer analyzer = analyzer(); TokenStream graph = analyzer.tokenStream("", word)) {
            var strings = new GraphTokenStreamFiniteStrings(graph).getFiniteStrings();
            while (strings.hasNext()) {
                StringBuilder path = new StringBuilder();
                TokenStream tokens = strings.next();
                CharTermAttribute term = tokens.addAttribute(CharTermAttribute.class);
                tokens.reset();
                while (tokens.incrementToken()) {
                    path.append(term);
                }
                paths.add(path.toString());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);  // a string reader never fails
        }
        return List.copyOf(paths);
    }

    /** One token per character, then the synonyms: for QueryBuilder, which turns the graph into a query. */
    public Analyzer analyzer() {
        return new Analyzer() {
            @Override
            protected TokenStreamComponents createComponents(String fieldName) {
                Tokenizer source = new CharacterTokenizer();
                TokenStream synonyms = new SynonymGraphFilter(source, map, true);
                return new TokenStreamComponents(source, synonyms);
            }
        };
    }

    private static Analyzer characters() {
        return new Analyzer() {
            @Override
            protected TokenStreamComponents createComponents(String fieldName) {
                return new TokenStreamComponents(new CharacterTokenizer());
            }
        };
    }

    /** Each character but white space a token of its own. */
    private static final class CharacterTokenizer extends Tokenizer {

        private final CharTermAttribute term = addAttribute(CharTermAttribute.class);

        @Override
        public boolean incrementToken() throws IOException {
            clearAttributes();
            int c;
            do {
                c = read(input);
            } while (c != -1 && Character.isWhitespace(c));
            if (c == -1) {
                return false;
            }
            term.setEmpty().append(Character.toString(c));
            return true;
        }

        private static int read(Reader in) throws IOException {
            int high = in.read();
            if (high == -1 || !Character.isHighSurrogate((char) high)) {
                return high;
            }
            int low = in.read();
            return low == -1 ? high : Character.toCodePoint((char) high, (char) low);
        }
    }
}
