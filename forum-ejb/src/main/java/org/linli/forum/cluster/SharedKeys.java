package org.linli.forum.cluster;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.ejb.EJB;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.Base64;
import org.linli.forum.common.ForumSettings;
import org.linli.forum.notify.MailTokens;

/**
 * Gives every server the same key for the links in mails and the guest form's time
 * ({@link MailTokens}): a link one server mailed must work on whichever server opens it. The key
 * is the setting {@code linli.secret} when there is one; otherwise it is kept in the database
 * (table {@code forum_key}), made at the first start under the setup lock, from the older
 * per-server {@code <data dir>/secret.key} if there is one (so links already mailed keep working)
 * or afresh.
 */
@Singleton
@Startup
@DependsOn("SchemaMigration")
public class SharedKeys {

    static final String LINKS = "links";

    @PersistenceContext
    private EntityManager em;

    @EJB
    private Leases leases;

    @PostConstruct
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    void install() {
        if (ForumSettings.get("linli.secret").isPresent()) {
            return;  // MailTokens reads the setting itself
        }
        ForumKey key = em.find(ForumKey.class, LINKS);
        if (key == null) {
            leases.lockUntilCommit(Leases.SETUP);  // servers starting at once on a new database: one makes it
            key = em.find(ForumKey.class, LINKS);
            if (key == null) {
                key = new ForumKey(LINKS, Base64.getEncoder().encodeToString(MailTokens.localKey()));
                em.persist(key);
            }
        }
        MailTokens.useKey(Base64.getDecoder().decode(key.getValue()));
    }
}
