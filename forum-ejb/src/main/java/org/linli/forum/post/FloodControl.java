package org.linli.forum.post;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import org.linli.forum.common.ForumSettings;
import org.linli.forum.common.RateLimitedException;
import org.linli.forum.member.Member;
import org.linli.forum.member.MemberPermissions;

import java.time.Duration;
import java.time.Instant;

/**
 * Keeps one member from flooding the boards: one post every {@code linli.flood.interval}
 * seconds, and never the same text twice within {@link #DUPLICATE_WINDOW}. Moderators and staff
 * are exempt. The member's row is locked first, so two posts sent at once are judged one after
 * the other, not both against the same past.
 */
@ApplicationScoped
public class FloodControl {

    public static final Duration DUPLICATE_WINDOW = Duration.ofMinutes(10);

    @PersistenceContext
    private EntityManager em;

    /** Throws a {@link RateLimitedException} if {@code author} may not post {@code source} now. */
    public void check(Member author, String source, Instant now) {
        if (MemberPermissions.isExemptFromFloodControl(author)) {
            return;
        }
        em.lock(author, LockModeType.PESSIMISTIC_WRITE);
        Duration interval = Duration.ofSeconds(ForumSettings.floodInterval());
        Instant latest = em.createQuery("select max(p.createdAt) from Post p where p.author = :author", Instant.class)
                .setParameter("author", author)
                .getSingleResult();
        if (latest != null && latest.plus(interval).isAfter(now)) {
            throw new RateLimitedException("error.flood.tooSoon", Duration.between(now, latest.plus(interval)));
        }
        Instant sameTextAt = em.createQuery("""
                select max(p.createdAt) from Post p
                where p.author = :author and p.createdAt > :since and p.text.source = :source""", Instant.class)
                .setParameter("author", author)
                .setParameter("since", now.minus(DUPLICATE_WINDOW))
                .setParameter("source", source)
                .getSingleResult();
        if (sameTextAt != null) {
            throw new RateLimitedException("error.flood.duplicate", Duration.between(now, sameTextAt.plus(DUPLICATE_WINDOW)));
        }
    }
}
