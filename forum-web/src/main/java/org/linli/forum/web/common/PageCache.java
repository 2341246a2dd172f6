package org.linli.forum.web.common;

import org.linli.forum.common.ForumSettings;

import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Rendered pages, each stamped with the content generation it was rendered under and
 * served only while that generation is current (and for at most {@code maxAge}); an outdated page
 * stays as the {@link #last} copy until a fresh one replaces it. Bounded by the bytes it holds;
 * the least recently used pages go first.
 */
final class PageCache<P extends PageCache.Entry> {

    /** What the cache needs to know of what it keeps. */
    interface Entry {
        long generation();

        Instant storedAt();

        /** Bytes it holds, about. */
        long size();
    }

    /** A page as it was sent: its bytes, their content type and tag, and what it is valid for. */
    record Page(byte[] body, String contentType, String etag, long generation, Instant storedAt) implements Entry {
        @Override
        public long size() {
            return body.length;
        }
    }

    private final long maxBytes;
    private final Duration maxAge;
    private final LinkedHashMap<String, P> pages = new LinkedHashMap<>(256, 0.75f, true);
    private long bytes;

    PageCache(long maxBytes, Duration maxAge) {
        this.maxBytes = maxBytes;
        this.maxAge = maxAge;
    }

    /**
     * A cache as the settings ask: {@code linli.page.cache} (true), {@code
     * linli.page.cache.megabytes} (32) and {@code linli.page.cache.seconds} (60); empty when
     * caching is off.
     */
    static <P extends Entry> Optional<PageCache<P>> fromSettings() {
        boolean enabled = ForumSettings.get("linli.page.cache").map(Boolean::parseBoolean).orElse(true);
        long seconds = ForumSettings.get("linli.page.cache.seconds").map(Long::parseLong).orElse(60L);
        long megabytes = ForumSettings.get("linli.page.cache.megabytes").map(Long::parseLong).orElse(32L);
        return enabled ? Optional.of(new PageCache<>(megabytes << 20, Duration.ofSeconds(seconds))) : Optional.empty();
    }

    synchronized Optional<P> find(String key, long generation, Instant now) {
        P page = pages.get(key);
        if (page == null) {
            return Optional.empty();
        }
        if (page.generation() != generation || page.storedAt().plus(maxAge).isBefore(now)) {
            // Kept, as the last copy, until a fresh one replaces it or room is needed.
            return Optional.empty();
        }
        return Optional.of(page);
    }

    /** The page as it was last rendered, however old: for when it cannot be rendered now. */
    synchronized Optional<P> last(String key) {
        return Optional.ofNullable(pages.get(key));
    }

    synchronized void put(String key, P page) {
        if (page.size() > maxBytes / 8) {
            return;
        }
        remove(key);
        pages.put(key, page);
        bytes += page.size();
        Iterator<Map.Entry<String, P>> oldest = pages.entrySet().iterator();
        while (bytes > maxBytes && oldest.hasNext()) {
            bytes -= oldest.next().getValue().size();
            oldest.remove();
        }
    }

    synchronized int size() {
        return pages.size();
    }

    private void remove(String key) {
        P old = pages.remove(key);
        if (old != null) {
            bytes -= old.size();
        }
    }
}
