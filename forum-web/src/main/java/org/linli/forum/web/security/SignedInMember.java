package org.linli.forum.web.security;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import org.linli.forum.member.CurrentMember;
import org.linli.forum.member.Member;
import org.linli.forum.member.MemberPermissions;
import org.linli.forum.notify.NotificationService;
import org.linli.forum.web.common.PersonalParts;
import org.linli.forum.web.common.PersonalParts.Kind;

import java.util.Optional;

/**
 * The member reading this page, if signed in, as the pages see them (#{me}). On a page rendered
 * to be shared by members ({@link PersonalParts}), their name, token and notifications are holes.
 */
@Named("me")
@RequestScoped
public class SignedInMember {

    @EJB
    private CurrentMember currentMember;

    @EJB
    private NotificationService notificationService;

    private Optional<Member> member;
    private Long unreadNotifications;

    public Optional<Member> find() {
        if (member == null) {
            boolean anonymous = FacesContext.getCurrentInstance().getExternalContext().getUserPrincipal() == null;
            member = anonymous ? Optional.empty() : currentMember.find();
        }
        return member;
    }

    public boolean isSignedIn() {
        return find().isPresent();
    }

    /** The member, or null for an anonymous reader (for the permission predicates). */
    public Member getMember() {
        return find().orElse(null);
    }

    /** Whether this page is rendered to be shared by members, with holes for the personal parts. */
    public boolean isSharedRender() {
        return PersonalParts.current().isPresent();
    }

    /** The header's badge of unread notifications (markup), or nothing. */
    public String getNotificationBadge() {
        Optional<PersonalParts> shared = PersonalParts.current();
        return shared.isPresent() ? shared.get().hole(Kind.NOTES) : PersonalParts.notificationBadge(getUnreadNotifications());
    }

    /** The signed-in member's unread notifications, for the header (counted once a request). */
    public long getUnreadNotifications() {
        if (unreadNotifications == null) {
            unreadNotifications = isSignedIn() ? notificationService.unreadCount() : 0L;
        }
        return unreadNotifications;
    }

    /** Offers the report queue and the members' page. */
    public boolean isModerator() {
        return MemberPermissions.isModerator(getMember());
    }

    public boolean isCanViewDashboard() {
        return MemberPermissions.canViewDashboard(getMember());
    }

    public boolean isCanViewAuditLog() {
        return MemberPermissions.canViewAuditLog(getMember());
    }

    public boolean isCanManageRoles() {
        return MemberPermissions.canManageRoles(getMember());
    }

    /** The session's token for the forms that are no Faces forms (SessionToken): sign-out, the topic page's. */
    public String getFormToken() {
        Optional<PersonalParts> shared = PersonalParts.current();
        if (shared.isPresent()) {
            return shared.get().hole(Kind.TOKEN);
        }
        HttpServletRequest request = (HttpServletRequest) FacesContext.getCurrentInstance().getExternalContext().getRequest();
        return SessionToken.of(request.getSession());
    }

    public String getDisplayName() {
        Optional<PersonalParts> shared = PersonalParts.current();
        if (shared.isPresent() && isSignedIn()) {
            return shared.get().hole(Kind.WHO);
        }
        return find().map(Member::getDisplayName).orElse("");
    }
}
