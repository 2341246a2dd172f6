package org.linli.forum.common;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class PageTest {

    @Test
    void countsPagesAndNeighbours() {
        assertThat(Page.totalPages(0, 20)).isEqualTo(1);
        assertThat(Page.totalPages(20, 20)).isEqualTo(1);
        assertThat(Page.totalPages(21, 20)).isEqualTo(2);
        assertThat(Page.totalPages(45, 20)).isEqualTo(3);
        assertThat(Page.firstIndex(3, 20)).isEqualTo(40);
        assertThat(new Page<>(List.of("x"), 3, 20, 45).getTotalPages()).isEqualTo(3);
    }
}
