package org.linli.forum.topic;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import org.linli.forum.member.Member;

import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;

/**
 * Why a topic or a post is hidden from readers (a soft delete: moderators still see it): who hid
 * it, when, and their reason. A value: hiding makes a new one, showing again drops it.
 */
@Embeddable
public class Hiding implements Serializable {

    private static final long serialVersionUID = 1L;


    @Column(name = "hidden_at")
    private Instant hiddenAt;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "hidden_by")
    private Member hiddenBy;

    @Column(name = "hidden_reason", length = 1000)
    private String hiddenReason;

    protected Hiding() {
    }

    public Hiding(Member by, Instant at, String reason) {
        this.hiddenBy = Objects.requireNonNull(by);
        this.hiddenAt = Objects.requireNonNull(at);
        this.hiddenReason = reason;
    }

    public Instant getHiddenAt() {
        return hiddenAt;
    }

    public Member getHiddenBy() {
        return hiddenBy;
    }

    public String getHiddenReason() {
        return hiddenReason;
    }
}
