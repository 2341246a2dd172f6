package org.linli.forum.common;

import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Locale;
import java.util.Optional;

/**
 * The deployment's settings. Each is a system property or, failing that, the environment
 * variable of the same name in upper case with '_' for '.', the rule WildFly itself applies to
 * the expressions in its configuration (linli.mode, LINLI_MODE).
 */
public final class ForumSettings {

    public enum Mode { DEMO, PRODUCTION }

    private ForumSettings() {
    }

    public static Optional<String> get(String name) {
        String value = System.getProperty(name);
        if (value == null) {
            value = System.getenv(name.toUpperCase(Locale.ROOT).replace('.', '_'));
        }
        return Optional.ofNullable(value).map(String::strip).filter(v -> !v.isEmpty());
    }

    /** Where the forum keeps its files (the H2 database, the search index). */
    public static Path dataDirectory() {
        return Path.of(get("linli.data.dir").orElse(System.getProperty("user.home") + "/.linli-forum"));
    }

    /**
     * Where members' pictures are kept (linli.pictures.dir, default {@code pictures} in the data
     * directory). Several servers must share it (a network or shared volume): a picture uploaded
     * through one is shown by all.
     */
    public static Path picturesDirectory() {
        return get("linli.pictures.dir").map(Path::of).orElseGet(() -> dataDirectory().resolve("pictures"));
    }

    /** demo seeds demo boards and accounts on first start; production never does. */
    public static Mode mode() {
        String value = get("linli.mode").orElse("demo");
        try {
            return Mode.valueOf(value.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("linli.mode must be 'demo' or 'production', not '" + value + "'", e);
        }
    }

    /**
     * The forum's public address, for every absolute link it writes (mails, feeds, the CSV
     * export): linli.base.url, default http://127.0.0.1:8080, without a trailing slash. Never
     * taken from a request's Host header, which anyone can set and a shared cache would keep.
     */
    public static String baseUrl() {
        return get("linli.base.url").orElse("http://127.0.0.1:8080").replaceAll("/+$", "");
    }

    /** The community's time zone (linli.timezone, default Asia/Shanghai): pages show times in it, dates are read in it. */
    public static ZoneId timeZone() {
        return ZoneId.of(get("linli.timezone").orElse("Asia/Shanghai"));
    }

    /** Seconds a member waits between two posts (linli.flood.interval, default 15; 0 turns it off). */
    public static int floodInterval() {
        String value = get("linli.flood.interval").orElse("15");
        try {
            int seconds = Integer.parseInt(value);
            if (seconds >= 0) {
                return seconds;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalStateException("linli.flood.interval must be a whole number of seconds, not '" + value + "'");
    }

    /**
     * Seconds a server's claim on a mail it is sending lasts (linli.mail.lease, default 120): if
     * the server dies while sending, another sends the mail once the claim is over. Far longer
     * than handing one mail to the mail server takes.
     */
    public static Duration mailLease() {
        String value = get("linli.mail.lease").orElse("120");
        try {
            int seconds = Integer.parseInt(value);
            if (seconds > 0) {
                return Duration.ofSeconds(seconds);
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalStateException("linli.mail.lease must be a positive whole number of seconds, not '" + value + "'");
    }
}
