package org.linli.forum.common;

import java.time.Duration;

/**
 * Too much, too fast: posting again before the flood interval is over, or signing in after too
 * many failures. Says how long to wait; the web layer answers 429 with a Retry-After header.
 */
public class RateLimitedException extends ForumException {

    private static final long serialVersionUID = 1L;

    private final long retryAfterSeconds;

    /** The message gets the seconds to wait as its first argument. */
    public RateLimitedException(String messageKey, Duration retryAfter) {
        this(messageKey, Math.max(1, (retryAfter.toMillis() + 999) / 1000));
    }

    private RateLimitedException(String messageKey, long seconds) {
        super(messageKey, seconds);
        this.retryAfterSeconds = seconds;
    }

    public long getRetryAfterSeconds() {
        return retryAfterSeconds;
    }
}
