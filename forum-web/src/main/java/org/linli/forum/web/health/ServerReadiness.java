package org.linli.forum.web.health;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;
import org.linli.forum.cluster.Node;
import org.linli.forum.sitesearch.SearchIndexer;

/**
 * Whether this server should be sent readers: WildFly's MicroProfile Health reports it at
 * {@code /health/ready} on the management interface (port 9990 + offset), for a load balancer,
 * an operator or a container platform's readiness probe. Ready once the schema is migrated (the
 * forum is deployed only after its migrations ran: before that WildFly reports no check, which
 * configure-server.cli makes "not ready") and the search index has caught up with the change
 * log: a server that joined late, or lost its index, builds it in the background and is not ready
 * until search there finds what the database holds. The database must answer for the check to
 * pass.
 */
@Readiness
@ApplicationScoped
public class ServerReadiness implements HealthCheck {

    /** Changes the index may lag behind under a stream of posts and still count as caught up (well under a second's work). */
    static final long TOLERANCE = 200;

    @EJB
    private SearchIndexer indexer;

    @Override
    public HealthCheckResponse call() {
        try {
            boolean caughtUp = indexer.caughtUp(TOLERANCE);
            return HealthCheckResponse.named("linli-forum")
                    .status(caughtUp)
                    .withData("schema", "migrated")
                    .withData("search-index", caughtUp ? "caught up" : "catching up")
                    .withData("node", Node.id())
                    .build();
        } catch (RuntimeException e) {
            return HealthCheckResponse.named("linli-forum").down()
                    .withData("database", "not answering: " + e.getClass().getSimpleName())
                    .withData("node", Node.id())
                    .build();
        }
    }
}
