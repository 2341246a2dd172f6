package org.linli.forum.member;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.text.Normalizer;
import java.time.Instant;
import java.util.Locale;
import java.util.Objects;

/** A registered member of the forum. */
@Entity
@Table(name = "forum_member")
public class Member {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "forum_member_seq")
    @SequenceGenerator(name = "forum_member_seq", sequenceName = "forum_member_seq", allocationSize = 50)
    private Long id;

    @Column(nullable = false, length = 32)
    private String username;

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
     * The folded form that makes two usernames (or emails) the same: Unicode NFKC, so that
     * full-width ｌｉｎｌｉ and linli collide, then lower case.
     */
    public static String keyOf(String name) {
        return Normalizer.normalize(name, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
    }

    public boolean canSignIn() {
        return passwordHash != null;
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

    public Role getRole() {
        return role;
    }

    public void changeRole(Role newRole) {
        this.role = Objects.requireNonNull(newRole);
    }

    public Instant getCreatedAt() {
        return createdAt;
    }
}
