package org.linli.forum.web.common;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/** The anonymous page cache serves a page only under the generation it was rendered in, and stays within its bytes. */
class PageCacheTest {

    private static final Instant NOW = Instant.parse("2026-11-27T08:00:00Z");

    @Test
    void aPageIsServedOnlyWhileItsGenerationIsCurrentAndItIsYoungEnough() {
        PageCache<PageCache.Page> cache = new PageCache<>(1 << 20, Duration.ofSeconds(60));
        cache.put("/topic?id=1|zh-CN", page(100, 7));

        assertThat(cache.find("/topic?id=1|zh-CN", 7, NOW.plusSeconds(59))).isPresent();
        assertThat(cache.find("/topic?id=1|en", 7, NOW)).as("another language").isEmpty();
        assertThat(cache.find("/topic?id=1|zh-CN", 8, NOW)).as("something changed since").isEmpty();

        cache.put("/board?id=2|zh-CN", page(100, 8));
        assertThat(cache.find("/board?id=2|zh-CN", 8, NOW.plusSeconds(61))).as("older than the longest age").isEmpty();
    }

    @Test
    void anOutdatedPageStaysAsTheLastCopyUntilAFreshOneReplacesIt() {
        PageCache<PageCache.Page> cache = new PageCache<>(1 << 20, Duration.ofSeconds(60));
        cache.put("/topic?id=1|zh-CN", page(100, 7));
        assertThat(cache.find("/topic?id=1|zh-CN", 8, NOW)).isEmpty();

        assertThat(cache.last("/topic?id=1|zh-CN")).get().extracting(PageCache.Page::generation).isEqualTo(7L);
        cache.put("/topic?id=1|zh-CN", page(120, 8));
        assertThat(cache.last("/topic?id=1|zh-CN")).get().extracting(PageCache.Page::generation).isEqualTo(8L);
        assertThat(cache.last("/topic?id=2|zh-CN")).as("never rendered").isEmpty();
    }

    @Test
    void theLeastRecentlyUsedPagesGoWhenTheBytesRunOut() {
        PageCache<PageCache.Page> cache = new PageCache<>(1000, Duration.ofSeconds(60));
        cache.put("a", page(100, 1));
        cache.put("b", page(100, 1));
        cache.put("c", page(100, 1));
        cache.find("a", 1, NOW);
        for (int i = 0; i < 8; i++) {
            cache.put("x" + i, page(100, 1));
        }
        assertThat(cache.find("a", 1, NOW)).as("recently read").isPresent();
        assertThat(cache.find("b", 1, NOW)).as("least recently used").isEmpty();
        assertThat(cache.size()).isLessThanOrEqualTo(10);
        cache.put("huge", page(200, 1));
        assertThat(cache.find("huge", 1, NOW)).as("a page over an eighth of the cache is not kept").isEmpty();
    }

    private static PageCache.Page page(int bytes, long generation) {
        return new PageCache.Page(new byte[bytes], "text/html;charset=UTF-8", "\"t\"", generation, NOW);
    }
}
