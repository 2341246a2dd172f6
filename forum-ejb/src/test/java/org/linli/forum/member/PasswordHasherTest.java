package org.linli.forum.member;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PasswordHasherTest {

    private final PasswordHasher hasher = new PasswordHasher();

    @Test
    void hashIsSaltedPbkdf2WithAtLeast210000Iterations() {
        String first = hasher.hash("邻里 password");
        String second = hasher.hash("邻里 password");

        assertThat(first).startsWith("PBKDF2WithHmacSHA256:210000:").doesNotContain("password");
        assertThat(first).isNotEqualTo(second);
        assertThat(first.split(":")).hasSize(4);
    }

    @Test
    void verifiesOnlyTheRightPassword() {
        String stored = hasher.hash("街道办 2026!");

        assertThat(hasher.verify("街道办 2026!", stored)).isTrue();
        assertThat(hasher.verify("街道办 2026", stored)).isFalse();
        assertThat(hasher.verify("", stored)).isFalse();
    }

    @Test
    void verifiesHashesWrittenWithAnotherIterationCount() {
        // Fewer iterations, as an older deployment may have written; computed independently
        // with Python's hashlib.pbkdf2_hmac("sha256", b"password", b"saltsaltsaltsalt", 1000).
        String stored = "PBKDF2WithHmacSHA256:1000:c2FsdHNhbHRzYWx0c2FsdA==:"
                + "8nX7hwFEzIB8aPajJTYK8weHQc5Ngz0pFVAKvSu4jQA=";

        assertThat(hasher.verify("password", stored)).isTrue();
        assertThat(hasher.verify("Password", stored)).isFalse();
    }

    @Test
    void malformedStoredHashesNeverVerify() {
        assertThat(hasher.verify("x", null)).isFalse();
        assertThat(hasher.verify("x", "")).isFalse();
        assertThat(hasher.verify("x", "MD5:1:abc:def")).isFalse();
        assertThat(hasher.verify("x", "PBKDF2WithHmacSHA256:many:abc:def")).isFalse();
        assertThat(hasher.verify("x", "PBKDF2WithHmacSHA256:1000:!!!:def")).isFalse();
    }
}
