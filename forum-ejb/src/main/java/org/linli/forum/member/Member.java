package org.linli.forum.member;

import jakarta.persistence.Cacheable;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.hibernate.annotations.Cache;
import org.hibernate.annotations.CacheConcurrencyStrategy;
import org.hibernate.annotations.NaturalId;
import org.hibernate.annotations.NaturalIdCache;

import java.io.Serializable;
import java.text.Normalizer;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.HashSet;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/** A registered member of the forum. */
@Entity
@Table(name = "forum_member")
// Read on every signed-in request (who is calling, may they): from the second-level cache, looked
// up by username through the natural-id cache. Changes made through JPA (a suspension, a new
// role, the session stamp) update the cache in the same transaction; nothing updates members in bulk.
@Cacheable
@NaturalIdCache
public class Member implements Serializable {

    private static final long serialVersionUID = 1L;


    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "forum_member_seq")
    @SequenceGenerator(name = "forum_member_seq", sequenceName = "forum_member_seq", allocationSize = 50)
    private Long id;

    @Column(nullable = false, length = 32)
    private String username;

    @NaturalId
    @Column(name = "username_key", nullable = false, length = 32)
    private String usernameKey;

    @Column(name = "display_name", nullable = false, length = 64)
    private String displayName;

    @Column(nullable = false, length = 254)
    private String email;

    @Column(name = "email_key", nullable = false, length = 254)
    private String emailKey;

    @Column(name = "password_hash")
    private String passwordHash;

    @Enumerated(EnumType.STRING)
    @Column(name = "member_role", nullable = false, length = 16)
    private Role role;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "password_reset_at")
    private Instant passwordResetAt;

    /** The author of a guest's approved replies: no password, never signs in (see {@link #guest}). */
    @Column(nullable = false)
    private boolean guest;

    /**
     * The boards a {@link Role#MODERATOR} moderates; none means every board. Lazy: only the
     * signed-in member's is read (by {@link org.linli.forum.member.CurrentMember}).
     */
    @ElementCollection
    @Cache(usage = CacheConcurrencyStrategy.READ_WRITE)
    @CollectionTable(name = "board_moderator", joinColumns = @JoinColumn(name = "member_id"))
    @Column(name = "board_id")
    private Set<Long> moderatedBoardIds = new HashSet<>();

    /** Set while suspended; {@link #suspendedUntil} null then means for good. */
    @Column(name = "suspended_at")
    private Instant suspendedAt;

    @Column(name = "suspended_until")
    private Instant suspendedUntil;

    @Column(name = "suspension_reason", length = 1000)
    private String suspensionReason;

    /**
     * Also the member's session stamp: every change to what the member may do (role, boards
     * moderated, suspension) raises it, and sessions signed in under an older value end.
     */
    @Version
    private long version;

    protected Member() {
    }

    public Member(String username, String email, String passwordHash, Role role, Instant createdAt) {
        this.username = Objects.requireNonNull(username);
        this.usernameKey = keyOf(username);
        this.displayName = username;
        this.email = Objects.requireNonNull(email);
        this.emailKey = keyOf(email);
        this.passwordHash = passwordHash;
        this.role = Objects.requireNonNull(role);
        this.createdAt = Objects.requireNonNull(createdAt);
    }

    /**
     * The author of the approved replies of one guest address, known by the address's digest
     * ({@code emailDigest}); the address itself is not kept. It has a username and an address of
     * its own that no one can use, and no password, so it never signs in.
     */
    public static Member guest(String name, String emailDigest, Instant at) {
        String username = "guest-" + java.util.HexFormat.of().formatHex(randomBytes());
        Member member = new Member(username, username + "@guest.invalid", null, Role.RESIDENT, at);
        member.emailKey = "guest:" + emailDigest;
        member.displayName = name;
        member.guest = true;
        return member;
    }

    private static byte[] randomBytes() {
        byte[] bytes = new byte[6];
        new java.security.SecureRandom().nextBytes(bytes);
        return bytes;
    }

    /** The key a guest member is found by. */
    public static String guestKey(String emailDigest) {
        return "guest:" + emailDigest;
    }

    public boolean isGuest() {
        return guest;
    }

    /** A guest's name, as the last reply they sent gave it. */
    public void renameGuest(String name) {
        if (guest) {
            this.displayName = name;
        }
    }

    /**
     * The folded form that makes two usernames (or emails) the same: Unicode NFKC, so that
     * full-width ｌｉｎｌｉ and linli collide, then lower case.
     */
    public static String keyOf(String name) {
        return Normalizer.normalize(name, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
    }

    /** Has a password and is not suspended right now. */
    public boolean canSignIn() {
        return passwordHash != null && !isSuspended(Instant.now());
    }

    public boolean isSuspended(Instant at) {
        return suspendedAt != null && (suspendedUntil == null || suspendedUntil.isAfter(at));
    }

    /** Suspends the member until {@code until}, or for good when it is null. */
    public void suspend(Instant at, Instant until, String reason) {
        this.suspendedAt = Objects.requireNonNull(at);
        this.suspendedUntil = until;
        this.suspensionReason = Objects.requireNonNull(reason);
    }

    public void liftSuspension() {
        this.suspendedAt = null;
        this.suspendedUntil = null;
        this.suspensionReason = null;
    }

    public Instant getSuspendedAt() {
        return suspendedAt;
    }

    /** The end of the current suspension; null for a permanent one (or none, see {@link #isSuspended}). */
    public Instant getSuspendedUntil() {
        return suspendedUntil;
    }

    public String getSuspensionReason() {
        return suspensionReason;
    }

    public long getVersion() {
        return version;
    }

    public Long getId() {
        return id;
    }

    public String getUsername() {
        return username;
    }

    public String getDisplayName() {
        return displayName;
    }

    public String getEmail() {
        return email;
    }

    String getPasswordHash() {
        return passwordHash;
    }

    /** A new password (its hash), chosen through a reset link; any reset link sent before stops working. */
    void choosePassword(String newHash) {
        this.passwordHash = newHash;
        this.passwordResetAt = null;
    }

    /**
     * Records a reset mail sent at {@code at}, unless one went out less than {@code gap} before:
     * then nothing is recorded and the answer is false (no second mail).
     */
    boolean resetMailAllowed(Instant at, Duration gap) {
        if (passwordResetAt != null && passwordResetAt.plus(gap).isAfter(at)) {
            return false;
        }
        passwordResetAt = at;
        return true;
    }

    public Role getRole() {
        return role;
    }

    public void changeRole(Role newRole) {
        this.role = Objects.requireNonNull(newRole);
    }

    /** Boards this moderator is limited to; empty for a moderator of every board. */
    public Set<Long> getModeratedBoardIds() {
        return Set.copyOf(moderatedBoardIds);
    }

    public void changeModeratedBoards(Collection<Long> boardIds) {
        moderatedBoardIds.clear();
        moderatedBoardIds.addAll(boardIds);
    }

    public Instant getCreatedAt() {
        return createdAt;
    }
}
