package org.linli.forum.archive;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.linli.forum.board.Board;
import org.linli.forum.board.BoardCounters;
import org.linli.forum.content.PostRenderer;
import org.linli.forum.member.Member;
import org.linli.forum.member.Role;
import org.linli.forum.persistence.TestDatabase;
import org.linli.forum.post.Post;
import org.linli.forum.post.Posting;
import org.linli.forum.sitesearch.SearchChanges;
import org.linli.forum.testing.DirectEvent;
import org.linli.forum.topic.ProblemStatus;
import org.linli.forum.topic.Topic;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The importer on H2 with slices of the real corpora (../shared/corpora): newsgroup threads rebuilt
 * from References and subjects, message board replies made official answers, importing twice,
 * resuming after a kill, malformed lines, and hostile bodies through the sanitizer.
 */
class ArchiveImportTest {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private static final Instant RUN_START = Instant.parse("2026-11-01T08:00:00Z");
    private static final Pattern MESSAGE_ID = Pattern.compile("<[^<>\\s]+@[^<>\\s]+>");

    @TempDir
    Path folder;

    private EntityManagerFactory factory;
    private EntityManager em;
    private Transactions transactions;

    @BeforeEach
    void database() {
        JdbcDataSource dataSource = new JdbcDataSource();
        dataSource.setURL("jdbc:h2:mem:import-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        factory = TestDatabase.migrateAndOpen(dataSource);
        em = factory.createEntityManager();
        transactions = new Transactions(em);
    }

    @AfterEach
    void close() {
        em.close();
        factory.close();
    }

    @Test
    void newsgroupThreadsAreRebuiltFromReferencesAndSubjects() throws IOException {
        Path file = corpusSlice("en/mini_newsgroups.train-threads.jsonl.gz", 1599);
        List<Map<String, String>> lines = jsonLines(file);

        ArchiveImport.Summary summary = importFile(file, ArchiveFormat.NEWSGROUPS, null);

        // The few the forum refuses are empty or longer than a post may be (FAQs, uuencoded files), and said so.
        assertThat(summary.reasons().keySet()).as(summary.toString()).isSubsetOf("error.body.tooLong", "error.body.required");
        assertThat(summary.imported() + summary.failed()).isEqualTo(1599);
        assertThat(summary.imported()).isGreaterThan(1550);
        Map<String, Long> topicOf = ledger("newsgroups");
        Map<String, String> idOfMessage = new HashMap<>();
        lines.forEach(l -> idOfMessage.put(l.get("message_id"), l.get("id")));

        // A reply whose References name an earlier message of its group joins that message's topic,
        // even when its subject changed on the way ("xv problems" → "Stop this argument! …").
        int byReference = 0;
        int withNewSubject = 0;
        for (Map<String, String> line : lines) {
            for (String reference : references(line)) {
                String earlier = idOfMessage.get(reference);
                if (earlier != null && sameGroup(earlier, line.get("id")) && articleNumber(earlier) < articleNumber(line.get("id"))) {
                    assertThat(topicOf.get(line.get("id"))).as(line.get("id") + " answers " + earlier)
                            .isEqualTo(topicOf.get(earlier));
                    byReference++;
                    if (!SubjectKey.of(line.get("subject")).equals(SubjectKey.of(subjectOf(lines, earlier)))) {
                        withNewSubject++;
                    }
                }
            }
        }
        assertThat(byReference).as("pairs joined by References").isGreaterThan(50);
        assertThat(withNewSubject).as("of them with a changed subject").isGreaterThan(3);

        // Messages of one group with one subject (Re: aside) and no earlier message to answer are one topic.
        Map<String, Long> topicOfSubject = new HashMap<>();
        for (Map<String, String> line : lines) {
            String key = line.get("newsgroup") + "\n" + SubjectKey.of(line.get("subject"));
            Long topic = topicOf.get(line.get("id"));
            Long first = topicOfSubject.putIfAbsent(key, topic);
            if (first != null && references(line).stream().noneMatch(idOfMessage::containsKey)) {
                assertThat(topic).as(line.get("id") + " by its subject").isEqualTo(first);
            }
        }

        // Within a topic, posts follow the articles' order; the opening post gives the title without "Re:".
        for (Topic topic : em.createQuery("select t from Topic t", Topic.class).getResultList()) {
            List<Post> posts = em.createQuery("select p from Post p where p.topic = :t order by p.number", Post.class)
                    .setParameter("t", topic).getResultList();
            assertThat(posts).extracting(Post::getNumber).containsExactly(
                    java.util.stream.IntStream.rangeClosed(1, posts.size()).boxed().toArray(Integer[]::new));
            assertThat(topic.getReplyCount()).isEqualTo(posts.size() - 1);
            assertThat(topic.getTitle()).doesNotStartWith("Re:");
        }

        // Original timestamps are kept, authors exist but cannot sign in, boards are the newsgroups.
        Post first = post("newsgroups", "alt.atheism/51126");
        assertThat(first.getCreatedAt()).isEqualTo(Instant.parse("1993-04-02T20:57:33Z"));
        assertThat(first.getAuthor().getUsername()).isEqualTo("Keith Allan Schneider");
        assertThat(first.getAuthor().canSignIn()).isFalse();
        assertThat(first.getAuthor().getRole()).isEqualTo(Role.RESIDENT);
        Board atheism = em.createQuery("select b from Board b where b.name = 'alt.atheism'", Board.class).getSingleResult();
        assertThat(atheism.getPostCount()).isEqualTo(count("select count(p) from Post p where p.topic.board.name = 'alt.atheism'"));
        assertThat(atheism.getPostCount()).isGreaterThan(70);
        assertThat((long) atheism.getTopicCount()).isEqualTo(em.createQuery(
                "select count(t) from Topic t where t.board = :b", Long.class).setParameter("b", atheism).getSingleResult());
        // Every post is owed to search through the change log.
        assertThat(em.createQuery("select count(c) from SearchChange c where c.postId is not null", Long.class)
                .getSingleResult()).isEqualTo(summary.imported());
    }

    @Test
    void messageBoardRepliesBecomeOfficialAnswersOfResolvedProblems() throws IOException {
        Path file = corpusSlice("zh/gov-message-board.train.jsonl.gz", 6143);
        List<Map<String, String>> answered = jsonLines(file).stream().filter(l -> l.containsKey("reply")).limit(60).toList();
        List<Map<String, String>> unanswered = jsonLines(file).stream().filter(l -> !l.containsKey("reply")).limit(40).toList();
        List<Map<String, String>> slice = new ArrayList<>(answered);
        slice.addAll(unanswered);
        Path sliceFile = writeLines(slice.stream().map(l -> l.get("__line")).toList());

        ArchiveImport.Summary summary = importFile(sliceFile, ArchiveFormat.MESSAGE_BOARD, "政务留言");

        assertThat(summary.imported()).isEqualTo(100);
        Map<String, String> example = answered.get(0);
        Post question = post("message-board", example.get("id"));
        Topic topic = question.getTopic();
        assertThat(topic.getTitle()).isEqualTo(example.get("title"));
        assertThat(topic.getBoard().getName()).isEqualTo("政务留言");
        assertThat(topic.getBoard().isProblemBoard()).isTrue();
        assertThat(question.getCreatedAt()).isEqualTo(boardTime(example.get("time")));
        assertThat(question.getAuthor().getUsername()).isEqualTo(example.get("user"));
        Post answer = em.find(Post.class, topic.getOfficialAnswerId());
        assertThat(answer.getNumber()).isEqualTo(2);
        assertThat(answer.getSource()).isEqualTo(example.get("reply").strip());
        assertThat(answer.getCreatedAt()).isEqualTo(boardTime(example.get("reply_time")));
        assertThat(answer.getAuthor().getRole()).isEqualTo(Role.STAFF);
        assertThat(answer.getAuthor().canSignIn()).isFalse();
        assertThat(topic.getProblemStatus()).isEqualTo(ProblemStatus.RESOLVED);

        Topic open = post("message-board", unanswered.get(0).get("id")).getTopic();
        assertThat(open.getProblemStatus()).isEqualTo(ProblemStatus.OPEN);
        assertThat(open.getReplyCount()).isZero();
        assertThat(em.createQuery("select count(m) from Member m where m.role = :staff", Long.class)
                .setParameter("staff", Role.STAFF).getSingleResult()).as("one official replier").isEqualTo(1);
    }

    @Test
    void importingTwiceChangesNothing() throws IOException {
        Path file = corpusSlice("en/mini_newsgroups.train-threads.jsonl.gz", 150);
        ArchiveImport.Summary first = importFile(file, ArchiveFormat.NEWSGROUPS, null);
        Map<String, Object> before = snapshot();

        ArchiveImport.Summary again = importFile(file, ArchiveFormat.NEWSGROUPS, null);

        assertThat(again.imported()).isZero();
        assertThat(again.skipped()).isEqualTo(first.imported());
        assertThat(again.failed()).isEqualTo(first.failed());
        assertThat(again.reasons()).containsEntry("import.reason.alreadyImported", first.imported());
        assertThat(snapshot()).isEqualTo(before);
    }

    @Test
    void anImportKilledMidwayResumesWithoutLosingOrRepeatingAnything() throws IOException {
        Path file = corpusSlice("en/mini_newsgroups.train-threads.jsonl.gz", 300);
        ArchiveImport killed = new ArchiveImport(em, posting(), transactions, Clock.fixed(RUN_START, ZoneOffset.UTC), 25);
        long firstRun = killed.begin(ArchiveFormat.NEWSGROUPS, file);
        // After begin: the run's start read back, its count, the reader's problems, then chunks 1, 2, 3 commit and 4 dies.
        transactions.dieAtCommit = transactions.commits + 7;

        assertThatThrownBy(() -> killed.run(firstRun, file, ArchiveFormat.NEWSGROUPS, null, SHANGHAI, () -> false))
                .isInstanceOf(Killed.class);
        long before = count("select count(p) from Post p");
        assertThat(before).as("three chunks of 25 committed, less what the forum refused").isBetween(70L, 75L);

        ArchiveImport.Summary resumed = importFile(file, ArchiveFormat.NEWSGROUPS, null);

        assertThat(resumed.skipped()).isEqualTo(before);
        assertThat(resumed.reasons().keySet()).isSubsetOf("import.reason.alreadyImported", "error.body.tooLong", "error.body.required");
        long importable = 300 - resumed.failed();
        assertThat(resumed.imported()).isEqualTo(importable - before);
        assertThat(count("select count(p) from Post p")).isEqualTo(importable);
        assertThat(((Number) em.createNativeQuery("select count(distinct external_id) from import_record").getSingleResult()).longValue())
                .isEqualTo(importable);
        // Numbering and counters are whole: every topic's posts are 1..n, every board counts what it holds.
        assertThat(count("select count(t) from Topic t where t.replyCount + 1 <> (select count(p) from Post p where p.topic = t)"))
                .isZero();
        assertThat(count("select count(t) from Topic t where (select max(p.number) from Post p where p.topic = t) <> t.replyCount + 1"))
                .isZero();
        assertThat(count("select count(b) from Board b where b.postCount <> (select count(p) from Post p where p.topic.board = b)"))
                .isZero();
    }

    @Test
    void malformedLinesAreReportedAndSkippedWithoutStoppingTheImport() throws IOException {
        List<String> good = Files.readAllLines(corpusSlice("zh/gov-message-board.train.jsonl.gz", 5));
        String tooLong = "长".repeat(50_001);
        List<String> lines = new ArrayList<>(List.of(
                good.get(0),
                "this is not JSON",
                "[1, 2, 3]",
                "{\"id\": \"9000001\", \"user\": \"A1\", \"time\": \"2019/1/1 10:00:00\"}",
                good.get(1),
                "{\"id\": \"9000002\", \"user\": \"A1\", \"title\": {\"nested\": true}, \"body\": \"x\"}",
                "{\"id\": \"9000003\", \"user\": \"A1\", \"title\": \"空的\", \"body\": \"   \"}",
                "{\"id\": \"9000004\", \"user\": \"A1\", \"title\": \"太长\", \"body\": \"" + tooLong + "\"}",
                "{\"id\": \"9000005\", \"user\": \"A1\", \"title\": \"半行",
                good.get(2),
                good.get(0),
                "",
                good.get(3),
                good.get(4)));
        Path file = writeLines(lines);

        ArchiveImport.Summary summary = importFile(file, ArchiveFormat.MESSAGE_BOARD, "政务留言");

        assertThat(summary.records()).isEqualTo(13);
        assertThat(summary.imported()).isEqualTo(5);
        assertThat(summary.failed()).isEqualTo(7);
        assertThat(summary.skipped()).isEqualTo(1);
        List<ImportProblem> problems = em.createQuery(
                "select p from ImportProblem p where p.runId = :run order by p.lineNumber", ImportProblem.class)
                .setParameter("run", summary.runId()).getResultList();
        assertThat(problems).extracting(ImportProblem::getLineNumber, ImportProblem::getReason, ImportProblem::getDetail)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(2, "import.reason.notJson", problems.get(0).getDetail()),
                        org.assertj.core.groups.Tuple.tuple(3, "import.reason.notObject", "ARRAY"),
                        org.assertj.core.groups.Tuple.tuple(4, "import.reason.missingField", "title"),
                        org.assertj.core.groups.Tuple.tuple(6, "import.reason.notText", "title"),
                        org.assertj.core.groups.Tuple.tuple(7, "error.body.required", null),
                        org.assertj.core.groups.Tuple.tuple(8, "error.body.tooLong", "50000"),
                        org.assertj.core.groups.Tuple.tuple(9, "import.reason.notJson", problems.get(6).getDetail()),
                        org.assertj.core.groups.Tuple.tuple(11, "import.reason.duplicateInFile", "1"));
        ImportRun run = em.find(ImportRun.class, summary.runId());
        assertThat(run.getStatus()).isEqualTo(ImportRun.Status.FINISHED);
        assertThat(run.getImportedCount()).isEqualTo(5);
        assertThat(run.getFailedCount()).isEqualTo(7);
        assertThat(run.getSkippedCount()).isEqualTo(1);
    }

    @Test
    void hostileBodiesAndSubjectsGoThroughTheSanitizerLikeAnyPost() throws IOException {
        Path payloads = corpora().resolve("xss/payloadbox/xss-payload-list.txt");
        List<String> attacks = Files.readAllLines(payloads, StandardCharsets.UTF_8).stream()
                .filter(s -> !s.isBlank()).limit(300).toList();
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < attacks.size(); i++) {
            lines.add(jsonObject("id", "x/" + (i + 1), "article_number", String.valueOf(i + 1), "newsgroup", "alt.test",
                    "from", "attacker@example.org (" + attacks.get(i) + ")", "subject", attacks.get(i),
                    "body", "Look: " + attacks.get(i) + "\n\n" + attacks.get((i + 7) % attacks.size())));
        }

        ArchiveImport.Summary summary = importFile(writeLines(lines), ArchiveFormat.NEWSGROUPS, null);

        assertThat(summary.imported()).isEqualTo(attacks.size());
        PostRenderer renderer = new PostRenderer();
        Pattern dangerous = Pattern.compile("(?i)<script|<iframe|<object|<embed|<svg|<img|<[^>]*\\son[a-z]+\\s*=|(href|src)\\s*=\\s*\"\\s*(javascript|data|vbscript):");
        for (Post post : em.createQuery("select p from Post p", Post.class).getResultList()) {
            assertThat(post.getHtml()).isEqualTo(renderer.render(post.getSource()));
            assertThat(dangerous.matcher(post.getHtml()).find()).as(post.getHtml()).isFalse();
        }
    }

    // --- helpers

    /** Posting as the server wires it, with the search change log observing it (nobody is notified of imports). */
    private Posting posting() {
        SearchChanges searchChanges = new SearchChanges(em, DirectEvent.unobserved());
        return new Posting(em, new BoardCounters(em), new DirectEvent<>(searchChanges::postAdded));
    }

    private ArchiveImport.Summary importFile(Path file, ArchiveFormat format, String board) {
        ArchiveImport importer = new ArchiveImport(em, posting(), transactions, Clock.fixed(RUN_START, ZoneOffset.UTC), 25);
        long run = importer.begin(format, file);
        return importer.run(run, file, format, board, SHANGHAI, () -> false);
    }

    private Map<String, Object> snapshot() {
        Map<String, Object> state = new HashMap<>();
        state.put("posts", em.createQuery("select p.id, p.number, p.text.source, p.createdAt from Post p order by p.id").getResultList()
                .stream().map(r -> List.of((Object[]) r)).toList());
        state.put("topics", em.createQuery("select t.id, t.replyCount, t.lastPostAt, t.title from Topic t order by t.id").getResultList()
                .stream().map(r -> List.of((Object[]) r)).toList());
        state.put("boards", em.createQuery("select b.id, b.topicCount, b.postCount, b.lastPostAt from Board b order by b.id").getResultList()
                .stream().map(r -> List.of((Object[]) r)).toList());
        state.put("members", count("select count(m) from Member m"));
        state.put("searchChanges", count("select count(c) from SearchChange c"));
        return state;
    }

    private long count(String jpql) {
        return em.createQuery(jpql, Long.class).getSingleResult();
    }

    private Map<String, Long> ledger(String source) {
        Map<String, Long> topics = new HashMap<>();
        for (Object row : em.createNativeQuery("select external_id, topic_id from import_record where source = ?1")
                .setParameter(1, source).getResultList()) {
            Object[] cells = (Object[]) row;
            topics.put((String) cells[0], ((Number) cells[1]).longValue());
        }
        return topics;
    }

    private Post post(String source, String externalId) {
        Number id = (Number) em.createNativeQuery("select post_id from import_record where source = ?1 and external_id = ?2")
                .setParameter(1, source).setParameter(2, externalId).getSingleResult();
        return em.find(Post.class, id.longValue());
    }

    private static Instant boardTime(String text) {
        return ArchiveDates.board(text, SHANGHAI).orElseThrow();
    }

    private static List<String> references(Map<String, String> line) {
        List<String> ids = new ArrayList<>();
        Matcher m = MESSAGE_ID.matcher(line.getOrDefault("references", ""));
        while (m.find()) {
            ids.add(m.group());
        }
        return ids;
    }

    private static String subjectOf(List<Map<String, String>> lines, String id) {
        return lines.stream().filter(l -> l.get("id").equals(id)).findFirst().orElseThrow().get("subject");
    }

    private static boolean sameGroup(String a, String b) {
        return a.substring(0, a.indexOf('/')).equals(b.substring(0, b.indexOf('/')));
    }

    private static long articleNumber(String id) {
        return Long.parseLong(id.substring(id.indexOf('/') + 1));
    }

    static Path corpora() {
        return Path.of(System.getProperty("linli.corpora", "../../shared/corpora")).toAbsolutePath().normalize();
    }

    /** The first {@code count} lines of a corpus file, as a plain JSONL file of the test's own. */
    private Path corpusSlice(String name, int count) throws IOException {
        List<String> lines = new ArrayList<>();
        try (BufferedReader in = new BufferedReader(new InputStreamReader(
                new GZIPInputStream(Files.newInputStream(corpora().resolve(name))), StandardCharsets.UTF_8))) {
            for (String line = in.readLine(); line != null && lines.size() < count; line = in.readLine()) {
                lines.add(line);
            }
        }
        return writeLines(lines);
    }

    private Path writeLines(List<String> lines) throws IOException {
        Path file = Files.createTempFile(folder, "archive", ".jsonl");
        Files.write(file, lines, StandardCharsets.UTF_8);
        return file;
    }

    /** Each line's top-level text fields (and the line itself as "__line"), read with the JSON library the server has. */
    private static List<Map<String, String>> jsonLines(Path file) throws IOException {
        List<Map<String, String>> records = new ArrayList<>();
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            Map<String, String> record = new HashMap<>();
            jakarta.json.JsonObject json = jakarta.json.Json.createReader(new java.io.StringReader(line)).readObject();
            json.forEach((key, value) -> {
                if (value instanceof jakarta.json.JsonString s) {
                    record.put(key, s.getString());
                }
            });
            record.put("__line", line);
            records.add(record);
        }
        return records;
    }

    private static String jsonObject(String... keysAndValues) {
        var builder = jakarta.json.Json.createObjectBuilder();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            builder.add(keysAndValues[i], keysAndValues[i + 1]);
        }
        return builder.build().toString();
    }

    /** The server dying with a transaction open: it never commits. */
    static final class Killed extends Error {
        Killed() {
            super("killed");
        }
    }

    /** Resource-local transactions that, like the server's, start each unit of work with an empty context. */
    static final class Transactions implements ArchiveImport.Transactions {
        private final EntityManager em;
        int commits;
        int dieAtCommit = -1;

        Transactions(EntityManager em) {
            this.em = em;
        }

        @Override
        public <T> T inNewTransaction(Supplier<T> work) {
            em.getTransaction().begin();
            try {
                T result = work.get();
                if (++commits == dieAtCommit) {
                    throw new Killed();
                }
                em.getTransaction().commit();
                return result;
            } finally {
                if (em.getTransaction().isActive()) {
                    em.getTransaction().rollback();
                }
                em.clear();
            }
        }
    }
}
