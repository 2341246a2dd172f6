package org.linli.forum.e2e;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A backup that restores. Members reply while the README's backup command (the linli-backup job,
 * started through the management CLI) copies the running forum's database; the backup is then
 * unpacked into an empty data directory and a second forum started on it. Every reply
 * acknowledged before the backup began is there exactly once, and the search index, which the
 * backup leaves out, is rebuilt: search finds those replies.
 */
class BackupIT {

    private static final int OFFSET = 300;
    private static final Pattern TOKEN = Pattern.compile("backup-w-[a-z]+-n\\d+");
    static final String START_BACKUP =
            "/deployment=linli-forum.ear/subdeployment=forum-ejb.jar/subsystem=batch-jberet:start-job(job-xml-name=linli-backup)";

    @Test
    void aBackupTakenUnderWritesRestoresIntoAnEmptyDataDirectory() throws Exception {
        Path wildfly = Path.of(System.getProperty("jboss.home"));
        Path restored = Path.of("target/restore-data").toAbsolutePath();
        Set<String> beforeBackup;
        long topic;
        try (ForumProcess forum = new ForumProcess(wildfly, Path.of("target/backup-server").toAbsolutePath(),
                Path.of("target/backup-data").toAbsolutePath(), OFFSET)) {
            forum.prepare(Path.of("target/linli-forum.ear"));
            forum.start(Duration.ofMinutes(4));
            topic = CrashIT.startTopic(forum);

            AtomicBoolean writing = new AtomicBoolean(true);
            Set<String> acknowledged = ConcurrentHashMap.newKeySet();
            List<Thread> writers = new ArrayList<>();
            for (String[] account : List.of(CrashIT.WRITERS[0], CrashIT.WRITERS[1])) {
                Thread thread = new Thread(new ReplyWriter(forum, topic, "backup-w", account, writing, acknowledged), "backup-writer-" + account[0]);
                thread.start();
                writers.add(thread);
            }
            Thread.sleep(4_000);

            beforeBackup = new HashSet<>(acknowledged);
            Instant started = Instant.now();
            String answer = forum.cli(START_BACKUP);
            assertThat(answer).contains("success");
            Path backup = awaitBackup(forum.data().resolve("backups"), Duration.ofMinutes(2));
            Duration took = Duration.between(started, Instant.now());
            Thread.sleep(1_000);
            writing.set(false);
            for (Thread thread : writers) {
                thread.join(60_000);
            }
            System.out.println("Backup test: " + backup.getFileName() + ", " + Files.size(backup) / 1024 + " KB in "
                    + took.toMillis() + " ms while 2 members replied; " + beforeBackup.size() + " replies acknowledged before it began, "
                    + acknowledged.size() + " in all");
            assertThat(beforeBackup).as("replies acknowledged before the backup began").hasSizeGreaterThanOrEqualTo(2);
            forum.kill();

            try (ForumProcess restoredForum = new ForumProcess(wildfly, Path.of("target/restore-server").toAbsolutePath(),
                    restored, OFFSET)) {
                restoredForum.prepare(Path.of("target/linli-forum.ear"));
                unzip(backup, restored.resolve("db"));
                restoredForum.start(Duration.ofMinutes(4));

                CrashIT.Stored stored = CrashIT.read(restoredForum, topic, TOKEN);
                for (String token : beforeBackup) {
                    assertThat(stored.tokens().getOrDefault(token, 0)).as("reply %s, acknowledged before the backup", token).isEqualTo(1);
                }
                assertThat(stored.numbers()).as("post numbers 1..n, each once")
                        .isEqualTo(Stream.iterate(1, n -> n + 1).limit(stored.numbers().size()).toList());
                CrashIT.assertFound(restoredForum, beforeBackup);
            }
        }
    }

    private static Path awaitBackup(Path folder, Duration patience) throws IOException, InterruptedException {
        Instant deadline = Instant.now().plus(patience);
        while (Instant.now().isBefore(deadline)) {
            if (Files.isDirectory(folder)) {
                try (Stream<Path> files = Files.list(folder)) {
                    Optional<Path> done = files.filter(path -> path.getFileName().toString().endsWith(".zip")).findFirst();
                    if (done.isPresent()) {
                        return done.get();
                    }
                }
            }
            Thread.sleep(200);
        }
        throw new AssertionError("no backup appeared in " + folder + " within " + patience);
    }

    /** As the README's restore does with unzip. */
    private static void unzip(Path zip, Path into) throws IOException {
        Files.createDirectories(into);
        try (ZipInputStream entries = new ZipInputStream(Files.newInputStream(zip))) {
            for (ZipEntry entry = entries.getNextEntry(); entry != null; entry = entries.getNextEntry()) {
                Path target = into.resolve(entry.getName()).normalize();
                assertThat(target.startsWith(into)).as("entry %s stays inside", entry.getName()).isTrue();
                Files.createDirectories(target.getParent());
                Files.copy(entries, target);
            }
        }
        try (Stream<Path> files = Files.list(into)) {
            assertThat(files.map(path -> path.getFileName().toString())).as("the restored database file").contains("linli.mv.db");
        }
    }
}
