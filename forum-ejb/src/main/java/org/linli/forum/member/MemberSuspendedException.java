package org.linli.forum.member;

import org.linli.forum.common.ForumException;

import java.time.Instant;

/** The right password, but the member is suspended: told only to someone who knows the password. */
public class MemberSuspendedException extends ForumException {

    private static final long serialVersionUID = 1L;

    private final Instant until;
    private final String reason;

    public MemberSuspendedException(Instant until, String reason) {
        super(until == null ? "error.signIn.suspendedForever" : "error.signIn.suspended");
        this.until = until;
        this.reason = reason;
    }

    /** The end of the suspension; null if it is permanent. */
    public Instant getUntil() {
        return until;
    }

    public String getReason() {
        return reason;
    }
}
