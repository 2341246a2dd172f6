package org.linli.forum.post;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.annotation.security.RunAs;
import jakarta.ejb.DependsOn;
import jakarta.ejb.EJB;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import org.linli.forum.cluster.Leases;
import org.linli.forum.content.PostHtmlPolicy;
import org.linli.forum.member.Role;

import java.time.Duration;
import java.util.logging.Logger;

/**
 * After each start, brings every stored post up to the current sanitizer policy in the
 * background, a batch per transaction, so a policy change never needs a manual step and never
 * holds up the start. With several servers, one does it: each batch is done under the
 * {@link Leases#RERENDER} lease; a server that finds it held by another looks again after the
 * lease's time, in case that server died midway.
 */
@Singleton
@Startup
@DependsOn("SchemaMigration")
@RunAs(Role.ADMIN_NAME)
public class OutdatedContent {

    private static final Logger LOG = Logger.getLogger(OutdatedContent.class.getName());
    private static final int BATCH = 200;
    /** Far longer than a batch takes; how long the work waits if the server doing it dies. */
    static final Duration LEASE = Duration.ofMinutes(2);

    @Resource
    private TimerService timers;

    @EJB
    private PostService postService;

    @EJB
    private Leases leases;

    @PostConstruct
    void scheduleRerender() {
        timers.createSingleActionTimer(1_000, new TimerConfig(null, false));
    }

    @Timeout
    // Each batch is a transaction of its own (PostService joins the caller's): a timer
    // transaction around all of them ran past the transaction timeout on a forum of 100,000 posts,
    // and the reaper's interrupt closed H2's file under it.
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    void rerender() {
        long total = 0;
        int done;
        do {
            if (!leases.acquire(Leases.RERENDER, LEASE)) {
                // Another server is at it; if it dies, its lease runs out and this one goes on.
                timers.createSingleActionTimer(LEASE.toMillis(), new TimerConfig(null, false));
                return;
            }
            done = postService.rerenderOutdated(BATCH);
            total += done;
        } while (done == BATCH);
        leases.release(Leases.RERENDER);
        if (total > 0) {
            long count = total;
            LOG.info(() -> "Rendered " + count + " posts again under sanitizer policy version " + PostHtmlPolicy.VERSION);
        }
    }
}
