package org.linli.forum.sitesearch;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class WatermarkTest {

    private static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");

    @Test
    void movesUpThroughConsecutiveChanges() {
        Watermark watermark = new Watermark(4, Duration.ofSeconds(60));
        watermark.applied(5, NOW);
        watermark.applied(6, NOW);

        assertThat(watermark.value()).isEqualTo(6);
        assertThat(watermark.isWaiting()).isFalse();
    }

    @Test
    void stopsBelowAChangeThatCommitsLateAndCatchesUpWhenItDoes() {
        Watermark watermark = new Watermark(4, Duration.ofSeconds(60));
        watermark.applied(5, NOW);
        watermark.applied(7, NOW);   // 6 was handed out earlier but has not committed yet

        assertThat(watermark.value()).isEqualTo(5);
        assertThat(watermark.isWaiting()).isTrue();
        assertThat(watermark.isApplied(7)).isTrue();
        assertThat(watermark.isApplied(6)).isFalse();

        watermark.applied(6, NOW.plusSeconds(2));  // the late commit is read and applied

        assertThat(watermark.value()).isEqualTo(7);
        assertThat(watermark.isWaiting()).isFalse();
    }

    @Test
    void givesUpOnANumberThatNeverCommits() {
        Watermark watermark = new Watermark(0, Duration.ofSeconds(60));
        watermark.applied(2, NOW);   // 1 rolled back

        watermark.advance(NOW.plusSeconds(59));
        assertThat(watermark.value()).isZero();
        watermark.advance(NOW.plusSeconds(60));
        assertThat(watermark.value()).isEqualTo(2);
    }
}
