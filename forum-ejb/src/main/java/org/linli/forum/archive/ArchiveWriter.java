package org.linli.forum.archive;

import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import org.linli.forum.board.Board;
import org.linli.forum.board.BoardKind;
import org.linli.forum.common.InvalidInputException;
import org.linli.forum.content.ContentRules;
import org.linli.forum.member.Member;
import org.linli.forum.member.Registration;
import org.linli.forum.member.Role;
import org.linli.forum.post.Post;
import org.linli.forum.post.Posting;
import org.linli.forum.topic.ProblemStatus;
import org.linli.forum.topic.Topic;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Brings a chunk of archive messages into the forum, inside the caller's transaction. Each
 * message becomes a post through {@link Posting}, the way members' posts are made (the same
 * rules, renderer and sanitizer, counters, search change log; no notifications, as it is
 * history), and is written into the import ledger in the same
 * transaction: a chunk that commits is imported and recorded, one that does not (a kill, a
 * crash) left nothing, and the next run does it again.
 */
public final class ArchiveWriter {

    /** What a chunk did. */
    public record Outcome(int imported, List<ArchiveProblem> problems) {
    }

    /** Who gives a message board's official replies, by this key in the author ledger. */
    static final String OFFICIAL_AUTHOR = "#official";
    private static final Pattern CONTROL = Pattern.compile("[\\p{Cc}\\p{Cf}]");
    private static final Pattern STRAY_CONTROL = Pattern.compile("[\\x00-\\x08\\x0B\\x0E-\\x1F\\x7F-\\x9F]");
    private static final Set<String> RESERVED = Set.of("anonymous", "guest", "system");

    private final EntityManager em;
    private final Posting posting;
    private final ArchiveFormat format;
    private final String source;
    /** The time given to messages their archive does not date: the start of the run. */
    private final Instant undated;
    /** The chunk's authors, looked up once each (a writer lives for one chunk, one transaction). */
    private final Map<String, Member> members = new HashMap<>();

    public ArchiveWriter(EntityManager em, Posting posting, ArchiveFormat format, Instant undated) {
        this.em = em;
        this.posting = posting;
        this.format = format;
        this.source = format.source();
        this.undated = undated;
    }

    public Outcome write(List<ArchiveMessage> chunk) {
        Set<String> done = alreadyImported(chunk);
        List<ArchiveProblem> problems = new ArrayList<>();
        Map<String, Board> boards = new HashMap<>();
        int imported = 0;
        for (ArchiveMessage message : chunk) {
            if (done.contains(message.externalId())) {
                problems.add(ArchiveProblem.skipped(message.lineNumber(), message.externalId(),
                        "import.reason.alreadyImported", null));
                continue;
            }
            String title;
            String body;
            String reply = null;
            try {
                title = ContentRules.checkTitle(titleOf(message.subject()));
                body = ContentRules.checkBody(withoutControls(message.body()));
                if (message.reply() != null) {
                    reply = ContentRules.checkBody(withoutControls(message.reply()));
                }
            } catch (InvalidInputException e) {
                problems.add(ArchiveProblem.failed(message.lineNumber(), message.externalId(),
                        e.getMessageKey(), e.getArguments().length > 0 ? String.valueOf(e.getArguments()[0]) : null));
                continue;
            }
            Board board = boards.computeIfAbsent(message.board(), this::board);
            importMessage(message, board, title, body, reply);
            imported++;
        }
        posting.recount(boards.values());
        return new Outcome(imported, problems);
    }

    private void importMessage(ArchiveMessage message, Board board, String title, String body, String reply) {
        Instant at = message.createdAt() != null ? message.createdAt() : undated;
        Member author = member(message.authorKey(), message.authorName(), Role.RESIDENT, at);
        Topic topic = format == ArchiveFormat.NEWSGROUPS ? threadOf(message, board) : null;
        Post post;
        if (topic == null) {
            post = posting.openTopic(board, title, author, body, at, true);
            topic = post.getTopic();
            if (format == ArchiveFormat.NEWSGROUPS) {
                rememberThread(board, message.threadKey(), topic);
            }
        } else {
            post = posting.reply(topic, author, body, at, true);
        }
        record(message, post, topic);

        if (reply != null) {
            Instant answeredAt = message.replyAt() != null ? message.replyAt() : at;
            Member official = member(OFFICIAL_AUTHOR, "官方答复", Role.STAFF, answeredAt);
            Post answer = posting.reply(topic, official, reply, answeredAt, true);
            topic.markOfficialAnswer(answer.getId(), topic.getId());
            if (topic.allowsStatus(ProblemStatus.RESOLVED)) {
                topic.changeStatus(ProblemStatus.RESOLVED, answeredAt);
            }
        }
    }

    /**
     * Old archives carry control characters a member could not type (a form feed between pages,
     * a backspace): a form feed becomes a line break, the others go. Nothing else of the text changes.
     */
    static String withoutControls(String text) {
        return STRAY_CONTROL.matcher(text.replace('\f', '\n')).replaceAll("");
    }

    /** A topic title from a subject: without Re:, never empty, at most the forum's title length. */
    private String titleOf(String subject) {
        String title = CONTROL.matcher(SubjectKey.title(subject)).replaceAll("").strip();
        if (title.isEmpty()) {
            title = format == ArchiveFormat.NEWSGROUPS ? "(no subject)" : "（无标题）";
        }
        if (title.codePointCount(0, title.length()) > ContentRules.TITLE_MAX) {
            title = title.substring(0, title.offsetByCodePoints(0, ContentRules.TITLE_MAX - 1)) + "…";
        }
        return title;
    }

    /**
     * The topic a newsgroup message continues: the one holding the nearest message it references
     * or quotes, else the one its subject names on the same board; null if it opens a thread.
     */
    private Topic threadOf(ArchiveMessage message, Board board) {
        List<String> references = message.references();
        if (!references.isEmpty()) {
            List<?> rows = em.createNativeQuery("""
                    select r.message_id, r.topic_id from import_record r join topic t on t.id = r.topic_id
                    where r.source = ?1 and t.board_id = ?2 and r.message_id in (?3)""")
                    .setParameter(1, source)
                    .setParameter(2, board.getId())
                    .setParameter(3, references)
                    .getResultList();
            Map<String, Long> topicOf = new HashMap<>();
            for (Object row : rows) {
                Object[] cells = (Object[]) row;
                topicOf.put((String) cells[0], ((Number) cells[1]).longValue());
            }
            for (int i = references.size() - 1; i >= 0; i--) {
                Long topicId = topicOf.get(references.get(i));
                if (topicId != null) {
                    Topic topic = em.find(Topic.class, topicId, LockModeType.PESSIMISTIC_WRITE);
                    rememberThread(board, message.threadKey(), topic);
                    return topic;
                }
            }
        }
        List<?> bySubject = em.createNativeQuery("""
                select topic_id from import_thread where source = ?1 and board_id = ?2 and thread_key = ?3""")
                .setParameter(1, source)
                .setParameter(2, board.getId())
                .setParameter(3, message.threadKey())
                .getResultList();
        return bySubject.isEmpty() ? null
                : em.find(Topic.class, ((Number) bySubject.get(0)).longValue(), LockModeType.PESSIMISTIC_WRITE);
    }

    private void rememberThread(Board board, String threadKey, Topic topic) {
        boolean known = !em.createNativeQuery("""
                select 1 from import_thread where source = ?1 and board_id = ?2 and thread_key = ?3""")
                .setParameter(1, source)
                .setParameter(2, board.getId())
                .setParameter(3, threadKey)
                .getResultList().isEmpty();
        if (!known) {
            em.createNativeQuery("""
                    insert into import_thread (source, board_id, thread_key, topic_id) values (?1, ?2, ?3, ?4)""")
                    .setParameter(1, source)
                    .setParameter(2, board.getId())
                    .setParameter(3, threadKey)
                    .setParameter(4, topic.getId())
                    .executeUpdate();
        }
    }

    private void record(ArchiveMessage message, Post post, Topic topic) {
        em.createNativeQuery("""
                insert into import_record (source, external_id, post_id, topic_id, message_id)
                values (?1, ?2, ?3, ?4, ?5)""")
                .setParameter(1, source)
                .setParameter(2, message.externalId())
                .setParameter(3, post.getId())
                .setParameter(4, topic.getId())
                .setParameter(5, message.messageId())
                .executeUpdate();
    }

    private Set<String> alreadyImported(List<ArchiveMessage> chunk) {
        if (chunk.isEmpty()) {
            return Set.of();
        }
        List<?> ids = em.createNativeQuery("select external_id from import_record where source = ?1 and external_id in (?2)")
                .setParameter(1, source)
                .setParameter(2, chunk.stream().map(ArchiveMessage::externalId).toList())
                .getResultList();
        Set<String> done = new LinkedHashSet<>();
        ids.forEach(id -> done.add((String) id));
        return done;
    }

    /** The board named {@code name}, made on first use (a newsgroup's board, or the one chosen for a message board). */
    private Board board(String name) {
        String checked = CONTROL.matcher(name).replaceAll("").strip();
        if (checked.length() > Board.NAME_MAX) {
            checked = checked.substring(0, Board.NAME_MAX);
        }
        String boardName = checked;
        return em.createQuery("select b from Board b where b.name = :name order by b.id", Board.class)
                .setParameter("name", boardName)
                .setMaxResults(1)
                .getResultStream().findFirst()
                .orElseGet(() -> {
                    Integer last = em.createQuery("select max(b.position) from Board b", Integer.class).getSingleResult();
                    Board board = format == ArchiveFormat.NEWSGROUPS
                            ? new Board(boardName, "Usenet: " + boardName, last == null ? 1 : last + 1, BoardKind.DISCUSSION)
                            : new Board(boardName, "", last == null ? 1 : last + 1, BoardKind.PROBLEMS);
                    em.persist(board);
                    em.flush();
                    return board;
                });
    }

    /** The member an original author became: made on first sight, with no password (never signs in). */
    private Member member(String authorKey, String name, Role role, Instant firstSeen) {
        return members.computeIfAbsent(authorKey, key -> knownOrNewMember(key, name, role, firstSeen));
    }

    private Member knownOrNewMember(String authorKey, String name, Role role, Instant firstSeen) {
        List<?> known = em.createNativeQuery("select member_id from import_author where source = ?1 and author_key = ?2")
                .setParameter(1, source)
                .setParameter(2, authorKey)
                .getResultList();
        if (!known.isEmpty()) {
            return em.find(Member.class, ((Number) known.get(0)).longValue());
        }
        Member member = new Member(freeUsername(name), placeholderEmail(authorKey), null, role, firstSeen);
        em.persist(member);
        em.flush();
        em.createNativeQuery("insert into import_author (source, author_key, member_id) values (?1, ?2, ?3)")
                .setParameter(1, source)
                .setParameter(2, authorKey)
                .setParameter(3, member.getId())
                .executeUpdate();
        return member;
    }

    /** The author's name as a username nobody has yet: "Keith", then "Keith (2)", "Keith (3)"… */
    private String freeUsername(String name) {
        String base = CONTROL.matcher(name == null ? "" : name).replaceAll("").replaceAll("\\s+", " ").strip();
        if (base.codePointCount(0, base.length()) < Registration.USERNAME_MIN || RESERVED.contains(Member.keyOf(base))) {
            base = base + "_" + source;
        }
        base = cut(base, Registration.USERNAME_MAX - 6);
        String candidate = base;
        for (int n = 2; taken(candidate); n++) {
            candidate = base + " (" + n + ")";
        }
        return candidate;
    }

    private boolean taken(String username) {
        return em.createQuery("select count(m) from Member m where m.usernameKey = :key", Long.class)
                .setParameter("key", Member.keyOf(username))
                .getSingleResult() > 0;
    }

    /** Imported members get no real address: the archive's is not theirs to give us, and nothing is ever sent. */
    private String placeholderEmail(String authorKey) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest((source + "\n" + authorKey).getBytes(StandardCharsets.UTF_8));
            return "imported-" + HexFormat.of().formatHex(digest, 0, 12) + "@" + source + ".import.invalid";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String cut(String text, int codePoints) {
        return text.codePointCount(0, text.length()) <= codePoints ? text
                : text.substring(0, text.offsetByCodePoints(0, codePoints)).strip();
    }
}
