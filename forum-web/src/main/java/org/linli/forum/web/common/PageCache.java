package org.linli.forum.web.common;

import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Rendered public pages, each stamped with the content generation it was rendered under and
 * served only while that generation is current (and for at most {@code maxAge}); an outdated page
 * stays as the {@link #last} copy until a fresh one replaces it. Bounded by the bytes it holds;
 * the least recently used pages go first.
 */
final class PageCache {

    /** A page as it was sent: its bytes, their content type and tag, and what it is valid for. */
    record Page(byte[] body, String contentType, String etag, long generation, Instant storedAt) {
    }

    private final long maxBytes;
    private final Duration maxAge;
    private final LinkedHashMap<String, Page> pages = new LinkedHashMap<>(256, 0.75f, true);
    private long bytes;

    PageCache(long maxBytes, Duration maxAge) {
        this.maxBytes = maxBytes;
        this.maxAge = maxAge;
    }

    synchronized Optional<Page> find(String key, long generation, Instant now) {
        Page page = pages.get(key);
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
    synchronized Optional<Page> last(String key) {
        return Optional.ofNullable(pages.get(key));
    }

    synchronized void put(String key, Page page) {
        if (page.body().length > maxBytes / 8) {
            return;
        }
        remove(key);
        pages.put(key, page);
        bytes += page.body().length;
        Iterator<Map.Entry<String, Page>> oldest = pages.entrySet().iterator();
        while (bytes > maxBytes && oldest.hasNext()) {
            bytes -= oldest.next().getValue().body().length;
            oldest.remove();
        }
    }

    synchronized int size() {
        return pages.size();
    }

    private void remove(String key) {
        Page old = pages.remove(key);
        if (old != null) {
            bytes -= old.body().length;
        }
    }
}
