package org.linli.forum.security;

import org.linli.forum.board.Board;
import org.linli.forum.member.Member;
import org.linli.forum.post.Post;
import org.linli.forum.topic.Topic;
import org.linli.forum.topic.TopicLockedException;

/**
 * The fine permission rules, in one place. Services call the {@code check} methods before they
 * act; pages call the {@code can} predicates to decide what to offer. Hiding a button is never
 * the protection.
 */
public final class Permissions {

    private Permissions() {
    }

    public static boolean canStartTopic(Member member, Board board) {
        return member != null && member.canSignIn();
    }

    public static boolean canReply(Member member, Topic topic) {
        if (member == null || !member.canSignIn()) {
            return false;
        }
        return !topic.isLocked() || member.getRole().isModeratorOrAbove();
    }

    /** Authors edit their own posts; moderators, staff and administrators edit any. */
    public static boolean canEdit(Member member, Post post) {
        if (member == null || !member.canSignIn()) {
            return false;
        }
        return member.getId().equals(post.getAuthor().getId()) || member.getRole().isModeratorOrAbove();
    }

    public static boolean canViewRevisions(Member member) {
        return member != null && member.canSignIn() && member.getRole().isModeratorOrAbove();
    }

    public static void checkEdit(Member member, Post post) {
        if (!canEdit(member, post)) {
            throw new NotPermittedException("error.notPermitted.edit");
        }
    }

    public static void checkStartTopic(Member member, Board board) {
        if (!canStartTopic(member, board)) {
            throw new NotPermittedException("error.notPermitted.startTopic");
        }
    }

    public static void checkReply(Member member, Topic topic) {
        if (!canReply(member, topic)) {
            throw topic.isLocked() ? new TopicLockedException() : new NotPermittedException("error.notPermitted.reply");
        }
    }
}
