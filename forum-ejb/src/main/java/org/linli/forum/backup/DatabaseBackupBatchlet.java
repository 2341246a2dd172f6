package org.linli.forum.backup;

import jakarta.annotation.Resource;
import jakarta.batch.api.AbstractBatchlet;
import jakarta.batch.runtime.context.JobContext;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.linli.forum.common.ForumSettings;

import javax.sql.DataSource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.logging.Logger;

/**
 * The step of the {@code linli-backup} job: an online, consistent copy of the embedded H2
 * database while the forum keeps serving, with H2's own {@code BACKUP TO} (a zip of the database
 * file as of one moment; writers are not stopped). It is written as {@code <name>.zip.part} in
 * {@code <data dir>/backups} and renamed to {@code linli-<UTC time>.zip} when complete, so a
 * backup file that exists is a whole one. On PostgreSQL the job refuses: pg_dump makes that
 * database's backups (README, "Backup and restore").
 */
@Named
@Dependent
public class DatabaseBackupBatchlet extends AbstractBatchlet {

    private static final Logger LOG = Logger.getLogger(DatabaseBackupBatchlet.class.getName());
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC);

    @Resource(lookup = "java:jboss/datasources/LinliDS")
    private DataSource dataSource;

    @Inject
    private JobContext job;

    @Override
    public String process() throws SQLException, IOException {
        Path folder = ForumSettings.dataDirectory().resolve("backups");
        Files.createDirectories(folder);
        Path backup = uniqueName(folder);
        Path part = backup.resolveSibling(backup.getFileName() + ".part");
        long started = System.nanoTime();
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            String database = connection.getMetaData().getDatabaseProductName();
            if (!"H2".equals(database)) {
                throw new IllegalStateException("The forum's database is " + database
                        + ": back it up with that database's own tool (for PostgreSQL, pg_dump; see the README)");
            }
            // The path is the forum's own (data directory, a time stamp): quoted as an SQL literal.
            statement.execute("BACKUP TO '" + part.toString().replace("'", "''") + "'");
        } catch (SQLException | RuntimeException e) {
            Files.deleteIfExists(part);
            throw e;
        }
        Files.move(part, backup, StandardCopyOption.ATOMIC_MOVE);
        long millis = (System.nanoTime() - started) / 1_000_000;
        String summary = backup + " (" + Files.size(backup) / 1024 + " KB in " + millis + " ms)";
        LOG.info(() -> "Backup written: " + summary);
        job.setExitStatus(summary);
        return "COMPLETED";
    }

    private static Path uniqueName(Path folder) {
        String stamp = STAMP.format(Clock.systemUTC().instant());
        Path candidate = folder.resolve("linli-" + stamp + ".zip");
        for (int n = 2; Files.exists(candidate); n++) {
            candidate = folder.resolve("linli-" + stamp + "-" + n + ".zip");
        }
        return candidate;
    }
}
