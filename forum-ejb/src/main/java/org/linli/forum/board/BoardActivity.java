package org.linli.forum.board;

import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import org.linli.forum.topic.Topic;

import java.time.Instant;

/**
 * Keeps a board's counters and last activity up to date. A new post is one atomic UPDATE in the
 * poster's transaction, so concurrent posts on the same board never lose a count and the board
 * index never counts rows. The rare moderation actions (hide, restore, move) count the board
 * again under its row lock instead.
 */
public final class BoardActivity {

    private BoardActivity() {
    }

    /** A post was added to {@code topic} at {@code at}; {@code opensTopic} if it is the topic's first. */
    public static void recordPost(EntityManager em, Topic topic, Instant at, boolean opensTopic) {
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

    /**
     * Counts the board's topics and posts again and finds its latest visible topic. The posts of
     * hidden topics are not counted, as their topics are not. The board's
     * row is locked first: a post racing with this either committed before the count (and is in
     * it) or adds its own +1 after.
     */
    public static void recount(EntityManager em, Board board) {
        em.lock(board, LockModeType.PESSIMISTIC_WRITE);
        em.flush();
        Object[] counts = em.createQuery("""
                select coalesce(sum(case when t.hiddenAt is null then 1 else 0 end), 0),
                       coalesce(sum(case when t.hiddenAt is null then 0 else 1 end), 0),
                       coalesce(sum(case when t.hiddenAt is null then t.replyCount + 1 else 0 end), 0)
                from Topic t where t.board = :board""", Object[].class)
                .setParameter("board", board)
                .getSingleResult();
        Topic last = em.createQuery("""
                select t from Topic t where t.board = :board and t.hiddenAt is null
                order by t.lastPostAt desc, t.id desc""", Topic.class)
                .setParameter("board", board)
                .setMaxResults(1)
                .getResultStream().findFirst().orElse(null);
        board.recounted(((Number) counts[0]).intValue(), ((Number) counts[1]).intValue(),
                ((Number) counts[2]).longValue(), last);
    }
}
