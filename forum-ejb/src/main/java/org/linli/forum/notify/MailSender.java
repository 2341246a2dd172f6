package org.linli.forum.notify;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.EJB;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;

import org.linli.forum.common.FailureLog;
import org.linli.forum.common.ForumSettings;

import java.net.URI;

import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Sends the outbox every few seconds through the server's mail session ({@code java:jboss/mail/linli},
 * configured by ear/src/main/wildfly/configure-server.cli from the linli.smtp.* and linli.mail.*
 * settings). Only committed mails are in the outbox, so nothing is sent for a post that rolled
 * back; a failure is logged (once while it lasts) and retried with growing waits, and gives up
 * after {@link OutgoingMail#MAX_ATTEMPTS} attempts. A mail is recorded as sent in its own
 * transaction (durable, see the README) the moment the mail server took it; a crash in between
 * sends it again, with the same Message-ID. With several servers, each mail is claimed before it
 * is sent ({@link MailOutbox#claim}), so one server sends it.
 */
@Singleton
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
@PermitAll
public class MailSender {

    private static final Logger LOG = Logger.getLogger(MailSender.class.getName());

    @Resource(lookup = "java:jboss/mail/linli")
    private Session session;

    @EJB
    private MailOutbox outbox;

    private final AtomicBoolean sending = new AtomicBoolean();
    /** Reading the outbox (the database). */
    private final FailureLog reading = new FailureLog(LOG, "Reading the mail outbox");
    /** Handing mails to the mail server. */
    private final FailureLog delivering = new FailureLog(LOG, "Sending mail");

    /**
     * A mail server that stops answering must not hold a claimed mail past its claim (another
     * server would send it too): every wait on it (connecting, each reply, each write) ends after
     * half the claim, at most a minute. Set on the server's mail session unless the operator set them.
     */
    @PostConstruct
    void limitWaits() {
        String millis = String.valueOf(Math.min(60_000, ForumSettings.mailLease().toMillis() / 2));
        for (String wait : List.of("mail.smtp.connectiontimeout", "mail.smtp.timeout", "mail.smtp.writetimeout")) {
            session.getProperties().putIfAbsent(wait, millis);
        }
    }

    @Schedule(hour = "*", minute = "*", second = "*/5", persistent = false)
    void everyFewSeconds() {
        // While the outbox cannot be read (the database away), at growing intervals.
        if (reading.isDue(Instant.now())) {
            sendDue();
        }
    }

    /** Sends what is due; returns how many went. One run at a time. */
    public int sendDue() {
        if (!sending.compareAndSet(false, true)) {
            return 0;
        }
        int sent = 0;
        try {
            List<OutgoingMail> due;
            do {
                due = outbox.due(Instant.now());
                for (OutgoingMail mail : due) {
                    // Another server may have claimed it since it was read.
                    if (outbox.claim(mail.getId(), Instant.now()) && send(mail)) {
                        sent++;
                    }
                }
            } while (due.size() == MailOutbox.BATCH);
            reading.succeeded();
        } catch (RuntimeException e) {
            reading.failed(e, "the outbox is tried again every few seconds");
        } finally {
            sending.set(false);
        }
        return sent;
    }

    /**
     * The mail's Message-ID, the same at every attempt: if the server dies after the mail server
     * took a mail but before the outbox recorded it as sent, the mail goes again after the
     * restart, and receivers (and their mail servers) can tell it is the one they have.
     */
    static String messageId(long mailId) {
        String host = URI.create(ForumSettings.baseUrl()).getHost();
        return "<linli-mail-" + mailId + "@" + (host == null || host.isBlank() ? "linli.invalid" : host) + ">";
    }

    /** A message whose Message-ID is set by the forum, not made afresh by JavaMail each time it is saved. */
    private static final class StableIdMessage extends MimeMessage {

        private final String id;

        StableIdMessage(Session session, String id) {
            super(session);
            this.id = id;
        }

        @Override
        protected void updateMessageID() throws MessagingException {
            setHeader("Message-ID", id);
        }
    }

    private boolean send(OutgoingMail mail) {
        try {
            MimeMessage message = new StableIdMessage(session, messageId(mail.getId()));
            message.setRecipient(Message.RecipientType.TO, new InternetAddress(mail.getTo(), true));
            message.setSubject(mail.getSubject(), "UTF-8");
            message.setText(mail.getBody(), "UTF-8");
            message.setSentDate(new Date());
            Transport.send(message);
            outbox.sent(mail.getId(), Instant.now());
            delivering.succeeded();
            return true;
        } catch (MessagingException | RuntimeException e) {
            OutgoingMail failed = outbox.failed(mail.getId(), Instant.now(), String.valueOf(e.getMessage()));
            if (failed.getFailedAt() != null) {
                LOG.log(Level.WARNING, "Gave up on mail " + mail.getId() + " after " + failed.getAttempts() + " attempts: " + e);
            } else {
                // A mail server that is away fails every mail: said once, not per mail and attempt.
                delivering.failed(e, "each mail is retried with growing waits");
            }
            return false;
        }
    }
}
