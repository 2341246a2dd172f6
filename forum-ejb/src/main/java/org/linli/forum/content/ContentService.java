package org.linli.forum.content;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import org.linli.forum.member.Role;

/** Use cases of post content as such: preview a body as it would be stored. */
@Stateless
public class ContentService {

    private final PostRenderer renderer = new PostRenderer();

    /** The HTML a body would be stored as, by the same renderer and policy as posting. */
    @RolesAllowed({Role.RESIDENT_NAME, Role.MODERATOR_NAME, Role.STAFF_NAME, Role.ADMIN_NAME})
    public String preview(String body) {
        return renderer.render(ContentRules.checkBody(body));
    }
}
