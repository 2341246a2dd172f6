package org.linli.forum.content;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import org.linli.forum.search.SearchChanges;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.linli.forum.member.Role;
import org.linli.forum.post.Post;

import java.util.List;

/** Use cases of post content as such: preview a body, and bring stored HTML up to the current policy. */
@Stateless
public class ContentService {

    @PersistenceContext
    private EntityManager em;

    @Inject
    private SearchChanges searchChanges;

    private final PostRenderer renderer = new PostRenderer();

    /** The HTML a body would be stored as, by the same renderer and policy as posting. */
    @RolesAllowed({Role.RESIDENT_NAME, Role.MODERATOR_NAME, Role.STAFF_NAME, Role.ADMIN_NAME})
    public String preview(String body) {
        return renderer.render(ContentRules.checkBody(body));
    }

    /**
     * Renders again up to {@code limit} posts whose HTML was made under an older policy
     * version; returns how many. Call until it returns 0; each call is one transaction.
     */
    @RolesAllowed(Role.ADMIN_NAME)
    public int rerenderOutdated(int limit) {
        List<Post> outdated = em.createQuery("select p from Post p where p.renderVersion <> :current order by p.id", Post.class)
                .setParameter("current", PostHtmlPolicy.VERSION)
                .setMaxResults(limit)
                .getResultList();
        outdated.forEach(post -> {
            post.rerender(renderer);
            searchChanges.record(post.getId());
        });
        return outdated.size();
    }
}
