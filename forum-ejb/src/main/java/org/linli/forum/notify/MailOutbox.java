package org.linli.forum.notify;

import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.linli.forum.cluster.Node;
import org.linli.forum.common.ForumSettings;

import java.time.Instant;
import java.util.List;

/**
 * The outbox's bookkeeping for the {@link MailSender}, each step a short transaction of its own,
 * so that talking to the mail server never happens inside one.
 */
@Stateless
@PermitAll  // internal: called by the mail sender's timer only
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class MailOutbox {

    static final int BATCH = 50;

    @PersistenceContext
    private EntityManager em;

    /** Mails due now that are neither sent nor given up, oldest first. */
    public List<OutgoingMail> due(Instant now) {
        return em.createQuery("""
                select m from OutgoingMail m
                where m.sentAt is null and m.failedAt is null and m.nextAttemptAt <= :now
                order by m.nextAttemptAt, m.id""", OutgoingMail.class)
                .setParameter("now", now)
                .setMaxResults(BATCH)
                .getResultList();
    }

    /**
     * Claims a due mail for this server: moves its next attempt past the claim's lease, in one
     * UPDATE that only one server can win (the others find it no longer due). Sending only
     * claimed mails means two servers never send the same one; a server that dies while sending
     * leaves the mail due again once the lease is over. Returns whether this server has it.
     */
    public boolean claim(long id, Instant now) {
        return em.createQuery("""
                update OutgoingMail m set m.nextAttemptAt = :leaseEnd, m.claimedBy = :me
                where m.id = :id and m.sentAt is null and m.failedAt is null and m.nextAttemptAt <= :now""")
                .setParameter("leaseEnd", now.plus(ForumSettings.mailLease()))
                .setParameter("me", Node.id())
                .setParameter("id", id)
                .setParameter("now", now)
                .executeUpdate() == 1;
    }

    /**
     * Records a mail as sent. A guest's confirmation mail (to no member) is removed instead: its
     * address is the only copy the forum had, and once the mail is out nothing needs it.
     */
    public void sent(long id, Instant at) {
        OutgoingMail mail = em.find(OutgoingMail.class, id);
        if (mail.getMemberId() == null) {
            em.remove(mail);
        } else {
            mail.sent(at);
        }
    }

    public OutgoingMail failed(long id, Instant at, String error) {
        OutgoingMail mail = em.find(OutgoingMail.class, id);
        mail.failed(at, error);
        return mail;
    }
}
