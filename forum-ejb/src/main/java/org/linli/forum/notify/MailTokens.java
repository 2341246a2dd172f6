package org.linli.forum.notify;

import org.linli.forum.common.ForumSettings;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * Signs the links in mails (unsubscribe, password reset), so they work without signing in and
 * cannot be forged for someone else: HMAC-SHA256 over the member and the kind, with a key from the setting
 * {@code linli.secret} or, failing that, the one every server shares through the database
 * (installed at start-up by {@code cluster/SharedKeys}); outside a server (tools, tests), one
 * generated once into {@code <data dir>/secret.key}.
 */
public final class MailTokens {

    private static volatile byte[] key;

    private MailTokens() {
    }

    public static String sign(long memberId, String scope) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key(), "HmacSHA256"));
            byte[] digest = mac.doFinal((memberId + ":" + scope).getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is missing from this Java", e);
        }
    }

    /** Compares in constant time, so the answer's timing says nothing about the right token. */
    public static boolean verify(long memberId, String scope, String token) {
        return token != null && MessageDigest.isEqual(sign(memberId, scope).getBytes(StandardCharsets.US_ASCII),
                token.getBytes(StandardCharsets.US_ASCII));
    }

    private static byte[] key() {
        byte[] current = key;
        if (current == null) {
            synchronized (MailTokens.class) {
                if (key == null) {
                    key = ForumSettings.get("linli.secret").map(s -> s.getBytes(StandardCharsets.UTF_8)).orElseGet(MailTokens::keyFile);
                }
                current = key;
            }
        }
        return current;
    }

    /** From now on, sign with {@code shared} (unless the setting linli.secret names a key). */
    public static void useKey(byte[] shared) {
        synchronized (MailTokens.class) {
            key = ForumSettings.get("linli.secret").map(s -> s.getBytes(StandardCharsets.UTF_8)).orElse(shared.clone());
        }
    }

    /**
     * The key this server signed with before keys were shared ({@code <data dir>/secret.key}), so
     * links it already mailed keep working; a new one if it has none.
     */
    public static byte[] localKey() {
        Path file = ForumSettings.dataDirectory().resolve("secret.key");
        if (Files.exists(file)) {
            return keyFile();
        }
        byte[] fresh = new byte[32];
        new SecureRandom().nextBytes(fresh);
        return fresh;
    }

    private static byte[] keyFile() {
        Path file = ForumSettings.dataDirectory().resolve("secret.key");
        try {
            if (!Files.exists(file)) {
                byte[] fresh = new byte[32];
                new SecureRandom().nextBytes(fresh);
                Files.createDirectories(file.getParent());
                try {
                    Files.write(file, Base64.getEncoder().encode(fresh), StandardOpenOption.CREATE_NEW);
                } catch (FileAlreadyExistsException raced) {
                    // another thread or node wrote it first: use theirs
                }
            }
            return Base64.getDecoder().decode(Files.readString(file).strip());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read or create the secret key " + file, e);
        }
    }
}
