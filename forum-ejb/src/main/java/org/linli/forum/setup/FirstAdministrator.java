package org.linli.forum.setup;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.security.RunAs;
import jakarta.ejb.DependsOn;
import jakarta.ejb.EJB;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import org.linli.forum.cluster.Leases;
import org.linli.forum.common.ForumSettings;
import org.linli.forum.member.MemberService;
import org.linli.forum.member.Registration;
import org.linli.forum.member.Role;

import java.util.Optional;
import java.util.logging.Logger;

/**
 * How a production forum, which has no default accounts, gets its first administrator: set
 * linli.admin.username, linli.admin.email and linli.admin.password (or LINLI_ADMIN_USERNAME and
 * so on) for one start. The account is created if that username is free; an existing account is
 * never changed, so the settings can be removed afterwards or left in place.
 */
@Singleton
@Startup
// After the demo seed: demo mode seeds only a forum with no members, and the first administrator
// must not make a new forum look seeded.
@DependsOn({"SchemaMigration", "DemoData"})
@RunAs(Role.ADMIN_NAME)
public class FirstAdministrator {

    private static final Logger LOG = Logger.getLogger(FirstAdministrator.class.getName());

    @EJB
    private MemberService memberService;

    @EJB
    private Leases leases;

    @PostConstruct
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    void create() {
        Optional<String> username = ForumSettings.get("linli.admin.username");
        Optional<String> email = ForumSettings.get("linli.admin.email");
        Optional<String> password = ForumSettings.get("linli.admin.password");
        if (username.isEmpty() || email.isEmpty() || password.isEmpty()) {
            return;
        }
        leases.lockUntilCommit(Leases.SETUP);  // servers starting at once: one creates it
        if (memberService.findByUsername(username.get()).isPresent()) {
            return;
        }
        memberService.create(new Registration(username.get(), email.get(), password.get()), Role.ADMIN);
        LOG.info(() -> "Created the administrator " + username.get() + " from the linli.admin settings");
    }
}
