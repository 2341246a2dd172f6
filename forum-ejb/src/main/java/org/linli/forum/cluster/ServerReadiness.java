package org.linli.forum.cluster;

import jakarta.annotation.security.PermitAll;
import jakarta.ejb.EJB;
import jakarta.ejb.Local;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.linli.forum.sitesearch.SearchIndexer;

/**
 * Whether this server should be sent readers, as WildFly's MicroProfile Health reports it at
 * {@code /health/ready} on the management interface (port 9990 + offset), for an operator or a
 * container platform's readiness probe. Ready once the schema is migrated (the forum is deployed
 * only after its migrations ran: before that WildFly has no check of the forum's, which
 * configure-server.cli makes "not ready") and the search index has caught up with the change
 * log: a server that joined late, or lost its index, builds it in the background and is not
 * ready until search there finds what the database holds. After that it stays ready through a
 * burst of changes (see {@link SearchIndexer#caughtUp}), and does not ask the database again: a
 * database that stops answering stops every server alike, and taking them all out of service
 * would only change the error readers see.
 *
 * <p>MicroProfile Health finds it through {@code org.linli.forum.health.ForumReadiness} in the
 * application's lib folder (see there why); hence a local view typed as the health check itself.
 */
@Stateless
@Local(HealthCheck.class)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
@PermitAll  // asked by the management interface, which has no forum member
public class ServerReadiness implements HealthCheck {

    /** Changes the index may lag behind under a stream of posts and still count as caught up (well under a second's work). */
    static final long TOLERANCE = 200;

    static final String NAME = "linli-forum";

    @EJB
    private SearchIndexer indexer;

    @Override
    public HealthCheckResponse call() {
        try {
            boolean caughtUp = indexer.caughtUp(TOLERANCE);
            return HealthCheckResponse.named(NAME)
                    .status(caughtUp)
                    .withData("schema", "migrated")
                    .withData("search-index", caughtUp ? "caught up" : "catching up")
                    .withData("node", Node.id())
                    .build();
        } catch (RuntimeException e) {
            return HealthCheckResponse.named(NAME).down()
                    .withData("database", "not answering: " + e.getClass().getSimpleName())
                    .withData("node", Node.id())
                    .build();
        }
    }
}
