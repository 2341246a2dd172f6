package org.linli.forum.common;

import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The validity stamp of cached pages: it changes whenever a transaction that changed anything a
 * reader can see has committed, on any server of the forum, and whenever this server's search
 * index has taken in changes (search pages show it). A page rendered while the generation was g
 * is good for as long as it is still g. Changed after commit (never before, or a page rendered
 * from the old rows could be stamped with the new value).
 *
 * <p>Two parts. The content part is shared by every server: it lives in the {@link Shared}
 * store that {@code cluster/SharedState} installs at start-up (a cache replicated synchronously
 * to every node, so a change is on every node before the request that made it is answered); until
 * one is installed, and in plain unit tests, it is a number in this JVM. The index part is this
 * server's own, since each server keeps its own index.
 */
public final class ContentGeneration {

    /** Where the content part is kept. */
    public interface Shared {
        long get();

        /** Sets a value different from the one before. */
        void change();
    }

    private static final Shared IN_THIS_JVM = new Shared() {
        private final AtomicLong value = new AtomicLong();

        @Override
        public long get() {
            return value.get();
        }

        @Override
        public void change() {
            value.incrementAndGet();
        }
    };

    private static final AtomicReference<Shared> CONTENT = new AtomicReference<>(IN_THIS_JVM);
    private static final AtomicLong INDEX = new AtomicLong(ThreadLocalRandom.current().nextLong());

    private ContentGeneration() {
    }

    public static long current() {
        // Equal stamps need equal parts; the multiplier spreads the index part over all bits.
        return CONTENT.get().get() ^ (INDEX.get() * 0x9E3779B97F4A7C15L);
    }

    /** A committed entity that readers see changed (on this server; every server learns of it). */
    public static void changed() {
        CONTENT.get().change();
    }

    /** This server's search index took in changes, or was replaced. */
    public static void indexChanged() {
        INDEX.incrementAndGet();
    }

    /** From now on the content part is {@code shared}'s; pages cached before are outdated. */
    public static void share(Shared shared) {
        CONTENT.set(shared);
        shared.change();
    }

    /** Back to a number in this JVM (the sharing server part is going away). */
    public static void unshare(Shared shared) {
        if (CONTENT.compareAndSet(shared, IN_THIS_JVM)) {
            IN_THIS_JVM.change();
        }
    }
}
