package org.linli.forum.post;

import org.linli.forum.common.NotPermittedException;
import org.linli.forum.member.Member;
import org.linli.forum.member.Role;
import org.linli.forum.topic.TopicPermissions;

import static org.linli.forum.board.BoardPermissions.canModerate;
import static org.linli.forum.board.BoardPermissions.canSeeHidden;
import static org.linli.forum.member.MemberPermissions.is;
import static org.linli.forum.member.MemberPermissions.isActive;

/** Who may do what to a post: see it, edit or delete it, report it, mark it as the official answer. */
public final class PostPermissions {

    private PostPermissions() {
    }

    /** The post and its topic are visible to this reader. */
    public static boolean canSee(Member member, Post post) {
        return TopicPermissions.canSee(member, post.getTopic())
                && (!post.isHidden() || canSeeHidden(member, post.getTopic().getBoard()));
    }

    /** Staff mark a staff member's visible reply as the topic's official answer. */
    public static boolean canMarkOfficial(Member member, Post post) {
        boolean byStaff = post.getAuthor().getRole() == Role.STAFF || post.getAuthor().getRole() == Role.ADMIN;
        return (is(member, Role.STAFF) || is(member, Role.ADMIN)) && byStaff && post.getNumber() > 1 && !post.isHidden()
                && TopicPermissions.canSee(member, post.getTopic());
    }

    /** Authors edit their own visible posts while the topic is open; moderators edit any on their boards. */
    public static boolean canEdit(Member member, Post post) {
        if (!isActive(member) || !canSee(member, post)) {
            return false;
        }
        if (canModerate(member, post.getTopic().getBoard())) {
            return true;
        }
        return isAuthor(member, post) && !post.isHidden() && !post.getTopic().isLocked();
    }

    /** Authors delete (hide) their own posts on the same terms as they edit them. */
    public static boolean canDelete(Member member, Post post) {
        return isActive(member) && isAuthor(member, post) && !post.isHidden() && !post.getTopic().isLocked()
                && TopicPermissions.canSee(member, post.getTopic());
    }

    public static boolean canViewRevisions(Member member, Post post) {
        return canSeeHidden(member, post.getTopic().getBoard());
    }

    /** Any member may report a visible post that is not their own. */
    public static boolean canReport(Member member, Post post) {
        return isActive(member) && !isAuthor(member, post) && !post.isHidden() && TopicPermissions.canSee(member, post.getTopic());
    }

    private static boolean isAuthor(Member member, Post post) {
        return member.getId().equals(post.getAuthor().getId());
    }

    public static void checkMarkOfficial(Member member, Post post) {
        NotPermittedException.unless(canMarkOfficial(member, post), "markOfficial");
    }

    public static void checkEdit(Member member, Post post) {
        NotPermittedException.unless(canEdit(member, post), "edit");
    }

    public static void checkDelete(Member member, Post post) {
        NotPermittedException.unless(canDelete(member, post), "delete");
    }

    public static void checkReport(Member member, Post post) {
        NotPermittedException.unless(canReport(member, post), "report");
    }
}
