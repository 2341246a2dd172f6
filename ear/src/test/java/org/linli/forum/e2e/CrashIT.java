package org.linli.forum.e2e;

import org.apache.lucene.index.CheckIndex;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.htmlunit.WebClient;
import org.htmlunit.html.HtmlForm;
import org.htmlunit.html.HtmlPage;
import org.junit.jupiter.api.Test;
import org.linli.forum.persistence.PostgresServer;

import java.io.IOException;
import java.net.URL;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A reply the forum acknowledged is never lost. Members reply as fast as they can while the
 * server is killed (SIGKILL, as a crash or an operator's kill -9 does) at a random moment, then
 * started again on the same data, several times over, on the default database (the embedded H2
 * file). After each restart: every acknowledged reply is in its topic exactly once, the post
 * numbers run 1..n without a gap, and search finds every acknowledged reply within seconds. At
 * the end, Lucene's CheckIndex finds the index clean. The same on PostgreSQL (a throwaway server
 * of the machine's own binaries, as the schema test starts one). {@code -Dlinli.crash.cycles=N} runs more
 * cycles than the 5 of the default run.
 */
class CrashIT {

    private static final int CYCLES = Integer.getInteger("linli.crash.cycles", 5);
    private static final int OFFSET = 300;
    private static final Duration START = Duration.ofMinutes(4);
    private static final Pattern TOKEN = Pattern.compile("crash-c\\d+-[a-z]+-n\\d+");
    private static final Pattern POST = Pattern.compile("<article class=\"post[^\"]*\" id=\"p(\\d+)\"");
    private static final Pattern FOUND = Pattern.compile("id=\"summary\">[^0-9]*(\\d+) ");
    /** The demo accounts, one per writer. */
    static final String[][] WRITERS = {
            {"resident", "linli-resident"}, {"moderator", "linli-moderator"}, {"staff", "linli-staff"}, {"admin", "linli-admin"}};

    @Test
    void everyAcknowledgedReplySurvivesKillsOfTheServerOnTheDefaultDatabase() throws Exception {
        crashAndCheck("H2 file database");
    }

    @Test
    void everyAcknowledgedReplySurvivesKillsOfTheServerOnPostgresql() throws Exception {
        try (PostgresServer postgres = PostgresServer.start()) {
            crashAndCheck("PostgreSQL", ForumProcess.onPostgres(postgres));
        }
    }

    /** The cycles on the database that {@code settings} choose (none: the default). */
    private void crashAndCheck(String database, String... settings) throws Exception {
        long seed = System.nanoTime();
        Random random = new Random(seed);
        Path wildfly = Path.of(System.getProperty("jboss.home"));
        try (ForumProcess forum = new ForumProcess(wildfly, Path.of("target/crash-server").toAbsolutePath(),
                Path.of("target/crash-data").toAbsolutePath(), OFFSET)) {
            forum.prepare(Path.of("target/linli-forum.ear"));
            forum.start(START, settings);
            long topic = startTopic(forum);

            Set<String> acknowledged = ConcurrentHashMap.newKeySet();
            List<String> report = new ArrayList<>();
            int lostInAll = 0;
            int duplicatedInAll = 0;
            for (int cycle = 1; cycle <= CYCLES; cycle++) {
                AtomicBoolean writing = new AtomicBoolean(true);
                List<Thread> writers = new ArrayList<>();
                Set<String> thisCycle = ConcurrentHashMap.newKeySet();
                for (int w = 0; w < WRITERS.length; w++) {
                    ReplyWriter writer = new ReplyWriter(forum, topic, String.format("crash-c%02d", cycle), WRITERS[w],
                            writing, thisCycle);
                    Thread thread = new Thread(writer, "crash-writer-" + w);
                    thread.start();
                    writers.add(thread);
                }
                long started = System.nanoTime();
                Thread.sleep(5_000 + random.nextInt(7_000));
                forum.kill();
                double seconds = (System.nanoTime() - started) / 1e9;
                writing.set(false);
                for (Thread thread : writers) {
                    thread.join(60_000);
                }
                acknowledged.addAll(thisCycle);

                forum.start(START, settings);
                Stored stored = read(forum, topic, TOKEN);
                int lost = 0;
                int duplicated = 0;
                for (String token : acknowledged) {
                    int times = stored.tokens().getOrDefault(token, 0);
                    lost += times == 0 ? 1 : 0;
                    duplicated += times > 1 ? 1 : 0;
                }
                lostInAll += lost;
                duplicatedInAll += duplicated;
                report.add("cycle " + cycle + ": " + thisCycle.size() + " acknowledged in " + String.format("%.1f s", seconds)
                        + " (" + String.format("%.1f", thisCycle.size() / seconds) + "/s), " + acknowledged.size()
                        + " in all, " + lost + " lost, " + duplicated + " duplicated, " + stored.numbers().size() + " posts");
                System.out.println("Crash test (" + database + ", seed " + seed + "), " + report.get(report.size() - 1));
                assertThat(stored.numbers()).as("post numbers 1..n, each once (cycle %d)", cycle)
                        .isEqualTo(Stream.iterate(1, n -> n + 1).limit(stored.numbers().size()).toList());
                assertThat(lost).as("acknowledged replies lost in cycle %d", cycle).isZero();
                assertThat(duplicated).as("acknowledged replies stored twice in cycle %d", cycle).isZero();
                assertFound(forum, thisCycle);
            }
            System.out.println("Crash test (seed " + seed + "), " + database + ":\n  " + String.join("\n  ", report)
                    + "\n  in all: " + acknowledged.size() + " acknowledged, " + lostInAll + " lost, " + duplicatedInAll + " duplicated");
            // A run in which the writers never got a reply through would prove nothing.
            assertThat(acknowledged).as("replies acknowledged over all cycles").hasSizeGreaterThanOrEqualTo(CYCLES * 2);

            forum.kill();
            assertIndexClean(forum.data().resolve("index"));
        }
    }

    /** What the topic's pages show: each reply's token with how often it appears, and the post numbers in order. */
    record Stored(Map<String, Integer> tokens, List<Integer> numbers) {
    }

    static Stored read(ForumProcess forum, long topic, Pattern tokenPattern) throws IOException, InterruptedException {
        Map<String, Integer> tokens = new HashMap<>();
        List<Integer> numbers = new ArrayList<>();
        for (int page = 1; ; page++) {
            Optional<String> found = forum.find("/topic?id=" + topic + "&page=" + page);
            if (found.isEmpty()) {
                break;
            }
            String html = found.get();
            Matcher post = POST.matcher(html);
            while (post.find()) {
                numbers.add(Integer.parseInt(post.group(1)));
            }
            Matcher token = tokenPattern.matcher(html);
            while (token.find()) {
                tokens.merge(token.group(), 1, Integer::sum);
            }
        }
        return new Stored(tokens, numbers);
    }

    /** Search finds every reply of the cycle, each as one post, within a few seconds of the restart. */
    static void assertFound(ForumProcess forum, Set<String> tokens) throws IOException, InterruptedException {
        Instant deadline = Instant.now().plusSeconds(30);
        List<String> missing = new ArrayList<>(tokens);
        while (!missing.isEmpty() && Instant.now().isBefore(deadline)) {
            List<String> still = new ArrayList<>();
            for (String token : missing) {
                String page = forum.get("/search?q=" + URLEncoder.encode("\"" + token + "\"", StandardCharsets.UTF_8));
                Matcher found = FOUND.matcher(page);
                if (!found.find() || Integer.parseInt(found.group(1)) != 1) {
                    still.add(token);
                }
            }
            missing = still;
            if (!missing.isEmpty()) {
                Thread.sleep(1_000);
            }
        }
        assertThat(missing).as("acknowledged replies that search does not find").isEmpty();
    }

    private static void assertIndexClean(Path index) throws IOException {
        Path generation;
        try (Stream<Path> folders = Files.list(index)) {
            generation = folders.filter(path -> path.getFileName().toString().startsWith("gen-"))
                    .max(Comparator.comparing(path -> path.getFileName().toString())).orElseThrow();
        }
        try (Directory directory = FSDirectory.open(generation); CheckIndex check = new CheckIndex(directory)) {
            assertThat(check.checkIndex().clean).as("CheckIndex of %s", generation).isTrue();
        }
    }

    static long startTopic(ForumProcess forum) throws IOException {
        try (WebClient web = WebClients.visitor()) {
            WebClients.signIn(web, new URL(forum.url("/")), "resident", "linli-resident");
            return startTopic(web, forum, "崩溃测试 crash test", "每一条确认过的回复都不能丢。");
        }
    }

    /** Starts a topic as the signed-in {@code member} on the first board of the home page; returns its id. */
    static long startTopic(WebClient member, ForumProcess forum, String title, String body) throws IOException {
        HtmlPage home = member.getPage(forum.url("/"));
        String board = home.getAnchors().stream().map(a -> a.getHrefAttribute())
                .filter(href -> href.contains("/board?id=")).findFirst().orElseThrow();
        long boardId = Long.parseLong(board.replaceAll(".*[?&]id=(\\d+).*", "$1"));
        HtmlPage form = member.getPage(forum.url("/post/new-topic?board=" + boardId));
        HtmlForm post = form.getFormByName("form");
        post.getInputByName("form:title").setValue(title);
        post.getTextAreaByName("form:body").setText(body);
        HtmlPage topic = post.getInputByName("form:submit").click();
        return Long.parseLong(topic.getUrl().toString().replaceAll(".*[?&]id=(\\d+).*", "$1"));
    }
}
