package org.linli.forum.cluster;

import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Once-only work across servers: a lease in the database (table {@code cluster_lease}, one row
 * per kind of work). Taking or renewing it is one conditional UPDATE, which the database lets
 * one server win; the holder renews it while it works and releases it when done, and a server
 * that dies loses it when it expires. A database lease rather than WildFly's HA singleton: the
 * work is started by a timer or a batch job on any server, it needs the database anyway, and it
 * works the same on one server with H2. Each step is a short transaction of its own.
 */
@Stateless
@PermitAll  // internal: the background work's own bookkeeping
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class Leases {

    public static final String RERENDER = "rerender";
    public static final String IMPORT = "import";
    public static final String PICTURES = "pictures";
    /** Seeding an empty forum: locked for a transaction, not leased (see {@link #lockUntilCommit}). */
    public static final String SETUP = "setup";

    @PersistenceContext
    private EntityManager em;

    /** Takes (or renews) lease {@code name} for {@code length} if it is free, expired or already this server's. */
    public boolean acquire(String name, Duration length) {
        Instant now = Instant.now();
        return em.createQuery("""
                update Lease l set l.holder = :me, l.expiresAt = :until
                where l.name = :name and (l.holder = :me or l.holder is null or l.expiresAt < :now)""")
                .setParameter("me", Node.id())
                .setParameter("until", now.plus(length))
                .setParameter("name", name)
                .setParameter("now", now)
                .executeUpdate() == 1;
    }

    /** Gives lease {@code name} up, if this server holds it. */
    public void release(String name) {
        em.createQuery("update Lease l set l.holder = null, l.expiresAt = :now where l.name = :name and l.holder = :me")
                .setParameter("now", Instant.now())
                .setParameter("name", name)
                .setParameter("me", Node.id())
                .executeUpdate();
    }

    /**
     * Locks row {@code name} until the caller's transaction ends: a server that starts at the
     * same time waits here until the first has committed, then sees what it did. For work that
     * must be atomic with its check ("seed the forum if it is empty").
     */
    @TransactionAttribute(TransactionAttributeType.MANDATORY)
    public void lockUntilCommit(String name) {
        em.find(Lease.class, name, LockModeType.PESSIMISTIC_WRITE);
    }

    /** Who holds lease {@code name} now, if anyone. */
    public Optional<String> holder(String name) {
        Lease lease = em.find(Lease.class, name);
        return lease == null || lease.getHolder() == null || lease.getExpiresAt().isBefore(Instant.now())
                ? Optional.empty() : Optional.of(lease.getHolder());
    }
}
