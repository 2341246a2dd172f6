package org.linli.forum.member;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;

import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.logging.Logger;

/** Use cases of members: register, verify credentials, look up. */
@Stateless
public class MemberService {

    private static final Logger LOG = Logger.getLogger(MemberService.class.getName());

    @PersistenceContext
    private EntityManager em;

    private final PasswordHasher hasher = new PasswordHasher();

    /** A visitor becomes a resident. */
    @PermitAll
    public Member register(Registration registration) {
        registration.validate();
        if (findByUsername(registration.username()).isPresent()) {
            throw new UsernameTakenException(registration.username());
        }
        if (findByEmail(registration.email()).isPresent()) {
            throw new EmailTakenException();
        }
        Member member = new Member(registration.username(), registration.email(),
                hasher.hash(registration.password()), Role.RESIDENT, Instant.now());
        em.persist(member);
        try {
            em.flush();
        } catch (PersistenceException raced) {
            // Another registration with the same name or email committed between check and insert.
            if (String.valueOf(raced.getCause()).toLowerCase(Locale.ROOT).contains("email")) {
                throw new EmailTakenException();
            }
            throw new UsernameTakenException(registration.username());
        }
        LOG.info(() -> "Registered member " + member.getUsername() + " (id " + member.getId() + ")");
        return member;
    }

    /** Creates a member with a given role, for the demo seed and administrators. */
    @RolesAllowed(Role.ADMIN_NAME)
    public Member create(Registration registration, Role role) {
        Member member = register(registration);
        member.changeRole(role);
        return member;
    }

    /**
     * The member whose username and password these are, if any. Takes as long for an unknown
     * username as for a known one, so timing does not tell which usernames exist.
     */
    @PermitAll
    public Optional<Member> authenticate(String username, String password) {
        if (username == null || password == null || password.length() > Registration.PASSWORD_MAX * 2) {
            return Optional.empty();
        }
        Optional<Member> member = findByUsername(username.strip()).filter(Member::canSignIn);
        if (member.isEmpty()) {
            hasher.verifyDecoy(password);
            return Optional.empty();
        }
        return member.filter(m -> hasher.verify(password, m.getPasswordHash()));
    }

    @PermitAll
    public Optional<Member> findByUsername(String username) {
        return em.createQuery("select m from Member m where m.usernameKey = :key", Member.class)
                .setParameter("key", Member.keyOf(username))
                .getResultStream().findFirst();
    }

    @PermitAll
    public Optional<Member> findByEmail(String email) {
        return em.createQuery("select m from Member m where m.emailKey = :key", Member.class)
                .setParameter("key", Member.keyOf(email))
                .getResultStream().findFirst();
    }

    @PermitAll
    public long countMembers() {
        return em.createQuery("select count(m) from Member m", Long.class).getSingleResult();
    }
}
