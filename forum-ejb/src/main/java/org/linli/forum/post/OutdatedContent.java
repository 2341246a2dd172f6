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
import org.linli.forum.content.PostHtmlPolicy;
import org.linli.forum.member.Role;

import java.util.logging.Logger;

/**
 * After each start, brings every stored post up to the current sanitizer policy in the
 * background, a batch per transaction, so a policy change never needs a manual step and never
 * holds up the start.
 */
@Singleton
@Startup
@DependsOn("SchemaMigration")
@RunAs(Role.ADMIN_NAME)
public class OutdatedContent {

    private static final Logger LOG = Logger.getLogger(OutdatedContent.class.getName());
    private static final int BATCH = 200;

    @Resource
    private TimerService timers;

    @EJB
    private PostService postService;

    @PostConstruct
    void scheduleRerender() {
        timers.createSingleActionTimer(1_000, new TimerConfig(null, false));
    }

    @Timeout
    void rerender() {
        long total = 0;
        int done;
        do {
            done = postService.rerenderOutdated(BATCH);
            total += done;
        } while (done == BATCH);
        if (total > 0) {
            long count = total;
            LOG.info(() -> "Rendered " + count + " posts again under sanitizer policy version " + PostHtmlPolicy.VERSION);
        }
    }
}
