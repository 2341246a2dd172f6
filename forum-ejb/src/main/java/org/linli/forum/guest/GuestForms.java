package org.linli.forum.guest;

import org.linli.forum.common.Sha256;
import org.linli.forum.notify.MailTokens;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;

/**
 * The spam controls of the guest form that need no third party: the time the form was given out,
 * signed so it cannot be made up (a person takes a few seconds to write; a script posts at once),
 * and the limits per address and per email address.
 */
public final class GuestForms {

    /** Less than this between giving out the form and its sending: refused as too fast. */
    public static final Duration MIN_TIME = Duration.ofSeconds(3);

    /** A form older than this is refused as expired (the page gives a fresh one). */
    public static final Duration MAX_AGE = Duration.ofDays(1);

    /** Guest replies from one network address within {@link #WINDOW}. */
    public static final int PER_ADDRESS = 5;

    /** Guest replies with one email address within {@link #WINDOW}. */
    public static final int PER_EMAIL = 5;

    public static final Duration WINDOW = Duration.ofMinutes(10);

    public static final int NAME_MAX = 40;

    private static final String SCOPE = "GUEST_FORM";

    private GuestForms() {
    }

    /** The signed time a guest form is given out at, for its hidden field. */
    public static String formTime(Instant now) {
        long seconds = now.getEpochSecond();
        return seconds + "." + MailTokens.sign(seconds, SCOPE);
    }

    /** When the form was given out, if {@code token} is one this forum signed; null otherwise. */
    static Instant givenOutAt(String token) {
        if (token == null) {
            return null;
        }
        int dot = token.indexOf('.');
        if (dot <= 0) {
            return null;
        }
        try {
            long seconds = Long.parseLong(token.substring(0, dot));
            return MailTokens.verify(seconds, SCOPE, token.substring(dot + 1)) ? Instant.ofEpochSecond(seconds) : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** What is kept of an address: its SHA-256, of the lower-cased address. */
    static String digest(String text) {
        return Sha256.hex(text.strip().toLowerCase(Locale.ROOT).getBytes(StandardCharsets.UTF_8));
    }
}
