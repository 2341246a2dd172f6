package org.linli.forum.e2e;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * What durable commits cost: members replying as fast as they can (the crash test's writers, 4
 * at once, through the reply page) on the default H2 database with {@code WRITE_DELAY=0}, then
 * with H2's own default (commits written up to 500 ms later), in the same run, in the order
 * durable, delayed, delayed, durable. Reports replies per second and the server's CPU per reply.
 *
 * <pre>mvn -q -pl ear test-compile exec:java -Dexec.classpathScope=test \
 *     -Dexec.mainClass=org.linli.forum.e2e.DurabilityBenchmark -Djboss.home=$PWD/target/wildfly-39.0.1.Final</pre>
 * (from the repository root, after {@code mvn install -DskipTests}; {@code -Dbench.seconds=30}).
 */
public final class DurabilityBenchmark {

    private static final int OFFSET = 300;

    private DurabilityBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int seconds = Integer.getInteger("bench.seconds", 30);
        Path ear = Path.of(System.getProperty("bench.ear", "ear/target/linli-forum.ear"));
        Path wildfly = Path.of(System.getProperty("jboss.home"));
        Path data = Path.of("ear/target/durability-data").toAbsolutePath();
        String delayed = "-Dlinli.db.url=jdbc:h2:file:" + data + "/db/linli;DB_CLOSE_ON_EXIT=FALSE;QUERY_CACHE_SIZE=64";
        List<String> lines = new ArrayList<>();
        for (String[] run : List.of(new String[] {"durable (WRITE_DELAY=0)"}, new String[] {"delayed (H2 default)", delayed},
                new String[] {"delayed (H2 default)", delayed}, new String[] {"durable (WRITE_DELAY=0)"})) {
            String[] settings = Arrays.copyOfRange(run, 1, run.length);
            try (ForumProcess forum = new ForumProcess(wildfly, Path.of("ear/target/durability-server").toAbsolutePath(), data, OFFSET)) {
                forum.prepare(ear);
                forum.start(Duration.ofMinutes(4), settings);
                long topic = CrashIT.startTopic(forum);
                write(forum, topic, "warm", 10);
                Duration cpuBefore = forum.cpu();
                long started = System.nanoTime();
                int replies = write(forum, topic, "bench", seconds);
                double elapsed = (System.nanoTime() - started) / 1e9;
                Duration cpu = forum.cpu().minus(cpuBefore);
                String line = String.format("%-24s %5d replies in %4.1f s: %6.1f replies/s, %6.1f ms server CPU per reply",
                        run[0], replies, elapsed, replies / elapsed, cpu.toNanos() / 1e6 / Math.max(1, replies));
                System.out.println(line);
                lines.add(line);
            }
        }
        System.out.println(String.join("\n", lines));
    }

    /** The crash test's writers for {@code seconds}; returns the replies acknowledged. */
    private static int write(ForumProcess forum, long topic, String prefix, int seconds) throws InterruptedException {
        AtomicBoolean writing = new AtomicBoolean(true);
        Set<String> acknowledged = ConcurrentHashMap.newKeySet();
        List<Thread> writers = new ArrayList<>();
        for (String[] account : CrashIT.WRITERS) {
            Thread thread = new Thread(new ReplyWriter(forum, topic, prefix, account, writing, acknowledged));
            thread.start();
            writers.add(thread);
        }
        Thread.sleep(seconds * 1000L);
        writing.set(false);
        for (Thread thread : writers) {
            thread.join();
        }
        return acknowledged.size();
    }
}
