package org.linli.forum.member;

import jakarta.enterprise.context.ApplicationScoped;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

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
 * after the last failure, and no block is longer than {@link #MAX_BLOCK}. Kept in memory, per
 * server; it bounds its size by forgetting the oldest entries first.
 */
@ApplicationScoped
public class SignInThrottle {

    static final int PAIR_FREE = 3;
    static final int ADDRESS_FREE = 20;
    static final int ACCOUNT_FREE = 10;
    static final Duration FIRST_BLOCK = Duration.ofSeconds(2);
    static final Duration MAX_BLOCK = Duration.ofMinutes(15);
    static final Duration MEMORY = Duration.ofHours(1);
    static final int MAX_ENTRIES = 100_000;

    private static final class Failures {
        int count;
        Instant last;
        Instant blockedUntil = Instant.MIN;
    }

    private final Clock clock;
    private final Map<String, Failures> failures = new LinkedHashMap<>(1024, 0.75f, true);

    public SignInThrottle() {
        this(Clock.systemUTC());
    }

    SignInThrottle(Clock clock) {
        this.clock = clock;
    }

    /** How long to wait before this attempt may be made, or empty if it may be made now. */
    public synchronized Optional<Duration> waitBefore(String account, String address) {
        Instant now = clock.instant();
        Instant until = Instant.MIN;
        Failures pair = live(pairKey(account, address), now);
        if (pair != null) {
            until = later(until, pair.blockedUntil);
            Failures onAccount = live(accountKey(account), now);
            if (onAccount != null) {
                until = later(until, onAccount.blockedUntil);
            }
        }
        Failures fromAddress = live(addressKey(address), now);
        if (fromAddress != null) {
            until = later(until, fromAddress.blockedUntil);
        }
        return until.isAfter(now) ? Optional.of(Duration.between(now, until)) : Optional.empty();
    }

    public synchronized void failed(String account, String address) {
        Instant now = clock.instant();
        count(pairKey(account, address), PAIR_FREE, now);
        count(addressKey(address), ADDRESS_FREE, now);
        count(accountKey(account), ACCOUNT_FREE, now);
        while (failures.size() > MAX_ENTRIES) {
            Iterator<Map.Entry<String, Failures>> eldest = failures.entrySet().iterator();
            eldest.next();
            eldest.remove();
        }
    }

    public synchronized void succeeded(String account, String address) {
        failures.remove(pairKey(account, address));
        failures.remove(accountKey(account));
    }

    private void count(String key, int free, Instant now) {
        Failures entry = live(key, now);
        if (entry == null) {
            entry = new Failures();
            failures.put(key, entry);
        }
        entry.count++;
        entry.last = now;
        if (entry.count >= free) {
            int doublings = Math.min(entry.count - free, 20);
            Duration block = FIRST_BLOCK.multipliedBy(1L << doublings);
            entry.blockedUntil = now.plus(block.compareTo(MAX_BLOCK) > 0 ? MAX_BLOCK : block);
        }
    }

    /** The entry under {@code key}, unless it is absent or forgotten by now. */
    private Failures live(String key, Instant now) {
        Failures entry = failures.get(key);
        if (entry != null && entry.last.plus(MEMORY).isBefore(now)) {
            failures.remove(key);
            return null;
        }
        return entry;
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
