package org.linli.forum.it;

import org.wildfly.security.auth.server.SecurityDomain;
import org.wildfly.security.auth.server.SecurityIdentity;
import org.wildfly.security.authz.RoleMapper;
import org.wildfly.security.authz.Roles;

import java.util.concurrent.Callable;

/**
 * Runs test code inside the server as a signed-in member: an identity of the deployment's
 * security domain with the member's username and role, as the web sign-in establishes it.
 */
public final class As {

    private As() {
    }

    public static SecurityIdentity identity(String username, String role) {
        return SecurityDomain.getCurrent().createAdHocIdentity(username)
                .withDefaultRoleMapper(RoleMapper.constant(Roles.of(role)));
    }

    public static <T> T member(String username, String role, Callable<T> work) throws Exception {
        return identity(username, role).runAs(work);
    }

    public static void member(String username, String role, ThrowingRunnable work) throws Exception {
        identity(username, role).runAs((Callable<Void>) () -> {
            work.run();
            return null;
        });
    }

    @FunctionalInterface
    public interface ThrowingRunnable {
        void run() throws Exception;
    }
}
