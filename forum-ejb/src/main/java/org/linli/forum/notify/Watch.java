package org.linli.forum.notify;

import jakarta.persistence.Column;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.MappedSuperclass;
import org.linli.forum.member.Member;

import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;

/** A member watches something and is told of what happens to it; what it is, the subclass says. */
@MappedSuperclass
public abstract class Watch implements Serializable {

    private static final long serialVersionUID = 1L;


    @Id
    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "member_id")
    private Member member;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    protected Watch() {
    }

    protected Watch(Member member, Instant createdAt) {
        this.member = Objects.requireNonNull(member);
        this.createdAt = Objects.requireNonNull(createdAt);
    }
}
