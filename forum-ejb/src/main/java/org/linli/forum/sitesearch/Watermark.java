package org.linli.forum.sitesearch;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * How far the index has surely read the change log. Sequence numbers are handed out before
 * commit, so a slow transaction can commit a smaller number after a larger one was indexed: the
 * watermark therefore stops below any missing number, and the indexer keeps reading from it,
 * until the number turns up or has been missing longer than any transaction lasts (a rolled-back
 * transaction leaves its number unused for ever). Changes already applied above the watermark
 * are remembered, so they are not applied twice while it waits.
 */
final class Watermark {

    private final Duration patience;
    private long value;
    private final TreeSet<Long> appliedAbove = new TreeSet<>();
    private final Map<Long, Instant> missingSince = new TreeMap<>();

    Watermark(long value, Duration patience) {
        this.value = value;
        this.patience = patience;
    }

    long value() {
        return value;
    }

    boolean isApplied(long seq) {
        return seq <= value || appliedAbove.contains(seq);
    }

    /** Notes that change {@code seq} was applied (read at {@code now}), and moves the watermark up. */
    void applied(long seq, Instant now) {
        if (seq <= value) {
            return;
        }
        appliedAbove.add(seq);
        for (long missing = appliedAbove.first() > value + 1 ? value + 1 : value; missing < appliedAbove.last(); missing++) {
            if (missing > value && !appliedAbove.contains(missing)) {
                missingSince.putIfAbsent(missing, now);
            }
        }
        advance(now);
    }

    /** Gives up waiting for numbers missing longer than the patience; moves the watermark up. */
    void advance(Instant now) {
        while (true) {
            long next = value + 1;
            if (appliedAbove.remove(next)) {
                missingSince.remove(next);
                value = next;
            } else if (missingSince.containsKey(next) && !missingSince.get(next).plus(patience).isAfter(now)) {
                missingSince.remove(next);
                value = next;
            } else {
                return;
            }
        }
    }

    /** Whether a number below the highest applied one is still awaited. */
    boolean isWaiting() {
        return !missingSince.isEmpty();
    }
}
