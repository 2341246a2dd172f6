package org.linli.forum.bench;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import org.h2.jdbcx.JdbcDataSource;
import org.linli.forum.content.PostHtmlPolicy;
import org.linli.forum.content.PostRenderer;
import org.linli.forum.member.Member;
import org.linli.forum.member.PasswordHasher;
import org.linli.forum.persistence.TestDatabase;
import org.linli.forum.sitesearch.IndexBuild;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.zip.GZIPInputStream;

/**
 * The scale-up generator: a forum database of (by default) 1,000,000 posts in the shapes of a real
 * one, for the load benchmark. Many short topics (most have a handful of posts), a few with
 * thousands; eight boards of thousands of topics each; 20,000 members. Texts are the shared
 * corpora's (Chinese message board posts, 20 Newsgroups messages) cut and recombined, so that
 * posts differ. Benchmark code only: nothing of it ships.
 *
 * <pre>
 * mvn -q -pl forum-ejb test-compile exec:java -Dexec.classpathScope=test \
 *     -Dexec.mainClass=org.linli.forum.bench.ScaleUp -Dexec.args="target/bench-data 1000000" \
 *     -Dlinli.corpora=$PWD/../shared/corpora
 * </pre>
 *
 * It writes {@code <data dir>/db/linli.mv.db} (the forum's H2 file database, made by the real
 * migrations) and {@code <data dir>/index} (the search index, built as the server builds it), and
 * names in {@code <data dir>/bench.properties} the pages the benchmark reads. The member
 * {@code bench} (password {@code bench-password}) signs in for the signed-in runs.
 */
public final class ScaleUp {

    static final String BENCH_MEMBER = "bench";
    static final String BENCH_PASSWORD = "bench-password";
    private static final int MEMBERS = 20_000;
    private static final String[] BOARDS = {"物业管理", "城市建设", "邻里互助", "环境卫生", "交通出行", "社区活动", "二手闲置", "English corner"};
    private static final Instant START = Instant.parse("2021-01-01T00:00:00Z");
    private static final long SPAN_SECONDS = Duration.ofDays(5 * 365).toSeconds();

    private final SplittableRandom random = new SplittableRandom(20261127L);
    private final List<String> texts = new ArrayList<>();
    private final List<String> titles = new ArrayList<>();

    public static void main(String[] args) throws Exception {
        Path dataDir = Path.of(args.length > 0 ? args[0] : "target/bench-data").toAbsolutePath();
        int posts = args.length > 1 ? Integer.parseInt(args[1]) : 1_000_000;
        new ScaleUp().generate(dataDir, posts);
    }

    void generate(Path dataDir, int totalPosts) throws Exception {
        if (Files.exists(dataDir.resolve("db/linli.mv.db"))) {
            throw new IllegalStateException(dataDir + " already holds a database; remove it first");
        }
        long began = System.nanoTime();
        readCorpora();
        JdbcDataSource dataSource = new JdbcDataSource();
        dataSource.setURL("jdbc:h2:file:" + dataDir.resolve("db/linli") + ";DB_CLOSE_ON_EXIT=FALSE");
        dataSource.setUser("sa");
        dataSource.setPassword("sa");
        EntityManagerFactory factory = TestDatabase.migrateAndOpen(dataSource);
        List<Integer> sizes = topicSizes(totalPosts);
        long[] special;
        try (Connection db = dataSource.getConnection()) {
            db.setAutoCommit(false);
            members(db);
            boards(db);
            special = topicsAndPosts(db, sizes);
            db.commit();
        }
        long written = System.nanoTime();
        System.out.printf(Locale.ROOT, "database: %,d posts in %,d topics written in %.0f s%n",
                totalPosts, sizes.size(), (written - began) / 1e9);
        EntityManager em = factory.createEntityManager();
        int indexed = IndexBuild.openOrBuild(em, dataDir.resolve("index"));
        em.close();
        factory.close();
        try (Connection db = dataSource.getConnection(); Statement s = db.createStatement()) {
            s.execute("CHECKPOINT SYNC");
        }
        long done = System.nanoTime();
        System.out.printf(Locale.ROOT, "search index: %,d posts in %.0f s; total %.0f s%n",
                indexed, (done - written) / 1e9, (done - began) / 1e9);
        Files.writeString(dataDir.resolve("bench.properties"), String.format(Locale.ROOT, """
                # Written by ScaleUp: the pages the load benchmark reads.
                posts=%d
                topics=%d
                board=1
                topic25=%d
                topic2000=%d
                topic2000.lastPage=%d
                """, totalPosts, sizes.size(), special[0], special[1], (2000 + 19) / 20));
    }

    /** Topic lengths that add up to {@code total}: one of 25 posts, one of 2,000, a few of thousands, the rest short. */
    private List<Integer> topicSizes(int total) {
        List<Integer> sizes = new ArrayList<>(List.of(25, 2000, 3500, 5000, 2500, 4000));
        int sum = sizes.stream().mapToInt(Integer::intValue).sum();
        while (sum < total) {
            // Geometric-like: half the topics have 1–5 posts, the mean is about 12, a tail reaches a few hundred.
            int size = 1 + (int) Math.min(400, -Math.log(1 - random.nextDouble()) * 11 * (random.nextInt(20) == 0 ? 4 : 1));
            size = Math.min(size, total - sum);
            sizes.add(size);
            sum += size;
        }
        return sizes;
    }

    private void members(Connection db) throws SQLException {
        try (PreparedStatement insert = db.prepareStatement("""
                insert into forum_member (id, username, username_key, display_name, email, email_key, password_hash,
                                          member_role, created_at, version)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, 0)""")) {
            String benchHash = new PasswordHasher().hash(BENCH_PASSWORD);
            for (int i = 1; i <= MEMBERS; i++) {
                String name = i == 1 ? BENCH_MEMBER : String.format(Locale.ROOT, "居民%05d", i);
                insert.setLong(1, i);
                insert.setString(2, name);
                insert.setString(3, Member.keyOf(name));
                insert.setString(4, name);
                insert.setString(5, "m" + i + "@bench.linli.invalid");
                insert.setString(6, "m" + i + "@bench.linli.invalid");
                insert.setString(7, i == 1 ? benchHash : null);
                insert.setString(8, "RESIDENT");
                insert.setTimestamp(9, Timestamp.from(START));
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    private void boards(Connection db) throws SQLException {
        try (PreparedStatement insert = db.prepareStatement("""
                insert into board (id, name, description, sort_position, topic_count, post_count, kind)
                values (?, ?, ?, ?, 0, 0, ?)""")) {
            for (int i = 0; i < BOARDS.length; i++) {
                insert.setLong(1, i + 1);
                insert.setString(2, BOARDS[i]);
                insert.setString(3, "Benchmark board " + (i + 1));
                insert.setInt(4, i + 1);
                insert.setString(5, i < 2 ? "PROBLEMS" : "DISCUSSION");
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    /**
     * Writes the topics and their posts (rendered by the forum's own renderer, two threads), then
     * the counters the services would have kept. Returns the ids of the 25- and 2,000-post topics.
     */
    private long[] topicsAndPosts(Connection db, List<Integer> sizes) throws Exception {
        ExecutorService renderers = Executors.newFixedThreadPool(2);
        PostRenderer renderer = new PostRenderer();
        long postId = 0;
        long[] special = new long[2];
        int topicCount = sizes.size();
        try (PreparedStatement topic = db.prepareStatement("""
                insert into topic (id, board_id, title, author_id, created_at, last_post_at, last_poster_id, reply_count,
                                   locked, pinned, version, problem_status)
                values (?, ?, ?, ?, ?, ?, ?, ?, false, false, 0, ?)""");
             PreparedStatement post = db.prepareStatement("""
                insert into post (id, topic_id, post_number, author_id, source, html, created_at, version, render_version)
                values (?, ?, ?, ?, ?, ?, ?, 0, ?)""");
             PreparedStatement change = db.prepareStatement("insert into search_change (seq, post_id, created_at) values (?, ?, ?)")) {
            for (int t = 0; t < topicCount; t++) {
                long topicId = t + 1;
                int size = sizes.get(t);
                // Board 1 gets a third of the topics (its page 200 exists); the special topics live there too.
                int board = t < 6 || random.nextInt(3) == 0 ? 1 : 2 + random.nextInt(BOARDS.length - 1);
                long created = START.getEpochSecond() + (long) ((double) t / topicCount * SPAN_SECONDS) + random.nextInt(3600);
                long author = 2 + random.nextInt(MEMBERS - 1);
                List<String> sources = new ArrayList<>(size);
                for (int n = 0; n < size; n++) {
                    sources.add(text());
                }
                List<Future<String>> html = new ArrayList<>(size);
                for (String source : sources) {
                    html.add(renderers.submit(() -> renderer.render(source)));
                }
                long at = created;
                long lastPoster = author;
                for (int n = 0; n < size; n++) {
                    long poster = n == 0 ? author : 2 + random.nextInt(MEMBERS - 1);
                    postId++;
                    post.setLong(1, postId);
                    post.setLong(2, topicId);
                    post.setInt(3, n + 1);
                    post.setLong(4, poster);
                    post.setString(5, sources.get(n));
                    post.setString(6, html.get(n).get());
                    post.setTimestamp(7, Timestamp.from(Instant.ofEpochSecond(at)));
                    post.setInt(8, PostHtmlPolicy.VERSION);
                    post.addBatch();
                    lastPoster = poster;
                    at += 60 + random.nextInt(size > 100 ? 600 : 6 * 3600);
                }
                long lastAt = at - 60;
                topic.setLong(1, topicId);
                topic.setLong(2, board);
                topic.setString(3, title(t, size));
                topic.setLong(4, author);
                topic.setTimestamp(5, Timestamp.from(Instant.ofEpochSecond(created)));
                topic.setTimestamp(6, Timestamp.from(Instant.ofEpochSecond(Math.max(created, lastAt))));
                topic.setLong(7, lastPoster);
                topic.setInt(8, size - 1);
                topic.setString(9, board <= 2 ? "OPEN" : null);
                topic.addBatch();
                if (size == 25 && special[0] == 0) {
                    special[0] = topicId;
                } else if (size == 2000 && special[1] == 0) {
                    special[1] = topicId;
                }
                if (t % 200 == 199 || t == topicCount - 1) {
                    topic.executeBatch();
                    post.executeBatch();
                    db.commit();
                }
                if (t % 10_000 == 9_999) {
                    System.out.printf(Locale.ROOT, "  %,d topics, %,d posts%n", t + 1, postId);
                }
            }
            // The search change log's high-water mark: the index, built from the posts, starts there.
            change.setLong(1, 1);
            change.setLong(2, 1);
            change.setTimestamp(3, Timestamp.from(Instant.now()));
            change.executeUpdate();
        } finally {
            renderers.shutdown();
        }
        try (Statement s = db.createStatement()) {
            s.executeUpdate("""
                    update board b set topic_count = (select count(*) from topic t where t.board_id = b.id),
                        post_count = (select coalesce(sum(t.reply_count + 1), 0) from topic t where t.board_id = b.id),
                        last_post_at = (select max(t.last_post_at) from topic t where t.board_id = b.id)""");
            s.executeUpdate("""
                    update board b set last_topic_id = (select t.id from topic t where t.board_id = b.id
                        order by t.last_post_at desc, t.id desc limit 1)""");
            long next = postId + 1000;
            s.execute("alter sequence post_seq restart with " + next);
            s.execute("alter sequence topic_seq restart with " + (topicCount + 1000));
            s.execute("alter sequence forum_member_seq restart with " + (MEMBERS + 1000));
            s.execute("alter sequence board_seq restart with 1000");
            s.execute("alter sequence search_change_seq restart with 2");
        }
        db.commit();
        return special;
    }

    private String title(int t, int size) {
        String base = titles.get(random.nextInt(titles.size()));
        return size >= 2000 ? "[长帖] " + base : base + " #" + (t + 1);
    }

    /** A post: a window of one corpus text, sometimes with a second one's opening after it. */
    private String text() {
        String base = texts.get(random.nextInt(texts.size()));
        int length = Math.min(base.length(), 80 + random.nextInt(700));
        int from = base.length() > length ? random.nextInt(base.length() - length) : 0;
        String window = base.substring(from, from + length).strip();
        if (random.nextInt(4) == 0) {
            String other = texts.get(random.nextInt(texts.size()));
            window = window + "\n\n" + other.substring(0, Math.min(other.length(), 120)).strip();
        }
        return window.isBlank() ? "……" : window;
    }

    private void readCorpora() throws IOException {
        Path corpora = Path.of(System.getProperty("linli.corpora", "../../shared/corpora")).toAbsolutePath().normalize();
        for (String file : List.of("zh/gov-message-board.train.jsonl.gz", "en/20news-bydate.train-threads.jsonl.gz")) {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(
                    new GZIPInputStream(Files.newInputStream(corpora.resolve(file))), StandardCharsets.UTF_8))) {
                for (String line = in.readLine(); line != null; line = in.readLine()) {
                    JsonObject json = Json.createReader(new StringReader(line)).readObject();
                    String body = json.getString("body", "").replace("\u0000", "");
                    if (body.length() > 40 && body.length() < 20_000 && body.chars().noneMatch(c -> Character.isISOControl(c) && c != '\n' && c != '\t')) {
                        texts.add(body);
                    }
                    String title = json.getString(json.containsKey("title") ? "title" : "subject", "").strip();
                    if (!title.isEmpty() && title.length() < 150 && title.chars().noneMatch(Character::isISOControl)) {
                        titles.add(title.replaceFirst("^(?i)re:\\s*", ""));
                    }
                }
            }
        }
    }
}
