package org.linli.forum.reading;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;

/** A member has read a topic up to post number {@link #getLastReadNumber()}. */
@Entity
@Table(name = "topic_read")
public class TopicRead {

    /** Member and topic. */
    @Embeddable
    public static class Key implements Serializable {

        private static final long serialVersionUID = 1L;

        @Column(name = "member_id", nullable = false)
        private long memberId;

        @Column(name = "topic_id", nullable = false)
        private long topicId;

        protected Key() {
        }

        Key(long memberId, long topicId) {
            this.memberId = memberId;
            this.topicId = topicId;
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Key key && key.memberId == memberId && key.topicId == topicId;
        }

        @Override
        public int hashCode() {
            return Objects.hash(memberId, topicId);
        }
    }

    @EmbeddedId
    private Key key;

    @Column(name = "last_read_number", nullable = false)
    private int lastReadNumber;

    @Column(name = "read_at", nullable = false)
    private Instant readAt;

    protected TopicRead() {
    }

    TopicRead(long memberId, long topicId, int lastReadNumber, Instant readAt) {
        this.key = new Key(memberId, topicId);
        this.lastReadNumber = lastReadNumber;
        this.readAt = readAt;
    }

    /** Moves the mark forward (never back: reading an old page does not unread newer posts). */
    void readUpTo(int number, Instant at) {
        if (number > lastReadNumber) {
            lastReadNumber = number;
            readAt = at;
        }
    }

    public long getTopicId() {
        return key.topicId;
    }

    public int getLastReadNumber() {
        return lastReadNumber;
    }
}
