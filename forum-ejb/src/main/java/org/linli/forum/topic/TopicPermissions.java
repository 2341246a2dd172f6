package org.linli.forum.topic;

import org.linli.forum.common.NotPermittedException;
import org.linli.forum.member.Member;
import org.linli.forum.member.Role;

import static org.linli.forum.board.BoardPermissions.canModerate;
import static org.linli.forum.board.BoardPermissions.canSeeHidden;
import static org.linli.forum.member.MemberPermissions.is;
import static org.linli.forum.member.MemberPermissions.isActive;

/** Who may do what to a topic: see it, reply to it, move its problem on. */
public final class TopicPermissions {

    private TopicPermissions() {
    }

    public static boolean canSee(Member member, Topic topic) {
        return !topic.isHidden() || canSeeHidden(member, topic.getBoard());
    }

    /** Locked topics take replies from their moderators and from staff (official answers) only. */
    public static boolean canReply(Member member, Topic topic) {
        if (!isActive(member) || !canSee(member, topic)) {
            return false;
        }
        return !topic.isLocked() || canModerate(member, topic.getBoard()) || is(member, Role.STAFF);
    }

    /**
     * Staff answer a reported problem officially as they reply: a reply on a problem board that
     * is the topic's official answer from the start.
     */
    public static boolean canAnswerOfficially(Member member, Topic topic) {
        return (is(member, Role.STAFF) || is(member, Role.ADMIN)) && topic.getBoard().isProblemBoard() && canReply(member, topic);
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
        if (!isActive(member) || from == null || !canSee(member, topic)) {
            return false;
        }
        if (is(member, Role.STAFF) || canModerate(member, topic.getBoard())) {
            return true;
        }
        return member.getId().equals(topic.getAuthor().getId()) && from == ProblemStatus.RESOLVED && to == ProblemStatus.OPEN;
    }

    public static void checkReply(Member member, Topic topic) {
        if (!canReply(member, topic)) {
            throw topic.isLocked() && canSee(member, topic) ? new TopicLockedException() : new NotPermittedException("error.notPermitted.reply");
        }
    }

    public static void checkAnswerOfficially(Member member, Topic topic) {
        NotPermittedException.unless(canAnswerOfficially(member, topic), "markOfficial");
    }

    /** Who may move it; whether the move exists at all, the topic refuses itself ({@link Topic#changeStatus}). */
    public static void checkChangeStatus(Member member, Topic topic, ProblemStatus to) {
        NotPermittedException.unless(mayMoveProblem(member, topic, to), "changeStatus");
    }
}
