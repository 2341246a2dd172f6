package org.linli.forum.moderation;

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
import jakarta.persistence.Version;
import org.linli.forum.member.Member;
import org.linli.forum.post.Post;

import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;

/** A member's report of a post, and what a moderator made of it. */
@Entity
public class Report implements Serializable {

    private static final long serialVersionUID = 1L;


    public enum Status { OPEN, POST_HIDDEN, DISMISSED }

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "report_seq")
    @SequenceGenerator(name = "report_seq", sequenceName = "report_seq", allocationSize = 50)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "post_id", nullable = false)
    private Post post;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "reporter_id", nullable = false)
    private Member reporter;

    @Column(nullable = false, length = 2000)
    private String reason;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private Status status = Status.OPEN;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "resolved_by")
    private Member resolvedBy;

    @Column(name = "resolved_at")
    private Instant resolvedAt;

    @Column(name = "resolution_note", length = 2000)
    private String resolutionNote;

    @Version
    private long version;

    protected Report() {
    }

    Report(Post post, Member reporter, String reason, Instant createdAt) {
        this.post = Objects.requireNonNull(post);
        this.reporter = Objects.requireNonNull(reporter);
        this.reason = Objects.requireNonNull(reason);
        this.createdAt = Objects.requireNonNull(createdAt);
    }

    void resolve(Status outcome, Member by, Instant at, String note) {
        this.status = Objects.requireNonNull(outcome);
        this.resolvedBy = Objects.requireNonNull(by);
        this.resolvedAt = Objects.requireNonNull(at);
        this.resolutionNote = note;
    }

    public boolean isOpen() {
        return status == Status.OPEN;
    }

    public Long getId() {
        return id;
    }

    public Post getPost() {
        return post;
    }

    public Member getReporter() {
        return reporter;
    }

    public String getReason() {
        return reason;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Status getStatus() {
        return status;
    }

    public Member getResolvedBy() {
        return resolvedBy;
    }

    public Instant getResolvedAt() {
        return resolvedAt;
    }

    public String getResolutionNote() {
        return resolutionNote;
    }
}
