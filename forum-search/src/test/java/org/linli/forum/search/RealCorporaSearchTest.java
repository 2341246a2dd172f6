package org.linli.forum.search;

import org.apache.lucene.store.ByteBuffersDirectory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.linli.forum.search.analysis.CharacterGramTokenizer;
import org.linli.forum.search.SearchResults.TopicHit;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

/**
 * Search on real discussions nobody on the project wrote: 20 Newsgroups threads (English) and a
 * Chinese government message board whose official replies become reply posts, from
 * ../shared/corpora. Known-item search, exact recall of two-character Chinese words against a
 * brute-force scan, and hostile queries.
 */
class RealCorporaSearchTest {

    private static final int KNOWN_ITEMS = 500;
    private static final Pattern ENGLISH_WORD = Pattern.compile("\\b[A-Za-z]{4,}\\b");
    private static final Pattern HAN_SPAN = Pattern.compile("\\p{IsHan}{6,}");

    private static PostIndex index;
    private static final List<PostDocument> english = new ArrayList<>();
    private static final List<PostDocument> chinese = new ArrayList<>();

    @BeforeAll
    static void indexTheCorpora() throws IOException {
        index = PostIndex.open(new ByteBuffersDirectory());
        Map<String, Long> topics = new HashMap<>();
        Map<String, Long> boards = new HashMap<>();
        long[] postId = {1};
        Instant start = Instant.parse("2019-01-01T00:00:00Z");
        readJsonLines(corpora().resolve("en/20news-bydate.train-threads.jsonl.gz"), record -> {
            long topic = topics.computeIfAbsent("en:" + record.get("thread_id"), key -> (long) topics.size() + 1);
            long board = boards.computeIfAbsent(record.get("newsgroup"), key -> (long) boards.size() + 1);
            String subject = record.getOrDefault("subject", "").replaceFirst("^(?i)(re:\\s*)+", "");
            english.add(new PostDocument(postId[0]++, topic, board, 1, record.getOrDefault("from", "?"),
                    subject, record.getOrDefault("body", ""), start.plusSeconds(postId[0]), true));
        });
        long zhBoard = boards.size() + 1L;
        readJsonLines(corpora().resolve("zh/gov-message-board.train.jsonl.gz"), record -> {
            long topic = topics.computeIfAbsent("zh:" + record.get("id"), key -> (long) topics.size() + 1);
            chinese.add(new PostDocument(postId[0]++, topic, zhBoard, 1, record.get("user"), record.get("title"),
                    record.get("body"), start.plusSeconds(postId[0]), true));
            if (record.containsKey("reply")) {
                chinese.add(new PostDocument(postId[0]++, topic, zhBoard, 2, "staff", record.get("title"),
                        record.get("reply"), start.plusSeconds(postId[0]), true));
            }
        });
        for (PostDocument post : english) {
            index.upsert(post);
        }
        for (PostDocument post : chinese) {
            index.upsert(post);
        }
        index.refresh();
    }

    @AfterAll
    static void close() throws IOException {
        index.close();
    }

    /**
     * For each sampled post, a distinctive 2 to 4 word run of its text: of ten random runs, the
     * one whose words are rarest in the corpus (by a plain count, not by the engine).
     */
    @Test
    void englishKnownItemsAreInTheTopTen() throws IOException {
        double share = englishKnownItems(2, 4, 20_260_101);
        assertThat(share).isGreaterThanOrEqualTo(0.99);
    }

    /** The same with runs of two words only, where ranking has the least to go on. */
    @Test
    void englishKnownItemsOfTwoWordsAreInTheTopTen() throws IOException {
        double share = englishKnownItems(2, 2, 20_260_103);
        assertThat(share).isGreaterThanOrEqualTo(0.98);
    }

    private static double englishKnownItems(int shortest, int longest, long seed) throws IOException {
        Map<String, Integer> postsWith = new HashMap<>();
        for (PostDocument post : english) {
            words(post.body()).stream().map(String::toLowerCase).distinct().forEach(word -> postsWith.merge(word, 1, Integer::sum));
        }
        Random random = new Random(seed);
        int found = 0;
        int tried = 0;
        while (tried < KNOWN_ITEMS) {
            PostDocument post = english.get(random.nextInt(english.size()));
            List<String> words = words(post.body());
            if (words.size() < 8) {
                continue;
            }
            int length = shortest + random.nextInt(longest - shortest + 1);
            String best = null;
            double bestRarity = -1;
            for (int candidate = 0; candidate < 10; candidate++) {
                int from = random.nextInt(words.size() - length);
                List<String> run = words.subList(from, from + length);
                double rarity = run.stream().mapToDouble(w -> Math.log((double) english.size() / postsWith.get(w.toLowerCase()))).sum();
                if (rarity > bestRarity) {
                    bestRarity = rarity;
                    best = String.join(" ", run);
                }
            }
            tried++;
            if (topTen(best, post.topicId())) {
                found++;
            } else if (Boolean.getBoolean("linli.knownitem.misses")) {
                System.out.println("Missed: " + best + " :: " + post.body().substring(0, Math.min(3000, post.body().length())).replace('\n', ' '));
            }
        }
        System.out.printf("Known-item search, English (20 Newsgroups, %d posts), runs of %d-%d words: %d of %d in the top 10 (%.1f%%)%n",
                english.size(), shortest, longest, found, tried, 100.0 * found / tried);
        return (double) found / tried;
    }

    private static List<String> words(String text) {
        List<String> words = new ArrayList<>();
        Matcher matcher = ENGLISH_WORD.matcher(text);
        while (matcher.find()) {
            words.add(matcher.group());
        }
        return words;
    }

    @Test
    void chineseKnownItemsAreInTheTopTen() throws IOException {
        Random random = new Random(20_260_102);
        int found = 0;
        int tried = 0;
        while (tried < KNOWN_ITEMS) {
            PostDocument post = chinese.get(random.nextInt(chinese.size()));
            List<String> spans = new ArrayList<>();
            Matcher matcher = HAN_SPAN.matcher(post.body());
            while (matcher.find()) {
                spans.add(matcher.group());
            }
            if (spans.isEmpty()) {
                continue;
            }
            // Of ten random spans of 2 to 6 characters, the one that the fewest posts contain.
            int length = 2 + random.nextInt(5);
            String best = null;
            long bestCount = Long.MAX_VALUE;
            for (int candidate = 0; candidate < 10; candidate++) {
                String span = spans.get(random.nextInt(spans.size()));
                int from = random.nextInt(span.length() - length + 1);
                String text = span.substring(from, from + length);
                long count = chinese.stream().filter(p -> p.body().contains(text) || (p.postNumber() == 1 && p.topicTitle().contains(text))).count();
                if (count < bestCount) {
                    bestCount = count;
                    best = text;
                }
            }
            tried++;
            if (topTen(best, post.topicId())) {
                found++;
            } else if (Boolean.getBoolean("linli.knownitem.misses")) {
                System.out.println("Missed: " + best + " :: " + post.body().substring(0, Math.min(3000, post.body().length())).replace('\n', ' '));
            }
        }
        System.out.printf("Known-item search, Chinese (message board, %d posts): %d of %d in the top 10 (%.1f%%)%n",
                chinese.size(), found, tried, 100.0 * found / tried);
        assertThat(found).isGreaterThanOrEqualTo(tried * 95 / 100);
    }

    @Test
    void twoCharacterWordsFindEveryPostThatContainsThem() throws IOException {
        List<String> words = List.of("路灯", "物业", "噪音", "停车", "漏水", "小区", "业主", "垃圾", "施工", "道路",
                "投诉", "学校", "医院", "拆迁", "电梯", "绿化", "排水", "油烟", "扰民", "供水", "社区", "街道", "公交",
                "消防", "违建", "房租", "装修", "污染");
        for (String word : words) {
            // A post matches by its body, and a topic's opening post by the title too.
            long expected = chinese.stream()
                    .filter(post -> post.body().contains(word) || (post.postNumber() == 1 && post.topicTitle().contains(word))).count();
            SearchResults results = index.search(SearchRequest.of(word));
            assertThat(results.totalPosts()).as("posts containing %s", word).isEqualTo(expected);
            if (expected > 0) {
                assertThat(results.hits().get(0).snippetHtml() + results.hits().get(0).topicTitle()).contains(word);
            }
        }
        System.out.printf("Exact recall: %d two-character words, every count equal to a brute-force scan%n", words.size());
    }

    /**
     * A quoted phrase finds exactly the posts that contain it, for random spans of the Chinese
     * corpus whatever their characters (letters and digits inside codes such as A7县 too),
     * counted against a brute-force scan of the same normalized texts.
     */
    @Test
    void quotedSpansFindExactlyThePostsThatContainThem() throws IOException {
        List<String> texts = Stream.concat(chinese.stream(), english.stream()).map(post -> CharacterGramTokenizer.normalize(post.body())
                + (post.postNumber() == 1 ? "\u0000" + CharacterGramTokenizer.normalize(post.topicTitle()) : "")).toList();
        Random random = new Random(20_260_104);
        int checked = 0;
        int withLatin = 0;
        while (checked < 300) {
            String body = chinese.get(random.nextInt(chinese.size())).body();
            if (body.length() < 12) {
                continue;
            }
            int length = 2 + random.nextInt(7);
            int from = random.nextInt(body.length() - length);
            String span = body.substring(from, from + length);
            String normalized = CharacterGramTokenizer.normalize(span);
            if (span.contains("\"") || !normalized.equals(normalized.strip()) || Character.isSurrogate(span.charAt(0))
                    || Character.isSurrogate(span.charAt(span.length() - 1))) {
                continue;
            }
            long expected = texts.stream().filter(text -> text.contains(normalized)).count();
            SearchResults results = index.search(SearchRequest.of("\"" + span + "\""));
            assertThat(results.totalPosts()).as("posts containing \"%s\"", span).isEqualTo(expected);
            checked++;
            if (span.codePoints().anyMatch(c -> c < 0x80 && Character.isLetterOrDigit(c))) {
                withLatin++;
            }
        }
        System.out.printf("Exact phrases: %d random quoted spans (%d with letters or digits), every count equal to a brute-force scan%n",
                checked, withLatin);
    }

    @Test
    void hostileQueriesGiveOrdinaryResults() throws IOException {
        List<String> queries = new ArrayList<>();
        queries.addAll(lines(corpora().resolve("naughty-strings/blns/blns.txt")));
        try (Stream<Path> files = Files.walk(corpora().resolve("sqli"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".txt") && !f.getFileName().toString().startsWith("LICENSE")).toList()) {
                queries.addAll(lines(file));
            }
        }
        queries.add("\"".repeat(3) + "(((" + "OR ".repeat(50) + "-".repeat(20));
        queries.add("路灯".repeat(5000));
        for (String query : queries) {
            assertThatCode(() -> index.search(SearchRequest.of(query))).as(query).doesNotThrowAnyException();
        }
        System.out.printf("Hostile queries: %d, none failed%n", queries.size());
    }

    private static boolean topTen(String query, long topic) throws IOException {
        SearchRequest request = new SearchRequest(query, SearchRequest.Order.RELEVANCE, 1, 10, null, false, null);
        return index.search(request).hits().stream().map(TopicHit::topicId).anyMatch(id -> id == topic);
    }

    private static Path corpora() {
        return Path.of(System.getProperty("linli.corpora", "../../shared/corpora")).toAbsolutePath().normalize();
    }

    private static List<String> lines(Path file) throws IOException {
        return List.of(new String(Files.readAllBytes(file), StandardCharsets.UTF_8).split("\n"));
    }

    /** Reads the top-level string fields of each JSON line (enough for these corpora, no JSON library needed). */
    private static void readJsonLines(Path file, java.util.function.Consumer<Map<String, String>> each) throws IOException {
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(new GZIPInputStream(Files.newInputStream(file)), StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                each.accept(JsonStrings.parse(line));
            }
        }
    }
}
