package org.linli.forum.member;

import org.linli.forum.common.NotPermittedException;

/**
 * The permission rules that depend on who the member is: their role and whether they may act at
 * all. Every predicate takes the member as {@link CurrentMember} loaded them (null for an
 * anonymous reader): a suspended member can do nothing a reader can't. The rules of boards,
 * topics and posts build on these ({@code BoardPermissions}, {@code TopicPermissions},
 * {@code PostPermissions}); services call the {@code check} methods before they act, pages call
 * the {@code can} predicates to decide what to offer. Hiding a button is never the protection.
 *
 * <p>Roles: a resident posts; a {@link Role#MODERATOR} moderates the boards they are assigned,
 * or every board when none are; staff see hidden content and the audit log, answer in locked
 * topics, move problems on and give official answers, and post without flood control; only
 * they start announcements; an administrator may do everything.
 */
public final class MemberPermissions {

    private MemberPermissions() {
    }

    /** Signed in, and not suspended right now. */
    public static boolean isActive(Member member) {
        return member != null && member.canSignIn();
    }

    /** Active, in this role. */
    public static boolean is(Member member, Role role) {
        return isActive(member) && member.getRole() == role;
    }

    /** Moderates at least one board: may open the report queue. */
    public static boolean isModerator(Member member) {
        return is(member, Role.MODERATOR) || is(member, Role.ADMIN);
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
        return isActive(member) && member.getRole() != Role.RESIDENT;
    }

    public static void checkSuspend(Member member, Member target) {
        NotPermittedException.unless(canSuspend(member, target), "suspend");
    }

    public static void checkManageRoles(Member member) {
        NotPermittedException.unless(canManageRoles(member), "manageRoles");
    }
}
