package org.linli.forum.reading;

import org.linli.forum.topic.Topic;

import java.io.Serializable;
import java.time.Instant;

/**
 * How far a topic has come (its posts and its last post's time): all that unread tracking needs
 * of it, small enough to keep beside a cached page.
 */
public record TopicProgress(long topicId, int postCount, Instant lastPostAt) implements Serializable {

    public static TopicProgress of(Topic topic) {
        return new TopicProgress(topic.getId(), topic.postCount(), topic.getLastPostAt());
    }
}
