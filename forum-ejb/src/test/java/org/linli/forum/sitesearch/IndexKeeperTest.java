package org.linli.forum.sitesearch;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.linli.forum.board.Board;
import org.linli.forum.content.PostRenderer;
import org.linli.forum.member.Member;
import org.linli.forum.member.Role;
import org.linli.forum.persistence.TestDatabase;
import org.linli.forum.search.SearchRequest;
import org.linli.forum.post.Post;
import org.linli.forum.topic.Topic;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The indexer's promises outside the server, on H2 and a real index folder: a crash between the
 * database commit and the index commit loses nothing, a corrupt or missing index is rebuilt on
 * open, and rebuilds asked for at the same time do not trip over each other.
 */
class IndexKeeperTest {

    private static final PostRenderer RENDERER = new PostRenderer();

    @TempDir
    Path home;

    @TempDir
    Path snapshot;

    private EntityManagerFactory factory;
    private EntityManager reader;
    private Topic topic;
    private Member author;

    @BeforeEach
    void database() {
        JdbcDataSource dataSource = new JdbcDataSource();
        dataSource.setURL("jdbc:h2:mem:keeper-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        factory = TestDatabase.migrateAndOpen(dataSource);
        reader = factory.createEntityManager();
        inTransaction(em -> {
            author = new Member("indexer", "indexer@example.org", "hash", Role.RESIDENT, Instant.now());
            em.persist(author);
            Board board = new Board("城市建设", "", 1);
            em.persist(board);
            topic = new Topic(board, "路灯", author, Instant.now());
            em.persist(topic);
        });
    }

    @AfterEach
    void close() {
        reader.close();
        factory.close();
    }

    @Test
    void aCrashBetweenTheDatabaseAndTheIndexCommitLosesNothing() throws IOException {
        post(1, "青年路路灯不亮");
        IndexKeeper first = open();
        assertThat(found(first, "路灯")).isEqualTo(1);
        Path generation = onlyGeneration();
        copy(generation, snapshot);  // the index as its last commit left it

        post(2, "三号楼路灯也不亮");
        first.applyPending();
        assertThat(found(first, "三号楼")).isEqualTo(1);
        first.close();
        // The server died after the database committed post 2 but before the index did.
        delete(generation);
        copy(snapshot, generation);

        IndexKeeper restarted = open();
        assertThat(found(restarted, "三号楼")).as("resumed from the index's own watermark").isEqualTo(1);
        assertThat(found(restarted, "路灯")).isEqualTo(2);
        assertThat(restarted.watermark()).isEqualTo(2);
        restarted.close();
    }

    @Test
    void aCorruptIndexIsRebuiltFromTheDatabase() throws IOException {
        post(1, "漏水三天了");
        post(2, "物业不管漏水");
        open().close();
        try (Stream<Path> files = Files.list(onlyGeneration())) {
            for (Path segments : files.filter(f -> f.getFileName().toString().startsWith("segments")).toList()) {
                Files.write(segments, "not an index".getBytes(), StandardOpenOption.TRUNCATE_EXISTING);
            }
        }

        IndexKeeper reopened = open();
        assertThat(found(reopened, "漏水")).isEqualTo(2);
        assertThat(generations()).hasSize(1);
        reopened.close();
    }

    @Test
    void aMissingIndexIsBuiltFromTheDatabase() throws IOException {
        post(1, "噪音扰民");
        IndexKeeper first = open();
        first.close();
        delete(home);

        IndexKeeper reopened = open();
        assertThat(found(reopened, "噪音")).isEqualTo(1);
        reopened.close();
    }

    @Test
    void aMissingIndexCanServeAtOnceAndBeBuiltAfterwardsEvenAcrossARestart() throws IOException {
        post(1, "噪音扰民");
        IndexKeeper first = open();
        first.close();
        delete(home);

        reader.clear();
        IndexKeeper standIn = new IndexKeeper(reader, home, Duration.ofSeconds(60));
        standIn.open(true);
        assertThat(standIn.needsBuilding()).isTrue();
        assertThat(found(standIn, "噪音")).as("not built yet").isZero();
        post(2, "噪音又来了");
        standIn.applyPending();
        assertThat(found(standIn, "噪音")).as("what changes meanwhile is found").isEqualTo(1);
        standIn.close();

        // Stopped before the build: the stand-in is not taken for a whole index.
        reader.clear();
        IndexKeeper restarted = new IndexKeeper(reader, home, Duration.ofSeconds(60));
        restarted.open(true);
        assertThat(restarted.needsBuilding()).isTrue();
        assertThat(restarted.rebuild()).isEqualTo(2);
        assertThat(restarted.needsBuilding()).isFalse();
        assertThat(found(restarted, "噪音")).isEqualTo(2);
        restarted.close();

        IndexKeeper complete = open();
        assertThat(complete.needsBuilding()).as("complete after the build").isFalse();
        complete.close();
    }

    @Test
    void rebuildsAskedForTogetherRunOneAfterTheOther() throws Exception {
        for (int i = 1; i <= 30; i++) {
            post(i, "停车位 " + i);
        }
        IndexKeeper keeper = open();
        ExecutorService pool = Executors.newFixedThreadPool(3);
        try {
            List<Future<Integer>> rebuilds = List.of(pool.submit(keeper::rebuild), pool.submit(keeper::rebuild), pool.submit(keeper::rebuild));
            for (Future<Integer> rebuild : rebuilds) {
                assertThat(rebuild.get()).isEqualTo(30);
            }
        } finally {
            pool.shutdown();
        }
        post(31, "停车位 新的");
        assertThat(keeper.applyPending()).isEqualTo(1);
        assertThat(found(keeper, "停车位")).isEqualTo(31);
        assertThat(generations()).hasSize(1);
        keeper.close();
    }

    private IndexKeeper open() throws IOException {
        reader.clear();
        IndexKeeper keeper = new IndexKeeper(reader, home, Duration.ofSeconds(60));
        keeper.open();
        return keeper;
    }

    /** Post {@code number} of the topic, and its change-log row, committed together. */
    private void post(int number, String body) {
        inTransaction(em -> {
            Post post = new Post(em.find(Topic.class, topic.getId()), number, em.find(Member.class, author.getId()), body, RENDERER,
                    Instant.now());
            em.persist(post);
            em.flush();
            em.persist(SearchChange.ofPost(post.getId(), Instant.now()));
        });
        reader.clear();
    }

    private long found(IndexKeeper keeper, String words) throws IOException {
        return keeper.index().search(SearchRequest.of(words)).totalPosts();
    }

    private List<Path> generations() throws IOException {
        try (Stream<Path> entries = Files.list(home)) {
            return entries.filter(p -> p.getFileName().toString().startsWith("gen-")).toList();
        }
    }

    private Path onlyGeneration() throws IOException {
        List<Path> generations = generations();
        assertThat(generations).hasSize(1);
        return generations.get(0);
    }

    private static void copy(Path from, Path to) throws IOException {
        Files.createDirectories(to);
        try (Stream<Path> files = Files.list(from)) {
            for (Path file : files.filter(f -> !f.getFileName().toString().equals("write.lock")).toList()) {
                Files.copy(file, to.resolve(file.getFileName()));
            }
        }
    }

    private static void delete(Path folder) throws IOException {
        try (Stream<Path> files = Files.walk(folder)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(file);
            }
        }
    }

    private void inTransaction(Consumer<EntityManager> work) {
        EntityManager em = factory.createEntityManager();
        try {
            em.getTransaction().begin();
            work.accept(em);
            em.getTransaction().commit();
        } finally {
            if (em.getTransaction().isActive()) {
                em.getTransaction().rollback();
            }
            em.close();
        }
    }
}
