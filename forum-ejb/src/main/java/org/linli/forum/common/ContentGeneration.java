package org.linli.forum.common;

import java.util.concurrent.atomic.AtomicLong;

/**
 * A number that grows whenever a transaction that changed anything a reader can see has
 * committed on this server: the validity stamp of cached public pages. A page rendered while the
 * generation was g is good for as long as it is still g. Bumped after commit (never before, or a
 * page rendered from the old rows could be stamped with the new number).
 */
public final class ContentGeneration {

    private static final AtomicLong GENERATION = new AtomicLong();

    private ContentGeneration() {
    }

    public static long current() {
        return GENERATION.get();
    }

    /** Something readers see changed: a committed entity, or the search index (search pages show it). */
    public static void changed() {
        GENERATION.incrementAndGet();
    }
}
