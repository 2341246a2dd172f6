package org.linli.forum.member;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ConcurrentMap;
import org.infinispan.Cache;

/**
 * Slows down, then temporarily blocks, password guessing. Failures are counted three ways:
 * <ul>
 * <li>per account <em>and</em> address: after {@link #PAIR_FREE} failures each further attempt
 *     waits twice as long as the last (2 s, 4 s, 8 s ... up to {@link #MAX_BLOCK});</li>
 * <li>per address, over all accounts (one address trying many accounts), from
 *     {@link #ADDRESS_FREE} failures;</li>
 * <li>per account, over all addresses (many addresses trying one account), from
 *     {@link #ACCOUNT_FREE} failures; this block applies only to addresses that have failed on
 *     the account themselves, so a third party can never keep the owner out: from a clean
 *     address the right password still works.</li>
 * </ul>
 * A success clears the account's counts. Nothing lasts: counts are forgotten {@link #MEMORY}
 * after the last failure, and no block is longer than {@link #MAX_BLOCK}.
 *
 * <p>The counts are shared by every server of the forum: they live in the cache
 * {@code sign-in-failures} (configure-server.cli; replicated to every node of a cluster, whose
 * entries expire an hour after their last change and of which at most 100,000 are kept), so an
 * attacker gets no more attempts from several servers than from one. Each count is changed by
 * compare-and-set (a {@link ConcurrentMap#replace} of the value read), which the replicated cache
 * performs atomically on the entry's owner: two failures at once on two servers both count.
 * Values are plain strings, so the cache needs no marshalling of the forum's classes.
 */
@ApplicationScoped
public class SignInThrottle {

    static final int PAIR_FREE = 3;
    static final int ADDRESS_FREE = 20;
    static final int ACCOUNT_FREE = 10;
    static final Duration FIRST_BLOCK = Duration.ofSeconds(2);
    static final Duration MAX_BLOCK = Duration.ofMinutes(15);
    static final Duration MEMORY = Duration.ofHours(1);

    /** One key's failures: how many, the last one's time, and until when attempts wait. */
    record Failures(int count, Instant last, Instant blockedUntil) {

        static Failures parse(String value) {
            String[] parts = value.split(":", 3);
            return new Failures(Integer.parseInt(parts[0]), Instant.ofEpochMilli(Long.parseLong(parts[1])),
                    Instant.ofEpochMilli(Long.parseLong(parts[2])));
        }

        String format() {
            return count + ":" + last.toEpochMilli() + ":" + blockedUntil.toEpochMilli();
        }
    }

    private final Clock clock;

    @Resource(lookup = "java:jboss/infinispan/cache/linli/sign-in-failures")
    private Cache<String, String> sharedCache;

    private ConcurrentMap<String, String> failures;

    public SignInThrottle() {
        this.clock = Clock.systemUTC();
    }

    /** With counts kept in {@code failures} (tests: a map of their own). */
    SignInThrottle(Clock clock, ConcurrentMap<String, String> failures) {
        this.clock = clock;
        this.failures = failures;
    }

    @PostConstruct
    void useSharedCounts() {
        if (failures == null) {
            failures = sharedCache;
        }
    }

    /** How long to wait before this attempt may be made, or empty if it may be made now. */
    public Optional<Duration> waitBefore(String account, String address) {
        Instant now = clock.instant();
        Instant until = Instant.EPOCH;
        Failures pair = live(pairKey(account, address), now);
        if (pair != null) {
            until = later(until, pair.blockedUntil());
            Failures onAccount = live(accountKey(account), now);
            if (onAccount != null) {
                until = later(until, onAccount.blockedUntil());
            }
        }
        Failures fromAddress = live(addressKey(address), now);
        if (fromAddress != null) {
            until = later(until, fromAddress.blockedUntil());
        }
        return until.isAfter(now) ? Optional.of(Duration.between(now, until)) : Optional.empty();
    }

    public void failed(String account, String address) {
        Instant now = clock.instant();
        count(pairKey(account, address), PAIR_FREE, now);
        count(addressKey(address), ADDRESS_FREE, now);
        count(accountKey(account), ACCOUNT_FREE, now);
    }

    public void succeeded(String account, String address) {
        failures.remove(pairKey(account, address));
        failures.remove(accountKey(account));
    }

    private void count(String key, int free, Instant now) {
        while (true) {
            String old = failures.get(key);
            Failures before = old == null ? null : Failures.parse(old);
            if (before != null && forgotten(before, now)) {
                before = null;
            }
            int count = before == null ? 1 : before.count() + 1;
            Instant blockedUntil = before == null ? Instant.EPOCH : before.blockedUntil();
            if (count >= free) {
                int doublings = Math.min(count - free, 20);
                Duration block = FIRST_BLOCK.multipliedBy(1L << doublings);
                blockedUntil = now.plus(block.compareTo(MAX_BLOCK) > 0 ? MAX_BLOCK : block);
            }
            String next = new Failures(count, now, blockedUntil).format();
            boolean stored = old == null ? failures.putIfAbsent(key, next) == null : failures.replace(key, old, next);
            if (stored) {
                return;
            }
            // Another attempt (on this server or another) counted meanwhile: count on top of it.
        }
    }

    /** The failures under {@code key}, unless there are none or they are forgotten by now. */
    private Failures live(String key, Instant now) {
        String value = failures.get(key);
        if (value == null) {
            return null;
        }
        Failures entry = Failures.parse(value);
        return forgotten(entry, now) ? null : entry;
    }

    private static boolean forgotten(Failures entry, Instant now) {
        return entry.last().plus(MEMORY).isBefore(now);
    }

    private static Instant later(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }

    private static String accountKey(String account) {
        return "a\u0000" + Member.keyOf(account);
    }

    private static String addressKey(String address) {
        return "i\u0000" + address;
    }

    private static String pairKey(String account, String address) {
        return "p\u0000" + Member.keyOf(account) + "\u0000" + address;
    }
}
