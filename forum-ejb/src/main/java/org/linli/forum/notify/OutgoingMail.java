package org.linli.forum.notify;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

import java.io.Serializable;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/** A mail in the outbox: written with what it is about, sent after commit, retried until it goes. */
@Entity
@Table(name = "mail_outbox")
public class OutgoingMail implements Serializable {

    private static final long serialVersionUID = 1L;


    /** After this many failed attempts the sender gives up on a mail (over about two days). */
    static final int MAX_ATTEMPTS = 20;

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "mail_outbox_seq")
    @SequenceGenerator(name = "mail_outbox_seq", sequenceName = "mail_outbox_seq", allocationSize = 50)
    private Long id;

    /** The member it is for; none for a guest's confirmation mail. */
    @Column(name = "member_id")
    private Long memberId;

    @Column(name = "to_address", nullable = false, length = 254)
    private String to;

    @Column(nullable = false, length = 500)
    private String subject;

    @Column(nullable = false, length = 20000)
    private String body;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(nullable = false)
    private int attempts;

    @Column(name = "next_attempt_at", nullable = false)
    private Instant nextAttemptAt;

    @Column(name = "sent_at")
    private Instant sentAt;

    @Column(name = "failed_at")
    private Instant failedAt;

    /** The server that last claimed it for sending (see {@link MailOutbox#claim}). */
    @Column(name = "claimed_by", length = 200)
    private String claimedBy;

    @Column(name = "last_error", length = 1000)
    private String lastError;

    protected OutgoingMail() {
    }

    OutgoingMail(Long memberId, String to, String subject, String body, Instant createdAt) {
        this.memberId = memberId;
        this.to = Objects.requireNonNull(to);
        this.subject = Objects.requireNonNull(subject);
        this.body = Objects.requireNonNull(body);
        this.createdAt = Objects.requireNonNull(createdAt);
        this.nextAttemptAt = createdAt;
    }

    /** The member it is for; null for a guest's confirmation mail. */
    public Long getMemberId() {
        return memberId;
    }

    void sent(Instant at) {
        sentAt = at;
        attempts++;
        lastError = null;
    }

    /** A failed attempt: the next waits twice as long as the last (5 s, 10 s, 20 s ... at most an hour). */
    void failed(Instant at, String error) {
        attempts++;
        lastError = error == null ? "unknown" : error.substring(0, Math.min(error.length(), 1000));
        if (attempts >= MAX_ATTEMPTS) {
            failedAt = at;
        } else {
            Duration wait = Duration.ofSeconds(5).multipliedBy(1L << Math.min(attempts - 1, 10));
            nextAttemptAt = at.plus(wait.compareTo(Duration.ofHours(1)) > 0 ? Duration.ofHours(1) : wait);
        }
    }

    public Long getId() {
        return id;
    }

    public String getTo() {
        return to;
    }

    public String getSubject() {
        return subject;
    }

    public String getBody() {
        return body;
    }

    public int getAttempts() {
        return attempts;
    }

    public Instant getSentAt() {
        return sentAt;
    }

    public Instant getFailedAt() {
        return failedAt;
    }

    public String getLastError() {
        return lastError;
    }
}
