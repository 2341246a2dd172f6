package org.linli.forum.topic;

import jakarta.persistence.Embedded;
import jakarta.persistence.MappedSuperclass;
import org.linli.forum.member.Member;

import java.io.Serializable;
import java.time.Instant;

/**
 * Something readers can be kept from seeing while moderators still see it (a soft delete): a
 * topic or a post. It carries its {@link Hiding} while hidden, none while shown.
 */
@MappedSuperclass
public abstract class Hideable implements Serializable {

    private static final long serialVersionUID = 1L;


    @Embedded
    private Hiding hiding;

    /** Hides it from readers; {@code reason} may be null (an author deleting their own post gives none). */
    public void hide(Member by, Instant at, String reason) {
        this.hiding = new Hiding(by, at, reason);
    }

    /** Shows it again. */
    public void restore() {
        this.hiding = null;
    }

    public boolean isHidden() {
        return hiding != null;
    }

    public Instant getHiddenAt() {
        return hiding == null ? null : hiding.getHiddenAt();
    }

    public Member getHiddenBy() {
        return hiding == null ? null : hiding.getHiddenBy();
    }

    public String getHiddenReason() {
        return hiding == null ? null : hiding.getHiddenReason();
    }
}
