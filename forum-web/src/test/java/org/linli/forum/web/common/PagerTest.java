package org.linli.forum.web.common;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PagerTest {

    @Test
    void showsFirstLastAndAWindowWithGaps() {
        assertThat(new Pager(1, 1).isNeeded()).isFalse();
        assertThat(new Pager(1, 3).getLinks()).containsExactly(1, 2, 3);
        assertThat(new Pager(1, 10).getLinks()).containsExactly(1, 2, 3, 0, 10);
        assertThat(new Pager(5, 10).getLinks()).containsExactly(1, 0, 3, 4, 5, 6, 7, 0, 10);
        assertThat(new Pager(10, 10).getLinks()).containsExactly(1, 0, 8, 9, 10);
        assertThat(new Pager(4, 10).getLinks()).containsExactly(1, 2, 3, 4, 5, 6, 0, 10);
        assertThat(new Pager(200, 400).getLinks()).hasSize(9);
    }
}
