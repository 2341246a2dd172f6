package org.linli.forum.topic;

import java.util.Set;

/**
 * Where a problem reported on a problem board stands. Staff (and the board's moderators) move it
 * forward; the author may reopen a resolved problem that is not fixed after all.
 */
public enum ProblemStatus {
    OPEN, ACKNOWLEDGED, RESOLVED;

    /** The statuses a problem may go to from this one. */
    public Set<ProblemStatus> next() {
        return switch (this) {
            case OPEN -> Set.of(ACKNOWLEDGED, RESOLVED);
            case ACKNOWLEDGED -> Set.of(OPEN, RESOLVED);
            case RESOLVED -> Set.of(OPEN);
        };
    }
}
