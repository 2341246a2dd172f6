package org.linli.forum.board;

import jakarta.persistence.EntityManager;
import org.linli.forum.topic.Topic;

import java.time.Instant;

/**
 * Keeps a board's counters and last activity up to date as posts arrive: one atomic UPDATE in
 * the poster's transaction, so concurrent posts on the same board never lose a count and the
 * board index never counts rows.
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
}
