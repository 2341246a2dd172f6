package org.linli.forum.topic;

import org.linli.forum.board.Board;
import org.linli.forum.member.Member;

/**
 * A topic changed as a whole, raised in the transaction of the change.
 *
 * @param formerBoard the board a moved topic came from; null for the other changes
 * @param reason      the moderator's reason, if any
 */
public record TopicChanged(Topic topic, Change change, Member actor, String reason, Board formerBoard) {

    public enum Change {
        LOCKED, UNLOCKED, PINNED, UNPINNED, MOVED, HIDDEN, RESTORED;

        /** Changes after which the topic's posts are shown to other readers, or on another board. */
        public boolean changesWhereItShows() {
            return this == MOVED || this == HIDDEN || this == RESTORED;
        }
    }

    public TopicChanged(Topic topic, Change change, Member actor, String reason) {
        this(topic, change, actor, reason, null);
    }
}
