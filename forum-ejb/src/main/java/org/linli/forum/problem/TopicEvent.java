package org.linli.forum.problem;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import org.linli.forum.member.Member;
import org.linli.forum.topic.ProblemStatus;
import org.linli.forum.topic.Topic;

import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;

/** A change of a problem's status: who, when, from what to what, and their note. Never changed. */
@Entity
@Table(name = "topic_event")
public class TopicEvent implements Serializable {

    private static final long serialVersionUID = 1L;


    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "topic_event_seq")
    @SequenceGenerator(name = "topic_event_seq", sequenceName = "topic_event_seq", allocationSize = 50)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "topic_id", nullable = false, updatable = false)
    private Topic topic;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "actor_id", nullable = false, updatable = false)
    private Member actor;

    @Enumerated(EnumType.STRING)
    @Column(name = "from_status", length = 16, updatable = false)
    private ProblemStatus from;

    @Enumerated(EnumType.STRING)
    @Column(name = "to_status", nullable = false, length = 16, updatable = false)
    private ProblemStatus to;

    @Column(length = 2000, updatable = false)
    private String note;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    protected TopicEvent() {
    }

    /**
     * Moves the problem to {@code to} (a move its status does not allow is refused) and returns
     * the event that records the move, to be persisted with it.
     */
    public static TopicEvent move(Topic topic, Member actor, ProblemStatus to, String note, Instant at) {
        ProblemStatus from = topic.getProblemStatus();
        topic.changeStatus(to, at);
        return new TopicEvent(topic, actor, from, to, note, at);
    }

    TopicEvent(Topic topic, Member actor, ProblemStatus from, ProblemStatus to, String note, Instant createdAt) {
        this.topic = Objects.requireNonNull(topic);
        this.actor = Objects.requireNonNull(actor);
        this.from = from;
        this.to = Objects.requireNonNull(to);
        this.note = note;
        this.createdAt = Objects.requireNonNull(createdAt);
    }

    public Long getId() {
        return id;
    }

    public Topic getTopic() {
        return topic;
    }

    public Member getActor() {
        return actor;
    }

    public ProblemStatus getFrom() {
        return from;
    }

    public ProblemStatus getTo() {
        return to;
    }

    public String getNote() {
        return note;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }
}
