package org.linli.forum.search;

import org.apache.lucene.store.FSDirectory;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;

/**
 * The search benchmark: indexes posts made from the shared corpora (20 Newsgroups and the
 * message board, repeated with variations: sentences shuffled, a variant number woven in) up to
 * each requested size, then times a fixed mix of English, Chinese, phrase and filtered queries.
 * In the same run it scans the same texts by brute force (String.contains), the baseline every
 * figure is also given against. Run:
 * <pre>
 * mvn -q -pl forum-search test-compile exec:java -Dexec.classpathScope=test \
 *     -Dexec.mainClass=org.linli.forum.search.SearchBenchmark -Dexec.args="100000 1000000" \
 *     -Dlinli.corpora=$PWD/../shared/corpora
 * </pre>
 */
public final class SearchBenchmark {

    private static final List<String> QUERIES = List.of(
            "water leak", "space shuttle launch", "\"graphics card\"", "encryption -clipper", "路灯", "物业", "噪音 扰民",
            "小区停车", "\"道路施工\"", "漏水 board:2", "hockey OR baseball", "电梯 after:2019-06-01", "problem in:title", "投诉",
            // Questions in people's own words, as the search box gets them most.
            "路灯不亮怎么办", "小区的停车位被占了怎么办", "how do I fix a water leak in the basement");

    /** Keeps the scans' results alive, so the JIT cannot drop the loop. */
    private static long blackhole;
    /** Indexing threads (-Dbench.threads, default one per core). */
    private static final int THREADS = Integer.getInteger("bench.threads", Runtime.getRuntime().availableProcessors());
    private static final int IN_FLIGHT = THREADS * 256;

    private SearchBenchmark() {
    }

    public static void main(String[] args) throws IOException {
        List<Integer> sizes = args.length == 0 ? List.of(100_000) : Arrays.stream(args).map(Integer::valueOf).toList();
        List<String[]> seeds = seeds();
        System.out.printf(Locale.ROOT, "%d seed texts from the corpora; %d cores; %d indexing threads; heap %d MB%n", seeds.size(),
                Runtime.getRuntime().availableProcessors(), THREADS, Runtime.getRuntime().maxMemory() >> 20);
        System.out.println("| posts | index posts/s | index size MB | query p50 ms | query p99 ms | scan p50 ms | scan p99 ms | scan/index p50 | scan/index p99 |");
        System.out.println("|---|---|---|---|---|---|---|---|---|");
        for (int size : sizes) {
            run(size, seeds);
        }
        System.out.println("(scan hits: " + blackhole + ")");
    }

    private static void run(int size, List<String[]> seeds) throws IOException {
        Path folder = Files.createTempDirectory("linli-bench-");
        Random random = new Random(size);
        List<String> texts = new ArrayList<>(size);
        long started = System.nanoTime();
        try (PostIndex index = PostIndex.open(FSDirectory.open(folder))) {
            Instant epoch = Instant.parse("2019-01-01T00:00:00Z");
            // The IndexWriter takes documents from several threads at once; analysis is the cost.
            ExecutorService indexers = Executors.newFixedThreadPool(THREADS);
            Semaphore inFlight = new Semaphore(IN_FLIGHT);
            AtomicReference<IOException> failure = new AtomicReference<>();
            for (int i = 0; i < size; i++) {
                String[] seed = seeds.get(i % seeds.size());
                String body = vary(seed[1], i / seeds.size(), random);
                // Many short topics, a few long ones: every 50th post opens a new topic, one topic in 500 keeps growing.
                long topic = i % 500 == 0 ? 1 : i / 50 + 2;
                PostDocument document = new PostDocument(i + 1, topic, 1 + i % 3, i % 50 + 1, "user" + (i % 997), seed[0], body,
                        epoch.plusSeconds(i * 60L), i % 100 != 0);
                inFlight.acquireUninterruptibly();
                indexers.execute(() -> {
                    try {
                        index.upsert(document);
                    } catch (IOException e) {
                        failure.compareAndSet(null, e);
                    } finally {
                        inFlight.release();
                    }
                });
                texts.add(seed[0] + "\n" + body);
            }
            inFlight.acquireUninterruptibly(IN_FLIGHT);  // every document is in
            indexers.shutdown();
            if (failure.get() != null) {
                throw failure.get();
            }
            index.commit(java.util.Map.of("watermark", Integer.toString(size)));
            index.refresh();
            double indexSeconds = (System.nanoTime() - started) / 1e9;

            // Warm up, then time each query of the mix repeatedly.
            for (String query : QUERIES) {
                index.search(SearchRequest.of(query));
            }
            List<Double> latencies = new ArrayList<>();
            java.util.Map<String, Double> slowest = new java.util.TreeMap<>();
            for (int round = 0; round < 20; round++) {
                for (String query : QUERIES) {
                    long t = System.nanoTime();
                    index.search(SearchRequest.of(query));
                    double ms = (System.nanoTime() - t) / 1e6;
                    latencies.add(ms);
                    slowest.merge(query, ms, Math::max);
                }
            }
            if (Boolean.getBoolean("bench.perQuery")) {
                slowest.forEach((query, ms) -> System.out.printf(Locale.ROOT, "  slowest %-24s %.1f ms%n", query, ms));
            }
            List<Double> scans = new ArrayList<>();
            List<String> needles = List.of("water", "路灯", "噪音", "launch", "电梯");
            for (int round = 0; round < 3; round++) {
                for (String needle : needles) {
                    long t = System.nanoTime();
                    long hits = 0;
                    for (String text : texts) {
                        if (text.contains(needle)) {
                            hits++;
                        }
                    }
                    scans.add((System.nanoTime() - t) / 1e6);
                    blackhole += hits;
                }
            }
            long bytes;
            try (Stream<Path> files = Files.walk(folder)) {
                bytes = files.filter(Files::isRegularFile).mapToLong(f -> f.toFile().length()).sum();
            }
            double p99 = percentile(latencies, 99);
            double scanP99 = percentile(scans, 99);
            double p50 = percentile(latencies, 50);
            double scanP50 = percentile(scans, 50);
            System.out.printf(Locale.ROOT, "| %,d | %,.0f | %.0f | %.2f | %.2f | %.1f | %.1f | %.1f× | %.1f× |%n",
                    size, size / indexSeconds, bytes / 1e6, p50, p99, scanP50, scanP99, scanP50 / p50, scanP99 / p99);
        } finally {
            try (Stream<Path> files = Files.walk(folder)) {
                files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
            }
        }
    }

    /** The same seed reads differently each time round: sentences shuffled, a variant number added. */
    static String vary(String text, int round, Random random) {
        if (round == 0) {
            return text;
        }
        List<String> sentences = new ArrayList<>(List.of(text.split("(?<=[。！？.!?])")));
        java.util.Collections.shuffle(sentences, random);
        return String.join("", sentences) + " #" + round;
    }

    private static double percentile(List<Double> values, int percentile) {
        List<Double> sorted = values.stream().sorted().toList();
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(percentile / 100.0 * sorted.size()) - 1));
    }

    /** The posts' texts: title and body of each message and reply of the corpora. */
    static List<String[]> seeds() throws IOException {
        List<String[]> seeds = new ArrayList<>();
        Path corpora = Path.of(System.getProperty("linli.corpora", "../../shared/corpora")).toAbsolutePath().normalize();
        for (String file : List.of("en/20news-bydate.train-threads.jsonl.gz", "zh/gov-message-board.train.jsonl.gz")) {
            try (BufferedReader reader = new BufferedReader(new InputStreamReader(
                    new GZIPInputStream(Files.newInputStream(corpora.resolve(file))), StandardCharsets.UTF_8))) {
                String line;
                while ((line = reader.readLine()) != null) {
                    var record = JsonStrings.parse(line);
                    String title = record.getOrDefault("title", record.getOrDefault("subject", ""));
                    seeds.add(new String[] {title, record.getOrDefault("body", "")});
                    if (record.containsKey("reply")) {
                        seeds.add(new String[] {title, record.get("reply")});
                    }
                }
            }
        }
        return seeds;
    }
}
