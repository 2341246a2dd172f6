package org.linli.forum.security;

import org.linli.forum.board.Board;
import org.linli.forum.member.Member;
import org.linli.forum.member.Role;
import org.linli.forum.post.Post;
import org.linli.forum.topic.ProblemStatus;
import org.linli.forum.topic.Topic;
import org.linli.forum.topic.TopicLockedException;

/**
 * The fine permission rules, in one place. Services call the {@code check} methods before they
 * act; pages call the {@code can} predicates to decide what to offer. Hiding a button is never
 * the protection. Every predicate takes the member as {@link CurrentMember} loaded them (null
 * for an anonymous reader): a suspended member can do nothing a reader can't.
 *
 * <p>Roles: a resident posts; a {@link Role#MODERATOR} moderates the boards they are assigned,
 * or every board when none are; staff see hidden content and the audit log, answer in locked
 * topics, move problems on and give official answers, and post without flood control; only
 * they start announcements; an administrator may do everything.
 */
public final class Permissions {

    private Permissions() {
    }

    private static boolean active(Member member) {
        return member != null && member.canSignIn();
    }

    private static boolean is(Member member, Role role) {
        return active(member) && member.getRole() == role;
    }

    /** Lock, pin, move, hide and restore on this board, and work its reports. */
    public static boolean canModerate(Member member, Board board) {
        if (is(member, Role.ADMIN)) {
            return true;
        }
        return is(member, Role.MODERATOR)
                && (member.getModeratedBoardIds().isEmpty() || member.getModeratedBoardIds().contains(board.getId()));
    }

    /** Moderates at least one board: may open the report queue. */
    public static boolean isModerator(Member member) {
        return is(member, Role.MODERATOR) || is(member, Role.ADMIN);
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

    public static boolean canSee(Member member, Topic topic) {
        return !topic.isHidden() || canSeeHidden(member, topic.getBoard());
    }

    /** The post and its topic are visible to this reader. */
    public static boolean canSee(Member member, Post post) {
        return canSee(member, post.getTopic()) && (!post.isHidden() || canSeeHidden(member, post.getTopic().getBoard()));
    }

    /** On an announcement board only staff and administrators start topics. */
    public static boolean canStartTopic(Member member, Board board) {
        if (board.isAnnouncementBoard()) {
            return is(member, Role.STAFF) || is(member, Role.ADMIN);
        }
        return active(member);
    }

    /**
     * Whether the reader may move the problem to {@code to} now: a move the topic allows
     * ({@link Topic#allowsStatus}, the one place of that rule), by someone who may make it.
     */
    public static boolean canChangeStatus(Member member, Topic topic, ProblemStatus to) {
        return topic.allowsStatus(to) && mayMoveProblem(member, topic, to);
    }

    /** Whether the reader may change the problem's status in any way now (to offer the form). */
    public static boolean canChangeStatus(Member member, Topic topic) {
        ProblemStatus from = topic.getProblemStatus();
        return from != null && from.next().stream().anyMatch(to -> canChangeStatus(member, topic, to));
    }

    /** Who moves a problem: staff and the board's moderators; its author may only reopen it once resolved. */
    private static boolean mayMoveProblem(Member member, Topic topic, ProblemStatus to) {
        ProblemStatus from = topic.getProblemStatus();
        if (!active(member) || from == null || !canSee(member, topic)) {
            return false;
        }
        if (is(member, Role.STAFF) || canModerate(member, topic.getBoard())) {
            return true;
        }
        return member.getId().equals(topic.getAuthor().getId()) && from == ProblemStatus.RESOLVED && to == ProblemStatus.OPEN;
    }

    /** Staff mark a staff member's visible reply as the topic's official answer. */
    public static boolean canMarkOfficial(Member member, Post post) {
        boolean byStaff = post.getAuthor().getRole() == Role.STAFF || post.getAuthor().getRole() == Role.ADMIN;
        return (is(member, Role.STAFF) || is(member, Role.ADMIN)) && byStaff && post.getNumber() > 1 && !post.isHidden()
                && canSee(member, post.getTopic());
    }

    /** Locked topics take replies from their moderators and from staff (official answers) only. */
    public static boolean canReply(Member member, Topic topic) {
        if (!active(member) || !canSee(member, topic)) {
            return false;
        }
        return !topic.isLocked() || canModerate(member, topic.getBoard()) || is(member, Role.STAFF);
    }

    /** Authors edit their own visible posts while the topic is open; moderators edit any on their boards. */
    public static boolean canEdit(Member member, Post post) {
        if (!active(member) || !canSee(member, post)) {
            return false;
        }
        if (canModerate(member, post.getTopic().getBoard())) {
            return true;
        }
        return isAuthor(member, post) && !post.isHidden() && !post.getTopic().isLocked();
    }

    /** Authors delete (hide) their own posts on the same terms as they edit them. */
    public static boolean canDelete(Member member, Post post) {
        return active(member) && isAuthor(member, post) && !post.isHidden() && !post.getTopic().isLocked()
                && canSee(member, post.getTopic());
    }

    public static boolean canViewRevisions(Member member, Post post) {
        return canSeeHidden(member, post.getTopic().getBoard());
    }

    /** Any member may report a visible post that is not their own. */
    public static boolean canReport(Member member, Post post) {
        return active(member) && !isAuthor(member, post) && !post.isHidden() && canSee(member, post.getTopic());
    }

    /** The problems dashboard: staff, moderators and administrators. */
    public static boolean canViewDashboard(Member member) {
        return is(member, Role.STAFF) || is(member, Role.MODERATOR) || is(member, Role.ADMIN);
    }

    public static boolean canViewAuditLog(Member member) {
        return is(member, Role.MODERATOR) || is(member, Role.STAFF) || is(member, Role.ADMIN);
    }

    /**
     * Administrators suspend anyone but themselves; moderators suspend residents. Nobody
     * suspends a moderator, staff or administrator but an administrator.
     */
    public static boolean canSuspend(Member member, Member target) {
        if (is(member, Role.ADMIN)) {
            return !member.getId().equals(target.getId());
        }
        return is(member, Role.MODERATOR) && target.getRole() == Role.RESIDENT;
    }

    public static boolean canManageRoles(Member member) {
        return is(member, Role.ADMIN);
    }

    /** Moderators, staff and administrators post as often as they need to. */
    public static boolean isExemptFromFloodControl(Member member) {
        return active(member) && member.getRole() != Role.RESIDENT;
    }

    private static boolean isAuthor(Member member, Post post) {
        return member.getId().equals(post.getAuthor().getId());
    }

    public static void checkStartTopic(Member member, Board board) {
        require(canStartTopic(member, board), "startTopic");
    }

    public static void checkReply(Member member, Topic topic) {
        if (!canReply(member, topic)) {
            throw topic.isLocked() && canSee(member, topic) ? new TopicLockedException() : new NotPermittedException("error.notPermitted.reply");
        }
    }

    /** Who may move it; whether the move exists at all, the topic refuses itself ({@link Topic#changeStatus}). */
    public static void checkChangeStatus(Member member, Topic topic, ProblemStatus to) {
        require(mayMoveProblem(member, topic, to), "changeStatus");
    }

    public static void checkMarkOfficial(Member member, Post post) {
        require(canMarkOfficial(member, post), "markOfficial");
    }

    public static void checkEdit(Member member, Post post) {
        require(canEdit(member, post), "edit");
    }

    public static void checkDelete(Member member, Post post) {
        require(canDelete(member, post), "delete");
    }

    public static void checkModerate(Member member, Board board) {
        require(canModerate(member, board), "moderate");
    }

    public static void checkReport(Member member, Post post) {
        require(canReport(member, post), "report");
    }

    public static void checkSuspend(Member member, Member target) {
        require(canSuspend(member, target), "suspend");
    }

    public static void checkManageRoles(Member member) {
        require(canManageRoles(member), "manageRoles");
    }

    private static void require(boolean allowed, String action) {
        if (!allowed) {
            throw new NotPermittedException("error.notPermitted." + action);
        }
    }
}
