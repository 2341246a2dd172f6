package org.linli.forum.member;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import jakarta.validation.constraints.NotNull;
import org.linli.forum.common.InvalidInputException;
import org.linli.forum.common.NotFoundException;
import org.linli.forum.common.RateLimitedException;
import org.linli.forum.member.CurrentMember;

import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Logger;

/** Use cases of members: register, verify credentials (throttled), look up, change roles. */
@Stateless
public class MemberService {

    private static final Logger LOG = Logger.getLogger(MemberService.class.getName());

    @PersistenceContext
    private EntityManager em;

    @EJB
    private CurrentMember currentMember;

    @Inject
    private SignInThrottle throttle;

    @Inject
    private Members members;

    @Inject
    private Event<MemberModerated> moderated;

    @Inject
    private Event<MemberRegistered> registered;

    private final PasswordHasher hasher = new PasswordHasher();

    /** A visitor becomes a resident. */
    @PermitAll
    public Member register(@NotNull Registration registration) {
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
        registered.fire(new MemberRegistered(member, registration.email(), null));
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
     * The member whose username and password these are, if any, signing in from
     * {@code address}. Takes as long for an unknown username as for a known one, so timing does
     * not tell which usernames exist. Repeated failures are throttled ({@link SignInThrottle}:
     * a {@link RateLimitedException}, before any password is checked); a suspended member with
     * the right password gets a {@link MemberSuspendedException}.
     */
    @PermitAll
    public Optional<Member> authenticate(String username, String password, String address) {
        if (username == null || password == null || password.length() > Registration.PASSWORD_MAX * 2) {
            return Optional.empty();
        }
        String account = username.strip();
        Optional<Duration> wait = throttle.waitBefore(account, address);
        if (wait.isPresent()) {
            throw new RateLimitedException("error.signIn.throttled", wait.get());
        }
        Optional<Member> member = findByUsername(account).filter(m -> m.getPasswordHash() != null);
        boolean valid;
        if (member.isEmpty()) {
            hasher.verifyDecoy(password);
            valid = false;
        } else {
            valid = hasher.verify(password, member.get().getPasswordHash());
        }
        if (!valid) {
            throttle.failed(account, address);
            return Optional.empty();
        }
        throttle.succeeded(account, address);
        Member signedIn = member.get();
        if (signedIn.isSuspended(Instant.now())) {
            throw new MemberSuspendedException(signedIn.getSuspendedUntil(), signedIn.getSuspensionReason());
        }
        return member;
    }

    /**
     * The member a signed-in session stands for, while they may sign in; empty once they are
     * suspended or gone. The session is stamped with their version: a session whose stamp no
     * longer matches ends.
     */
    @PermitAll
    public Optional<Member> sessionMember(String username) {
        return findByUsername(username).filter(Member::canSignIn);
    }

    /**
     * Gives a member a role and, for a moderator, the boards they moderate (none: every board).
     * Their open sessions end, so the new rights apply from their next sign-in.
     */
    @RolesAllowed(Role.ADMIN_NAME)
    public Member changeRole(long memberId, Role role, Set<Long> boardIds) {
        Member admin = currentMember.require();
        MemberPermissions.checkManageRoles(admin);
        Member target = Optional.ofNullable(em.find(Member.class, memberId, LockModeType.PESSIMISTIC_WRITE))
                .orElseThrow(() -> new NotFoundException("member", memberId));
        if (target.getId().equals(admin.getId())) {
            // An administrator never demotes themselves: the forum could be left without one.
            throw new InvalidInputException("role", "error.role.self");
        }
        Set<Long> boards = role == Role.MODERATOR && boardIds != null ? Set.copyOf(boardIds) : Set.of();
        // Counted by id: a member's boards are ids, and members know nothing else of boards.
        if (!boards.isEmpty() && em.createQuery("select count(b) from Board b where b.id in :ids", Long.class)
                .setParameter("ids", boards).getSingleResult() != boards.size()) {
            throw new InvalidInputException("boards", "error.role.noSuchBoard");
        }
        if (target.getRole() != role || !target.getModeratedBoardIds().equals(boards)) {
            target.changeRole(role);
            target.changeModeratedBoards(boards);
            // The version is the session stamp: raise it even if only the boards changed.
            em.lock(target, LockModeType.PESSIMISTIC_FORCE_INCREMENT);
            moderated.fire(new MemberModerated(target, MemberModerated.Change.ROLE_CHANGED, admin, null, null, boards));
        }
        return target;
    }

    /** A member by id with the boards they moderate, for administrators. */
    @RolesAllowed(Role.ADMIN_NAME)
    public Member getMember(long id) {
        MemberPermissions.checkManageRoles(currentMember.require());
        Member member = Optional.ofNullable(em.find(Member.class, id)).orElseThrow(() -> new NotFoundException("member", id));
        member.getModeratedBoardIds();
        return member;
    }

    /** A member by username with their role and moderated boards: the administrators' roles page. */
    @RolesAllowed(Role.ADMIN_NAME)
    public Optional<Member> findForRoles(String username) {
        MemberPermissions.checkManageRoles(currentMember.require());
        if (username == null || username.isBlank()) {
            return Optional.empty();
        }
        Optional<Member> member = members.byUsername(username.strip());
        member.ifPresent(Member::getModeratedBoardIds);
        return member;
    }

    @PermitAll
    public Optional<Member> findByUsername(String username) {
        return members.byUsername(username);
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
