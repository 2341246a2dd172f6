package org.linli.forum.notify;

import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import org.linli.forum.member.Member;
import org.linli.forum.topic.Topic;

import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;

/** A member watches a topic: they are told of its replies, status changes and official answer. */
@Entity
@Table(name = "topic_watch")
@IdClass(TopicWatch.Key.class)
public class TopicWatch extends Watch {

    /** Topic and member ids. */
    public record Key(Long topic, Long member) implements Serializable {
        public Key() {
            this(null, null);
        }
    }

    @Id
    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "topic_id")
    private Topic topic;

    protected TopicWatch() {
    }

    TopicWatch(Topic topic, Member member, Instant createdAt) {
        super(member, createdAt);
        this.topic = Objects.requireNonNull(topic);
    }
}
