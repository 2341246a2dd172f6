package org.linli.forum.guest;

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
import org.linli.forum.post.Post;
import org.linli.forum.topic.Topic;

import java.io.Serializable;
import java.time.Instant;

/**
 * A visitor's reply, held until a moderator approves it (then it is a post by the guest's member)
 * or rejects it. Its HTML is rendered as members' posts are, with links made plain text: a held
 * reply advertises nothing. The guest's address is kept only as its digest.
 */
@Entity
@Table(name = "guest_reply")
public class GuestReply implements Serializable {

    private static final long serialVersionUID = 1L;


    public enum State { PENDING, APPROVED, REJECTED }

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "guest_reply_seq")
    @SequenceGenerator(name = "guest_reply_seq", sequenceName = "guest_reply_seq", allocationSize = 50)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "topic_id", nullable = false)
    private Topic topic;

    @Column(name = "guest_name", nullable = false, length = 40)
    private String guestName;

    @Column(name = "email_digest", nullable = false, length = 64)
    private String emailDigest;

    @Column(nullable = false, length = 100_000)
    private String source;

    @Column(nullable = false, length = 1_000_000)
    private String html;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "address_digest", nullable = false, length = 64)
    private String addressDigest;

    @Column(name = "email_confirmed_at")
    private Instant emailConfirmedAt;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private State state = State.PENDING;

    @Column(name = "decided_at")
    private Instant decidedAt;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "decided_by")
    private Member decidedBy;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "post_id")
    private Post post;

    protected GuestReply() {
    }

    GuestReply(Topic topic, String guestName, String emailDigest, String source, String html, String addressDigest, Instant at) {
        this.topic = topic;
        this.guestName = guestName;
        this.emailDigest = emailDigest;
        this.source = source;
        this.html = html;
        this.addressDigest = addressDigest;
        this.createdAt = at;
    }

    void confirmEmail(Instant at) {
        if (emailConfirmedAt == null) {
            emailConfirmedAt = at;
        }
    }

    void approve(Member moderator, Post published, Instant at) {
        state = State.APPROVED;
        decidedBy = moderator;
        decidedAt = at;
        post = published;
    }

    void reject(Member moderator, Instant at) {
        state = State.REJECTED;
        decidedBy = moderator;
        decidedAt = at;
    }

    public Long getId() {
        return id;
    }

    public Topic getTopic() {
        return topic;
    }

    public String getGuestName() {
        return guestName;
    }

    String getEmailDigest() {
        return emailDigest;
    }

    public String getSource() {
        return source;
    }

    /** The reply as shown while it is held: safe HTML with its links as plain text. */
    public String getHtml() {
        return html;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public boolean isEmailConfirmed() {
        return emailConfirmedAt != null;
    }

    public State getState() {
        return state;
    }

    public Post getPost() {
        return post;
    }
}
