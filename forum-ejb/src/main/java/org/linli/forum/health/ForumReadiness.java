package org.linli.forum.health;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * The forum's readiness check as WildFly's MicroProfile Health finds it: it asks the EJB module's
 * {@code cluster/ServerReadiness}, which knows the schema and the search index.
 *
 * <p>Why two classes: WildFly looks for health checks only among the beans its own health
 * extension can see, and that is the application's top level (the EAR's {@code lib} folder),
 * not the beans of its EJB or web module (WFLY-12835; a check in either module is silently not
 * registered). So this class, alone in its package, is packaged in the EJB module's client jar,
 * which the EAR puts in {@code lib}; it knows the EJB only by its interface, since classes in
 * {@code lib} cannot see the modules' classes.
 */
@Readiness
@ApplicationScoped
public class ForumReadiness implements HealthCheck {

    @EJB(lookup = "java:app/forum-ejb/ServerReadiness!org.eclipse.microprofile.health.HealthCheck")
    private HealthCheck server;

    @Override
    public HealthCheckResponse call() {
        try {
            return server.call();
        } catch (RuntimeException e) {  // the forum is being undeployed, or failed to deploy
            return HealthCheckResponse.named("linli-forum").down()
                    .withData("forum", "not available: " + e.getClass().getSimpleName())
                    .build();
        }
    }
}
