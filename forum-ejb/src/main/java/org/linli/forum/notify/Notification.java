package org.linli.forum.notify;

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
import org.linli.forum.member.Member;
import org.linli.forum.post.Post;
import org.linli.forum.topic.ProblemStatus;
import org.linli.forum.topic.Topic;

import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;

/** One thing a member is told about, read or not. */
@Entity
public class Notification implements Serializable {

    private static final long serialVersionUID = 1L;


    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "notification_seq")
    @SequenceGenerator(name = "notification_seq", sequenceName = "notification_seq", allocationSize = 50)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "member_id", nullable = false)
    private Member member;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private NotificationKind kind;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "topic_id", nullable = false)
    private Topic topic;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "post_id")
    private Post post;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "actor_id", nullable = false)
    private Member actor;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    /** For a status change: the status the problem went to, as it was then. */
    @Enumerated(EnumType.STRING)
    @Column(length = 16)
    private ProblemStatus status;

    @Column(name = "read_at")
    private Instant readAt;

    protected Notification() {
    }

    Notification(Member member, NotificationKind kind, Topic topic, Post post, Member actor, Instant createdAt) {
        this.member = Objects.requireNonNull(member);
        this.kind = Objects.requireNonNull(kind);
        this.topic = Objects.requireNonNull(topic);
        this.post = post;
        this.actor = Objects.requireNonNull(actor);
        this.createdAt = Objects.requireNonNull(createdAt);
    }

    /** The status a status-change notification tells of (null for other kinds). */
    Notification withStatus(ProblemStatus status) {
        this.status = status;
        return this;
    }

    public ProblemStatus getStatus() {
        return status;
    }

    void markRead(Instant at) {
        if (readAt == null) {
            readAt = at;
        }
    }

    public Long getId() {
        return id;
    }

    public Member getMember() {
        return member;
    }

    public NotificationKind getKind() {
        return kind;
    }

    public Topic getTopic() {
        return topic;
    }

    public Post getPost() {
        return post;
    }

    public Member getActor() {
        return actor;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getReadAt() {
        return readAt;
    }

    public boolean isRead() {
        return readAt != null;
    }
}
