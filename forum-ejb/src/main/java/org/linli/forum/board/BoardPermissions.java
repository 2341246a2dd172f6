package org.linli.forum.board;

import org.linli.forum.common.NotPermittedException;
import org.linli.forum.member.Member;
import org.linli.forum.member.Role;

import static org.linli.forum.member.MemberPermissions.is;
import static org.linli.forum.member.MemberPermissions.isActive;

/** Who may do what on a board: moderate it, see what is hidden on it, start a topic on it. */
public final class BoardPermissions {

    private BoardPermissions() {
    }

    /** Lock, pin, move, hide and restore on this board, and work its reports. */
    public static boolean canModerate(Member member, Board board) {
        if (is(member, Role.ADMIN)) {
            return true;
        }
        return is(member, Role.MODERATOR)
                && (member.getModeratedBoardIds().isEmpty() || member.getModeratedBoardIds().contains(board.getId()));
    }

    /** Hidden topics and posts (and edit history) on this board. */
    public static boolean canSeeHidden(Member member, Board board) {
        return is(member, Role.STAFF) || canModerate(member, board);
    }

    /**
     * Hidden content on every board: staff, administrators and moderators of all boards (a
     * search spans boards, so a moderator of some boards searches as a reader).
     */
    public static boolean canSeeHiddenEverywhere(Member member) {
        return is(member, Role.STAFF) || is(member, Role.ADMIN)
                || (is(member, Role.MODERATOR) && member.getModeratedBoardIds().isEmpty());
    }

    /** On an announcement board only staff and administrators start topics. */
    public static boolean canStartTopic(Member member, Board board) {
        if (board.isAnnouncementBoard()) {
            return is(member, Role.STAFF) || is(member, Role.ADMIN);
        }
        return isActive(member);
    }

    public static void checkStartTopic(Member member, Board board) {
        NotPermittedException.unless(canStartTopic(member, board), "startTopic");
    }

    public static void checkModerate(Member member, Board board) {
        NotPermittedException.unless(canModerate(member, board), "moderate");
    }
}
