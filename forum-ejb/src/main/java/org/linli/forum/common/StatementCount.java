package org.linli.forum.common;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * How many SQL statements this thread has run ({@link StatementCounter} counts them as Hibernate
 * sends them), so that a request can say how many it took: the query-count tests ask, and an N+1
 * shows up as a count that grows with the page. Counting is a thread-local increment.
 */
public final class StatementCount {

    private static final ThreadLocal<int[]> COUNT = ThreadLocal.withInitial(() -> new int[1]);
    private static final int PROBES_KEPT = 1000;
    private static final Map<String, Integer> PROBES = new LinkedHashMap<>() {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Integer> eldest) {
            return size() > PROBES_KEPT;
        }
    };

    private StatementCount() {
    }

    static void increment() {
        COUNT.get()[0]++;
    }

    /** Starts counting this thread's statements from zero. */
    public static void reset() {
        COUNT.get()[0] = 0;
    }

    /** Statements this thread ran since {@link #reset()}. */
    public static int current() {
        return COUNT.get()[0];
    }

    /** Keeps a request's count under a name its client chose (the query-count tests). */
    public static void record(String probe, int count) {
        synchronized (PROBES) {
            PROBES.put(probe, count);
        }
    }

    public static Integer probed(String probe) {
        synchronized (PROBES) {
            return PROBES.get(probe);
        }
    }
}
