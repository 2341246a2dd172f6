package org.linli.forum.post;

import org.linli.forum.member.Member;

/**
 * An existing post changed, raised in the transaction of the change.
 *
 * @param actor  who changed it; null for the forum's own upkeep (a new rendering policy)
 * @param reason the moderator's reason, if any
 */
public record PostChanged(Post post, Change change, Member actor, String reason) {

    public enum Change {
        EDITED, DELETED_BY_AUTHOR, HIDDEN, RESTORED, RERENDERED
    }
}
