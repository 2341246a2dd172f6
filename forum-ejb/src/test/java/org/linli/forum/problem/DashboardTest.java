package org.linli.forum.problem;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class DashboardTest {

    @Test
    void theMedianIsTheMiddleOrTheMeanOfTheTwoMiddles() {
        assertThat(Dashboard.median(List.of())).isNull();
        assertThat(Dashboard.median(List.of(Duration.ofHours(5)))).isEqualTo(Duration.ofHours(5));
        assertThat(Dashboard.median(List.of(Duration.ofDays(9), Duration.ofDays(1), Duration.ofDays(4)))).isEqualTo(Duration.ofDays(4));
        assertThat(Dashboard.median(List.of(Duration.ofDays(4), Duration.ofDays(2), Duration.ofDays(12), Duration.ofDays(1))))
                .isEqualTo(Duration.ofDays(3));
    }
}
