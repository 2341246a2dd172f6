package org.linli.forum.board;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import org.linli.forum.topic.Topic;
import org.linli.forum.topic.TopicChanged;

import java.time.Instant;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * Keeps a board's counters and last activity up to date. A new post is one atomic UPDATE in the
 * poster's transaction, so concurrent posts on the same board never lose a count and the board
 * index never counts rows. The rare moderation actions (hide, restore, move) count the board
 * again under its row lock instead, as they happen ({@link TopicChanged}).
 */
@ApplicationScoped
public class BoardCounters {

    @PersistenceContext
    private EntityManager em;

    protected BoardCounters() {
    }

    /** For use outside a container (the archive import's tests). */
    public BoardCounters(EntityManager em) {
        this.em = em;
    }

    /** A post was added to {@code topic} at {@code at}; {@code opensTopic} if it is the topic's first. */
    public void recordPost(Topic topic, Instant at, boolean opensTopic) {
        em.createQuery("""
                update Board b set b.topicCount = b.topicCount + :topics, b.postCount = b.postCount + 1,
                       b.lastPostAt = :at, b.lastTopic = :topic
                where b.id = :board""")
                .setParameter("topics", opensTopic ? 1 : 0)
                .setParameter("at", at)
                .setParameter("topic", topic)
                .setParameter("board", topic.getBoard().getId())
                .executeUpdate();
    }

    void topicChanged(@Observes TopicChanged event) {
        if (event.change() == TopicChanged.Change.MOVED) {
            // Both boards' rows, in id order, so two moves between the same boards cannot deadlock.
            Stream.of(event.formerBoard(), event.topic().getBoard())
                    .sorted(Comparator.comparing(Board::getId))
                    .forEach(this::recount);
        } else if (event.change().changesWhereItShows()) {
            recount(event.topic().getBoard());
        }
    }

    /**
     * Counts the board's topics and posts again and finds its latest visible topic. The posts of
     * hidden topics are not counted, as their topics are not. The board's
     * row is locked first: a post racing with this either committed before the count (and is in
     * it) or adds its own +1 after.
     */
    public void recount(Board board) {
        em.lock(board, LockModeType.PESSIMISTIC_WRITE);
        em.flush();
        Object[] counts = em.createQuery("""
                select coalesce(sum(case when t.hiding.hiddenAt is null then 1 else 0 end), 0),
                       coalesce(sum(case when t.hiding.hiddenAt is null then 0 else 1 end), 0),
                       coalesce(sum(case when t.hiding.hiddenAt is null then t.replyCount + 1 else 0 end), 0)
                from Topic t where t.board = :board""", Object[].class)
                .setParameter("board", board)
                .getSingleResult();
        Topic last = em.createQuery("""
                select t from Topic t where t.board = :board and t.hiding.hiddenAt is null
                order by t.lastPostAt desc, t.id desc""", Topic.class)
                .setParameter("board", board)
                .setMaxResults(1)
                .getResultStream().findFirst().orElse(null);
        board.recounted(((Number) counts[0]).intValue(), ((Number) counts[1]).intValue(),
                ((Number) counts[2]).longValue(), last);
    }
}
