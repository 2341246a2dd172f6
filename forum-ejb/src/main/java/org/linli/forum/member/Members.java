package org.linli.forum.member;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.hibernate.Session;

import java.util.Optional;

/** Looking members up the way every signed-in request does. */
@ApplicationScoped
public class Members {

    @PersistenceContext
    private EntityManager em;

    /**
     * The member whose username folds to the same key as {@code username} (see {@link Member#keyOf}),
     * through Hibernate's natural-id, entity and collection caches: after the first request, without
     * SQL. Its boards are loaded too, as callers without a transaction hold a detached member.
     */
    public Optional<Member> byUsername(String username) {
        Optional<Member> member = em.unwrap(Session.class).bySimpleNaturalId(Member.class).loadOptional(Member.keyOf(username));
        member.ifPresent(Member::getModeratedBoardIds);
        return member;
    }
}
