package org.linli.forum.member;

import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;

class SignInThrottleTest {

    /** A clock the test moves by hand. */
    private static final class ManualClock extends Clock {
        Instant now = Instant.parse("2026-11-27T08:00:00Z");

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }

        void advance(Duration by) {
            now = now.plus(by);
        }
    }

    private final ManualClock clock = new ManualClock();
    private final SignInThrottle throttle = new SignInThrottle(clock, new java.util.concurrent.ConcurrentHashMap<>());

    @Test
    void firstFailuresAreFreeThenEachWaitDoubles() {
        for (int i = 1; i < SignInThrottle.PAIR_FREE; i++) {
            throttle.failed("张伟", "10.0.0.1");
            assertThat(throttle.waitBefore("张伟", "10.0.0.1")).isEmpty();
        }
        throttle.failed("张伟", "10.0.0.1");
        assertThat(throttle.waitBefore("张伟", "10.0.0.1")).contains(Duration.ofSeconds(2));
        clock.advance(Duration.ofSeconds(2));
        throttle.failed("张伟", "10.0.0.1");
        assertThat(throttle.waitBefore("张伟", "10.0.0.1")).contains(Duration.ofSeconds(4));
    }

    @Test
    void blocksNeverExceedTheCapAndAreForgotten() {
        for (int i = 0; i < 200; i++) {
            throttle.failed("victim", "10.0.0.66");
        }
        assertThat(throttle.waitBefore("victim", "10.0.0.66")).contains(SignInThrottle.MAX_BLOCK);
        clock.advance(SignInThrottle.MAX_BLOCK);
        assertThat(throttle.waitBefore("victim", "10.0.0.66")).isEmpty();
        clock.advance(SignInThrottle.MEMORY);
        throttle.failed("victim", "10.0.0.66");
        assertThat(throttle.waitBefore("victim", "10.0.0.66")).as("counting starts again").isEmpty();
    }

    @Test
    void attackersOnOtherAddressesCannotLockTheOwnerOut() {
        // Many addresses hammer one account...
        for (int i = 0; i < 100; i++) {
            throttle.failed("李四", "198.51.100." + i);
            throttle.failed("李四", "198.51.100." + i);
        }
        assertThat(throttle.waitBefore("李四", "198.51.100.7")).isPresent();
        // ...the owner, from an address that has not failed, may still try.
        assertThat(throttle.waitBefore("李四", "203.0.113.5")).isEmpty();
    }

    @Test
    void oneAddressTryingManyAccountsIsBlocked() {
        for (int i = 0; i < SignInThrottle.ADDRESS_FREE; i++) {
            throttle.failed("member" + i, "192.0.2.9");
        }
        assertThat(throttle.waitBefore("someone-new", "192.0.2.9")).isPresent();
        assertThat(throttle.waitBefore("someone-new", "192.0.2.10")).isEmpty();
    }

    @Test
    void successClearsTheAccount() {
        for (int i = 0; i < 5; i++) {
            throttle.failed("王五", "10.0.0.2");
        }
        clock.advance(Duration.ofMinutes(1));
        throttle.succeeded("王五", "10.0.0.2");
        throttle.failed("王五", "10.0.0.2");
        assertThat(throttle.waitBefore("王五", "10.0.0.2")).isEmpty();
    }

    @Test
    void accountsAreMatchedAsSignInMatchesThem() {
        for (int i = 0; i < SignInThrottle.PAIR_FREE; i++) {
            throttle.failed("Linli", "10.0.0.3");
        }
        assertThat(throttle.waitBefore("ｌｉｎｌｉ", "10.0.0.3")).isPresent();
    }
}
