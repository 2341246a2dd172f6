package org.linli.forum.common;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Logs a repeated background failure once per change of state, not once per attempt: the first
 * failure (with its stack trace), a different failure, and the recovery. A database or mail
 * server that is away for an hour is then three lines in the log, not thousands. Attempts in
 * between are logged at FINE. While failing, {@link #isDue} paces the attempts (waits doubling
 * from 1 s up to 30 s), since each one also makes the connection pool and the container log.
 */
public final class FailureLog {

    private static final Duration FIRST_WAIT = Duration.ofSeconds(1);
    private static final Duration LONGEST_WAIT = Duration.ofSeconds(30);

    private final Logger log;
    private final String work;
    /** What the current failure is (its root cause's type and message); null while the work succeeds. */
    private String failing;
    private Duration wait = Duration.ZERO;
    private Instant nextAttempt = Instant.MIN;

    /** @param work what is attempted, for the messages ("Applying search changes") */
    public FailureLog(Logger log, String work) {
        this.log = log;
        this.work = work;
    }

    /** An attempt failed; logged if this is a new state ({@code consequence} says what happens now). */
    public synchronized void failed(Throwable failure, String consequence) {
        Duration doubled = wait.multipliedBy(2);
        wait = wait.isZero() ? FIRST_WAIT : doubled.compareTo(LONGEST_WAIT) < 0 ? doubled : LONGEST_WAIT;
        nextAttempt = Instant.now().plus(wait);
        String state = describe(rootCause(failure));
        if (Objects.equals(state, failing)) {
            log.log(Level.FINE, work + " failed again: " + state);
            return;
        }
        failing = state;
        log.log(Level.SEVERE, work + " failed (" + state + "); " + consequence
                + ". This is logged again only when it changes or recovers.", failure);
    }

    /** An attempt succeeded; logged once if it had been failing. */
    public synchronized void succeeded() {
        if (failing != null) {
            log.info(() -> work + " works again (it had failed: " + failing + ")");
            failing = null;
        }
        wait = Duration.ZERO;
        nextAttempt = Instant.MIN;
    }

    /** Whether the next attempt is due: always while the work succeeds, after a growing wait while it fails. */
    public synchronized boolean isDue(Instant now) {
        return !now.isBefore(nextAttempt);
    }

    public synchronized boolean isFailing() {
        return failing != null;
    }

    private static Throwable rootCause(Throwable failure) {
        Throwable cause = failure;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        return cause;
    }

    /** The type and message of a failure, without what varies from one attempt to the next (digits: ids, counts, times). */
    private static String describe(Throwable cause) {
        String message = cause.getMessage() == null ? "" : ": " + cause.getMessage().replaceAll("\\d+", "#");
        return cause.getClass().getName() + message;
    }
}
