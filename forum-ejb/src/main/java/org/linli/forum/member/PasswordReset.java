package org.linli.forum.member;

import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import org.linli.forum.common.ForumSettings;
import org.linli.forum.common.InvalidInputException;
import org.linli.forum.notify.MailComposer;
import org.linli.forum.notify.MailTokens;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * "Forgot password": a member asks for a link by email and chooses a new password with it.
 * Asking says nothing about whether an account has the address (the same answer, and a mail
 * only when one does). The link is signed (HMAC, as the unsubscribe links) over the member, its
 * expiry and the current password hash, so it expires, works once (the new password changes the
 * hash), and stops working when the password changes otherwise. One mail at most every few
 * minutes per account, so the form cannot flood someone's inbox.
 */
@Stateless
public class PasswordReset {

    private static final Logger LOG = Logger.getLogger(PasswordReset.class.getName());

    /** How long a link works. */
    public static final Duration VALID = Duration.ofMinutes(60);

    /** The least time between two reset mails to one account. */
    static final Duration GAP = Duration.ofMinutes(5);

    @PersistenceContext
    private EntityManager em;

    private final PasswordHasher hasher = new PasswordHasher();

    /** Sends the link to the account with this address, if there is one that can sign in; else nothing. */
    @PermitAll
    public void requestReset(String email, String language) {
        String key = Member.keyOf(email == null ? "" : email.strip());
        Optional<Member> found = em.createQuery("select m from Member m where m.emailKey = :key", Member.class)
                .setParameter("key", key).setLockMode(LockModeType.PESSIMISTIC_WRITE)
                .getResultStream().findFirst().filter(Member::canSignIn);
        if (found.isEmpty()) {
            return;
        }
        Member member = found.get();
        Instant now = Instant.now();
        if (!member.resetMailAllowed(now, GAP)) {
            LOG.fine(() -> "Password reset for member " + member.getId() + " asked again within " + GAP + ": no second mail");
            return;
        }
        long expires = now.plus(VALID).getEpochSecond();
        String link = ForumSettings.baseUrl() + "/member/reset?m=" + member.getId() + "&e=" + expires
                + "&t=" + MailTokens.sign(member.getId(), scope(member, expires));
        em.persist(MailComposer.passwordReset(member, language, link, VALID.toMinutes()));
    }

    /** Whether the link is one this forum made, not expired and not used: the reset page shows its form only then. */
    @PermitAll
    public boolean isValid(long memberId, long expires, String token) {
        return member(memberId, expires, token).isPresent();
    }

    /**
     * Sets the new password the link's member chose. A link that is forged, expired or used is
     * refused (field "token"); a password that breaks the rules, or a confirmation that differs,
     * is refused with every problem at once.
     */
    @PermitAll
    public void reset(long memberId, long expires, String token, String password, String confirmation) {
        Member member = member(memberId, expires, token)
                .orElseThrow(() -> new InvalidInputException("token", "error.reset.invalid"));
        List<InvalidInputException> problems = new ArrayList<>(new Registration(member.getUsername(), member.getEmail(), password)
                .problems().stream().filter(problem -> problem.getField().equals("password")).toList());
        if (password == null || !password.equals(confirmation)) {
            problems.add(new InvalidInputException("confirmation", "error.password.confirmation"));
        }
        if (!problems.isEmpty()) {
            throw InvalidInputException.of(problems);
        }
        member.choosePassword(hasher.hash(password));
        LOG.info(() -> "Member " + member.getId() + " chose a new password through a reset link");
    }

    private Optional<Member> member(long memberId, long expires, String token) {
        if (Instant.now().getEpochSecond() > expires) {
            return Optional.empty();
        }
        return Optional.ofNullable(em.find(Member.class, memberId, LockModeType.PESSIMISTIC_WRITE))
                .filter(Member::canSignIn)
                .filter(member -> MailTokens.verify(memberId, scope(member, expires), token));
    }

    /** What the link's signature covers: its expiry and the password it replaces (so it works once). */
    private static String scope(Member member, long expires) {
        return "password-reset:" + expires + ":" + member.getPasswordHash();
    }
}
