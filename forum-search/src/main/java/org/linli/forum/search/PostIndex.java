package org.linli.forum.search;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.FieldType;
import org.apache.lucene.document.KeywordField;
import org.apache.lucene.document.LongField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.CorruptIndexException;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.IndexOptions;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.SortedNumericDocValues;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.SegmentInfos;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryRescorer;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.SimpleCollector;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.SortedNumericSortField;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TotalHits;
import org.apache.lucene.search.uhighlight.DefaultPassageFormatter;
import org.apache.lucene.search.uhighlight.UnifiedHighlighter;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.linli.forum.search.SearchResults.TopicHit;
import org.linli.forum.search.analysis.ForumAnalysis;
import org.linli.forum.search.query.UserQuery;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The search index of forum posts: one long-lived {@link IndexWriter} and a
 * {@link SearcherManager} over it, open from {@link #open} until {@link #close}. Writes are
 * upserts and deletes by post id; {@link #commit(Map)} makes them durable together with the
 * caller's own record of how far it has indexed, which {@link #committedData()} reads back after
 * a restart; {@link #refresh()} makes them searchable.
 */
public final class PostIndex implements Closeable {

    static final String ID = "id";
    static final String TOPIC = "topic";
    static final String BOARD = "board";
    static final String NUMBER = "number";
    static final String AUTHOR = "author";
    static final String AUTHOR_NAME = "author_name";
    static final String TITLE = "title";
    static final String BODY = "body";
    static final String CREATED = "created";
    static final String VISIBLE = "visible";

    /**
     * Raised whenever a field's analysis changes: 2, every character and pair of any script
     * (_gram); 3, only Han characters alone in _gram, and _zh only for texts with Han characters.
     */
    public static final int ANALYSIS_VERSION = 3;
    private static final String ANALYSIS = "analysis";

    /** How many best-matching posts are grouped into topics for paging. */
    public static final int GROUPING_WINDOW = 1000;

    private static final int SNIPPET_LENGTH = 160;

    private static final FieldType BODY_WITH_OFFSETS = new FieldType(TextField.TYPE_STORED);

    static {
        BODY_WITH_OFFSETS.setIndexOptions(IndexOptions.DOCS_AND_FREQS_AND_POSITIONS_AND_OFFSETS);
        BODY_WITH_OFFSETS.freeze();
    }

    private final Directory directory;
    private final Analyzer analyzer = ForumAnalysis.perField(TITLE, BODY);
    private final IndexWriter writer;
    private final SearcherManager searchers;
    private final QueryCompiler compiler = new QueryCompiler(null);
    private final SpellingSuggester spelling = new SpellingSuggester(ForumAnalysis.englishQuerying(),
            TITLE + ForumAnalysis.EN, BODY + ForumAnalysis.EN);

    private PostIndex(Directory directory) throws IOException {
        this.directory = directory;
        this.writer = new IndexWriter(directory, new IndexWriterConfig(analyzer)
                .setOpenMode(IndexWriterConfig.OpenMode.CREATE_OR_APPEND)
                .setRAMBufferSizeMB(128));
        this.searchers = new SearcherManager(writer, null);
    }

    /** Opens the index in {@code directory}, creating it if there is none. */
    public static PostIndex open(Directory directory) throws IOException {
        return new PostIndex(directory);
    }

    /** The index in {@code folder} on disk, created if there is none. */
    public static PostIndex open(Path folder) throws IOException {
        return new PostIndex(FSDirectory.open(folder));
    }

    public void upsert(PostDocument post) throws IOException {
        writer.updateDocument(new Term(ID, Long.toString(post.postId())), document(post));
    }

    public void delete(long postId) throws IOException {
        writer.deleteDocuments(new Term(ID, Long.toString(postId)));
    }

    /**
     * Makes every write so far durable, recording {@code data} (such as a sequence number) with
     * them, and the version of the analysis they were indexed with.
     */
    public void commit(Map<String, String> data) throws IOException {
        Map<String, String> all = new HashMap<>(data);
        all.put(ANALYSIS, Integer.toString(ANALYSIS_VERSION));
        writer.setLiveCommitData(all.entrySet());
        writer.commit();
    }

    /**
     * Whether a commit's {@link #committedData data} says it was indexed with today's analysis:
     * an index written with an older one must be built again, or its posts would be found by
     * rules it lacks.
     */
    public static boolean hasCurrentAnalysis(Map<String, String> committedData) {
        return Integer.toString(ANALYSIS_VERSION).equals(committedData.get(ANALYSIS));
    }

    /** What the last commit recorded; empty for an index that was never committed. */
    public Map<String, String> committedData() throws IOException {
        if (!DirectoryReader.indexExists(directory)) {
            return Map.of();
        }
        return SegmentInfos.readLatestCommit(directory).getUserData();
    }

    /** Makes every write so far visible to searches. */
    public void refresh() throws IOException {
        searchers.maybeRefreshBlocking();
    }

    /** How many posts are searchable now. */
    public int size() throws IOException {
        IndexSearcher searcher = searchers.acquire();
        try {
            return searcher.getIndexReader().numDocs();
        } finally {
            searchers.release(searcher);
        }
    }

    public SearchResults search(SearchRequest request) throws IOException {
        UserQuery parsed = UserQuery.parse(request.query());
        IndexSearcher searcher = searchers.acquire();
        try {
            QueryCompiler.Compiled compiled = compiler.find(parsed, request, searcher.getIndexReader());
            if (compiled == null) {
                return SearchResults.empty(request.page(), request.pageSize());
            }
            Query query = compiled.match();
            TopDocs top = top(searcher, compiled, request);
            boolean relaxed = false;
            if (top.scoreDocs.length == 0) {
                // Nothing has enough of the words: show what has any of them, and say so.
                QueryCompiler.Compiled anyWord = compiler.find(parsed, request, true, searcher.getIndexReader());
                TopDocs some = top(searcher, anyWord, request);
                if (some.scoreDocs.length > 0) {
                    query = anyWord.match();
                    top = some;
                    relaxed = true;
                }
            }
            long totalPosts = top.totalHits.relation == TotalHits.Relation.EQUAL_TO ? top.totalHits.value : searcher.count(query);

            StoredFields stored = searcher.storedFields();
            long[] topics = topicsOf(searcher, top.scoreDocs);
            Map<Long, ScoreDoc> bestPerTopic = new LinkedHashMap<>();
            for (int i = 0; i < top.scoreDocs.length; i++) {
                bestPerTopic.putIfAbsent(topics[i], top.scoreDocs[i]);
            }
            List<ScoreDoc> groups = new ArrayList<>(bestPerTopic.values());
            int from = Math.min(groups.size(), (request.page() - 1) * request.pageSize());
            List<ScoreDoc> page = groups.subList(from, Math.min(groups.size(), from + request.pageSize()));
            Map<Integer, Document> posts = new HashMap<>();
            for (ScoreDoc hit : page) {
                posts.put(hit.doc, stored.document(hit.doc));
            }
            String[] snippets = snippets(searcher, parsed, page, posts);

            List<TopicHit> hits = new ArrayList<>();
            Map<Long, Integer> postsPerTopic = postsPerTopic(searcher, query,
                    new ArrayList<>(bestPerTopic.keySet()).subList(from, from + page.size()));
            for (int i = 0; i < page.size(); i++) {
                Document post = posts.get(page.get(i).doc);
                long topic = post.getField(TOPIC).numericValue().longValue();
                hits.add(new TopicHit(topic, post.getField(BOARD).numericValue().longValue(), post.get(TITLE),
                        Long.parseLong(post.get(ID)), post.getField(NUMBER).numericValue().intValue(), post.get(AUTHOR_NAME),
                        Instant.ofEpochMilli(post.getField(CREATED).numericValue().longValue()),
                        snippets[i] != null ? snippets[i] : opening(post.get(BODY + ForumAnalysis.EN)),
                        postsPerTopic.getOrDefault(topic, 1)));
            }
            String suggestion = relaxed || hits.isEmpty() ? spelling.suggest(searcher.getIndexReader(), request.query()) : null;
            return new SearchResults(hits, totalPosts, groups.size(), request.page(), request.pageSize(), relaxed, suggestion);
        } finally {
            searchers.release(searcher);
        }
    }

    /**
     * How many posts of each topic on the page match: one pass over the query limited to those
     * topics (a count per topic would look every term of the query up again for each).
     */
    private static Map<Long, Integer> postsPerTopic(IndexSearcher searcher, Query query, List<Long> pageTopics) throws IOException {
        Map<Long, Integer> counts = new HashMap<>();
        if (pageTopics.isEmpty()) {
            return counts;
        }
        long[] topics = pageTopics.stream().mapToLong(Long::longValue).toArray();
        Query inTopics = new BooleanQuery.Builder().add(query, Occur.FILTER)
                .add(LongField.newSetQuery(TOPIC, topics), Occur.FILTER).build();
        searcher.search(inTopics, new SimpleCollector() {
            private SortedNumericDocValues topicOf;

            @Override
            protected void doSetNextReader(LeafReaderContext leaf) throws IOException {
                topicOf = DocValues.getSortedNumeric(leaf.reader(), TOPIC);
            }

            @Override
            public void collect(int doc) throws IOException {
                if (topicOf.advanceExact(doc)) {
                    counts.merge(topicOf.nextValue(), 1, Integer::sum);
                }
            }

            @Override
            public ScoreMode scoreMode() {
                return ScoreMode.COMPLETE_NO_SCORES;
            }
        });
        return counts;
    }

    /**
     * The best posts: newest first, or by relevance, their words' score plus, for these posts
     * only, their closeness ({@link QueryCompiler.Compiled}); the sum is the score the two would
     * have as one query.
     */
    private static TopDocs top(IndexSearcher searcher, QueryCompiler.Compiled query, SearchRequest request) throws IOException {
        if (request.order() == SearchRequest.Order.NEWEST) {
            return searcher.search(query.match(), GROUPING_WINDOW,
                    new Sort(new SortedNumericSortField(CREATED, SortField.Type.LONG, true)));
        }
        TopDocs byWords = searcher.search(query.match(), GROUPING_WINDOW);
        return query.closeness() == null || byWords.scoreDocs.length == 0 ? byWords
                : QueryRescorer.rescore(searcher, byWords, query.closeness(), 1, GROUPING_WINDOW);
    }

    /**
     * The topic of each hit, from doc values (reading stored fields would decompress every
     * hit's body): hits are visited in document order, as doc values want.
     */
    private static long[] topicsOf(IndexSearcher searcher, ScoreDoc[] hits) throws IOException {
        Integer[] byDoc = new Integer[hits.length];
        for (int i = 0; i < hits.length; i++) {
            byDoc[i] = i;
        }
        java.util.Arrays.sort(byDoc, java.util.Comparator.comparingInt(i -> hits[i].doc));
        List<LeafReaderContext> leaves = searcher.getIndexReader().leaves();
        long[] topics = new long[hits.length];
        int leafIndex = -1;
        SortedNumericDocValues values = null;
        for (int i : byDoc) {
            int leaf = ReaderUtil.subIndex(hits[i].doc, leaves);
            if (leaf != leafIndex) {
                leafIndex = leaf;
                values = DocValues.getSortedNumeric(leaves.get(leaf).reader(), TOPIC);
            }
            if (values.advanceExact(hits[i].doc - leaves.get(leaf).docBase)) {
                topics[i] = values.nextValue();
            }
        }
        return topics;
    }

    /** The marked snippets of the page's posts, from their bodies as already read ({@code posts}, by document). */
    private String[] snippets(IndexSearcher searcher, UserQuery parsed, List<ScoreDoc> page, Map<Integer, Document> posts)
            throws IOException {
        if (page.isEmpty()) {
            return new String[0];
        }
        UnifiedHighlighter.Builder builder = UnifiedHighlighter.builder(searcher, analyzer)
                .withFormatter(new DefaultPassageFormatter("<mark>", "</mark>", "…", true))
                .withBreakIterator(SnippetBreakIterator::new)
                .withMaxLength(Integer.MAX_VALUE - 1);
        UnifiedHighlighter highlighter = new UnifiedHighlighter(builder) {
            @Override
            protected List<CharSequence[]> loadFieldValues(String[] fields, DocIdSetIterator docs, int cacheCharsThreshold)
                    throws IOException {
                // The page's posts were read once already; reading them again would decompress them twice.
                List<CharSequence[]> values = new ArrayList<>();
                for (int doc = docs.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = docs.nextDoc()) {
                    Document post = posts.get(doc);
                    CharSequence[] texts = new CharSequence[fields.length];
                    for (int i = 0; i < fields.length; i++) {
                        String text = post == null ? null : post.get(fields[i]);
                        texts[i] = text == null ? "" : text;
                    }
                    values.add(texts);
                }
                return values;
            }
        };
        TopDocs docs = new TopDocs(new TotalHits(page.size(), TotalHits.Relation.EQUAL_TO), page.toArray(ScoreDoc[]::new));
        return highlighter.highlight(BODY + ForumAnalysis.EN, compiler.highlight(parsed), docs, 2);
    }

    /** The start of a post, escaped, for a hit whose body had nothing to mark (a title match). */
    private static String opening(String body) {
        String start = body.length() > SNIPPET_LENGTH ? body.substring(0, SNIPPET_LENGTH) + "…" : body;
        StringBuilder escaped = new StringBuilder(start.length());
        for (char c : start.toCharArray()) {
            switch (c) {
                case '<' -> escaped.append("&lt;");
                case '>' -> escaped.append("&gt;");
                case '&' -> escaped.append("&amp;");
                case '"' -> escaped.append("&quot;");
                case '\'' -> escaped.append("&#39;");
                default -> escaped.append(c);
            }
        }
        return escaped.toString();
    }

    private static Document document(PostDocument post) {
        Document document = new Document();
        document.add(new KeywordField(ID, Long.toString(post.postId()), Field.Store.YES));
        document.add(new LongField(TOPIC, post.topicId(), Field.Store.YES));
        document.add(new LongField(BOARD, post.boardId(), Field.Store.YES));
        document.add(new StoredField(NUMBER, post.postNumber()));
        document.add(new KeywordField(AUTHOR, post.author().toLowerCase(Locale.ROOT), Field.Store.NO));
        document.add(new StoredField(AUTHOR_NAME, post.author()));
        document.add(new LongField(CREATED, post.created().toEpochMilli(), Field.Store.YES));
        document.add(new KeywordField(VISIBLE, Boolean.toString(post.visible()), Field.Store.NO));
        document.add(new StoredField(TITLE, post.topicTitle()));
        // The title is searchable with the topic's opening post only, so that a title match
        // counts once, not once for every reply.
        if (post.postNumber() == 1) {
            for (String suffix : List.of(ForumAnalysis.ZH, ForumAnalysis.GRAM, ForumAnalysis.EN)) {
                if (!suffix.equals(ForumAnalysis.ZH) || ForumAnalysis.hasHan(post.topicTitle())) {
                    document.add(new TextField(TITLE + suffix, post.topicTitle(), Field.Store.NO));
                }
            }
        }
        // smartcn's words are asked for Chinese only: a text without Han characters (most English
        // posts) is not segmented, which was a third of the time to index one.
        if (ForumAnalysis.hasHan(post.body())) {
            document.add(new TextField(BODY + ForumAnalysis.ZH, post.body(), Field.Store.NO));
        }
        document.add(new TextField(BODY + ForumAnalysis.GRAM, post.body(), Field.Store.NO));
        // Stored once, in the English field, with offsets: the highlighter marks matches from the
        // postings instead of analysing every snippet's text again.
        document.add(new Field(BODY + ForumAnalysis.EN, post.body(), BODY_WITH_OFFSETS));
        return document;
    }

    /**
     * Reads every file of the searchable index through and checks it against the checksum Lucene
     * wrote with it: a damaged file (a bad disk block, a partial copy) is found even where no
     * search has read yet. Returns what is damaged, or nothing when every file matches. Reads the
     * whole index: for the background, not for a request.
     */
    public Optional<String> damage() throws IOException {
        IndexSearcher searcher = searchers.acquire();
        try {
            for (LeafReaderContext leaf : searcher.getIndexReader().leaves()) {
                leaf.reader().checkIntegrity();
            }
            return Optional.empty();
        } catch (CorruptIndexException damaged) {
            return Optional.of(damaged.getMessage());
        } finally {
            searchers.release(searcher);
        }
    }

    /**
     * Whether the index still takes writes. Lucene closes the writer for good after a tragic
     * failure (such as a full disk in the middle of a flush or merge); searches keep working on
     * what was last made visible, and the index must be opened again to write.
     */
    public boolean isWritable() {
        return writer.isOpen() && writer.getTragicException() == null;
    }

    @Override
    public void close() throws IOException {
        try {
            searchers.close();
        } finally {
            writer.close();
        }
    }
}
