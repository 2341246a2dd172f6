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
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.store.FilterDirectory;
import org.apache.lucene.store.IOContext;
import org.apache.lucene.store.IndexOutput;
import org.linli.forum.search.PostIndex;
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
import java.util.concurrent.atomic.AtomicBoolean;
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
    void aDamagedBlockInASegmentIsFoundByItsChecksumAndTheIndexRebuilt() throws IOException {
        for (int i = 1; i <= 40; i++) {
            post(i, ("第" + i + "号楼漏水，物业三天没有来修。").repeat(30));
        }
        open().close();
        Path largest;
        try (Stream<Path> files = Files.list(onlyGeneration())) {
            largest = files.filter(f -> !f.getFileName().toString().startsWith("segments"))
                    .max(Comparator.comparingLong(f -> f.toFile().length())).orElseThrow();
        }
        assertThat(Files.size(largest)).isGreaterThan(12_000);
        // 4 KB in the middle of a segment overwritten, as a bad disk block would: no search reads there.
        try (var file = java.nio.channels.FileChannel.open(largest, StandardOpenOption.WRITE)) {
            file.write(java.nio.ByteBuffer.wrap(new byte[4096]), Files.size(largest) / 2 - 2048);
        }

        IndexKeeper keeper = open();
        assertThat(keeper.verifyOrRebuild()).as("the damage is found").isFalse();
        assertThat(found(keeper, "漏水")).as("and the index rebuilt from the database").isEqualTo(40);
        assertThat(keeper.verifyOrRebuild()).as("the rebuilt index is intact").isTrue();
        keeper.close();
    }

    @Test
    void aNumberRolledBackLongAgoIsNotWaitedForAgainAfterARestart() throws IOException {
        post(1, "青年路路灯不亮");
        open().close();
        // A transaction took the next number and rolled back; the next change was made 5 minutes ago.
        EntityManager em = factory.createEntityManager();
        em.getTransaction().begin();
        em.persist(SearchChange.ofPost(1, Instant.now()));
        em.flush();
        em.getTransaction().rollback();
        em.close();
        post(2, "三号楼路灯也不亮", Instant.now().minus(Duration.ofMinutes(5)));

        IndexKeeper restarted = open();
        assertThat(found(restarted, "三号楼")).isEqualTo(1);
        assertThat(restarted.watermark()).as("past the gap at once, not 60 s after this start").isEqualTo(3);
        restarted.close();
    }

    @Test
    void anIndexAheadOfTheDatabaseIsBuiltAgain() throws IOException {
        post(1, "青年路路灯不亮");
        post(2, "三号楼路灯也不亮");
        open().close();
        // The database lost its last commit (as H2 can in a power cut): post 2 and its change are gone.
        inTransaction(em -> {
            em.createQuery("delete from SearchChange c where c.postId = (select p.id from Post p where p.number = 2)").executeUpdate();
            em.createQuery("delete from Post p where p.number = 2").executeUpdate();
        });

        IndexKeeper reopened = open();
        assertThat(found(reopened, "三号楼")).as("a post the database does not have").isZero();
        assertThat(found(reopened, "路灯")).isEqualTo(1);
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
    void aFullDiskPausesIndexingWhichCatchesUpByItselfWhenThereIsSpaceAgain() throws IOException {
        post(1, "青年路路灯不亮");
        AtomicBoolean diskFull = new AtomicBoolean();
        reader.clear();
        IndexKeeper keeper = new IndexKeeper(reader, home, Duration.ofSeconds(60),
                folder -> PostIndex.open(new FillingDirectory(FSDirectory.open(folder), diskFull)));
        keeper.open();
        assertThat(found(keeper, "路灯")).isEqualTo(1);

        diskFull.set(true);
        post(2, "三号楼路灯也不亮");
        post(3, "五号楼路灯闪烁");
        assertThat(keeper.applyPending()).as("nothing can be written").isZero();
        assertThat(keeper.applyPending()).isZero();
        assertThat(found(keeper, "路灯")).as("searches still served meanwhile").isGreaterThanOrEqualTo(1);

        diskFull.set(false);
        keeper.applyPending();
        assertThat(found(keeper, "路灯")).as("caught up once there is space").isEqualTo(3);
        assertThat(keeper.watermark()).isEqualTo(3);
        keeper.close();

        IndexKeeper restarted = open();
        assertThat(found(restarted, "路灯")).as("and committed").isEqualTo(3);
        restarted.close();
    }

    /** A folder on a disk that can fill up: while {@code full}, nothing new can be written to it. */
    private static final class FillingDirectory extends FilterDirectory {

        private final AtomicBoolean full;

        FillingDirectory(Directory directory, AtomicBoolean full) {
            super(directory);
            this.full = full;
        }

        @Override
        public IndexOutput createOutput(String name, IOContext context) throws IOException {
            refuseWhenFull();
            return super.createOutput(name, context);
        }

        @Override
        public IndexOutput createTempOutput(String prefix, String suffix, IOContext context) throws IOException {
            refuseWhenFull();
            return super.createTempOutput(prefix, suffix, context);
        }

        private void refuseWhenFull() throws IOException {
            if (full.get()) {
                throw new IOException("No space left on device");
            }
        }
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
        post(number, body, Instant.now());
    }

    /** The same, with the change recorded as made at {@code changeMadeAt}. */
    private void post(int number, String body, Instant changeMadeAt) {
        inTransaction(em -> {
            Post post = new Post(em.find(Topic.class, topic.getId()), number, em.find(Member.class, author.getId()), body, RENDERER,
                    Instant.now());
            em.persist(post);
            em.flush();
            em.persist(SearchChange.ofPost(post.getId(), changeMadeAt));
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
