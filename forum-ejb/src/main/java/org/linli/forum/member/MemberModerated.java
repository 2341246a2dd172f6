package org.linli.forum.member;

import java.time.Instant;
import java.util.Set;

/**
 * A member's standing changed by someone else's hand, raised in the transaction of the change.
 *
 * @param until    the end of a suspension; null for one without end, or another change
 * @param boardIds the boards a new role moderates (ROLE_CHANGED), else empty
 */
public record MemberModerated(Member member, Change change, Member actor, String reason, Instant until, Set<Long> boardIds) {

    public enum Change {
        SUSPENDED, REINSTATED, ROLE_CHANGED
    }
}
