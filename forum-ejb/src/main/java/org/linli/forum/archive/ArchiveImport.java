package org.linli.forum.archive;

import jakarta.persistence.EntityManager;
import org.linli.forum.post.Posting;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import java.util.logging.Logger;

/**
 * One import of one archive file: read it, then write it chunk by chunk, each chunk in its own
 * transaction together with the run's progress. Stopping (or a kill) between chunks loses
 * nothing; the next run over the same file skips what is already in and carries on.
 */
public final class ArchiveImport {

    /** Runs work in a transaction of its own, committed when it returns. */
    public interface Transactions {
        <T> T inNewTransaction(Supplier<T> work);
    }

    /** A run's end: its counts, and how many records had each reason to be skipped or to fail. */
    public record Summary(long runId, ImportRun.Status status, int records, int imported, int skipped, int failed,
                          Map<String, Integer> reasons) {

        @Override
        public String toString() {
            return "import run " + runId + " " + status + ": " + records + " records, " + imported + " imported, "
                    + skipped + " skipped, " + failed + " failed" + (reasons.isEmpty() ? "" : " " + reasons);
        }
    }

    private static final Logger LOG = Logger.getLogger(ArchiveImport.class.getName());
    /** A run's report keeps this many problems; its counts cover all of them. */
    static final int PROBLEMS_KEPT = 1000;

    private final EntityManager em;
    private final Posting posting;
    private final Transactions transactions;
    private final Clock clock;
    private final int chunkSize;

    public ArchiveImport(EntityManager em, Posting posting, Transactions transactions, Clock clock, int chunkSize) {
        this.em = em;
        this.posting = posting;
        this.transactions = transactions;
        this.clock = clock;
        this.chunkSize = chunkSize;
    }

    /** Starts a run's record, so that it shows (as running) before the file is even read. */
    public long begin(ArchiveFormat format, Path file) {
        return transactions.inNewTransaction(() -> {
            ImportRun run = new ImportRun(format, file.getFileName().toString(), clock.instant());
            em.persist(run);
            em.flush();
            return run.getId();
        });
    }

    /**
     * Imports {@code file} under run {@code runId}; {@code stop} is asked between chunks.
     * A file that cannot be read at all ends the run as failed, with the reason.
     */
    public Summary run(long runId, Path file, ArchiveFormat format, String board, ZoneId zone, BooleanSupplier stop) {
        Instant undated = transactions.inNewTransaction(() -> em.find(ImportRun.class, runId).getStartedAt());
        Map<String, Integer> reasons = new TreeMap<>();
        int[] counts = new int[3];
        ArchiveReader.Contents contents;
        try {
            contents = ArchiveReader.read(file, format, board, zone);
        } catch (IOException | RuntimeException e) {
            end(runId, ImportRun.Status.FAILED, "cannot read " + file.getFileName() + ": " + e);
            return new Summary(runId, ImportRun.Status.FAILED, 0, 0, 0, 0, reasons);
        }
        int records = contents.records();
        transactions.inNewTransaction(() -> {
            em.find(ImportRun.class, runId).counted(records);
            return null;
        });
        List<ArchiveProblem> readerProblems = contents.problems();
        transactions.inNewTransaction(() -> progress(runId, 0, readerProblems, reasons, counts));
        List<ArchiveMessage> messages = contents.messages();
        ImportRun.Status status = ImportRun.Status.FINISHED;
        for (int from = 0; from < messages.size(); from += chunkSize) {
            if (stop.getAsBoolean()) {
                status = ImportRun.Status.STOPPED;
                break;
            }
            List<ArchiveMessage> chunk = messages.subList(from, Math.min(messages.size(), from + chunkSize));
            transactions.inNewTransaction(() -> {
                ArchiveWriter.Outcome outcome = new ArchiveWriter(em, posting, format, undated).write(chunk);
                return progress(runId, outcome.imported(), outcome.problems(), reasons, counts);
            });
            int done = counts[0] + counts[1] + counts[2];
            if ((from / chunkSize) % 20 == 19) {
                LOG.info(() -> "import run " + runId + ": " + done + " of " + records + " records");
            }
        }
        end(runId, status, null);
        Summary summary = new Summary(runId, status, records, counts[0], counts[1], counts[2], reasons);
        LOG.info(summary::toString);
        return summary;
    }

    /** Ends a run that could not go on, such as one whose server stopped under it. */
    public void end(long runId, ImportRun.Status status, String error) {
        transactions.inNewTransaction(() -> {
            em.find(ImportRun.class, runId).ended(status, clock.instant(), error);
            return null;
        });
    }

    /** Adds a chunk's outcome to the run (in the chunk's transaction) and to the counts in memory. */
    private Void progress(long runId, int imported, List<ArchiveProblem> problems, Map<String, Integer> reasons, int[] counts) {
        int skipped = 0;
        int failed = 0;
        for (ArchiveProblem problem : problems) {
            if (problem.outcome() == ArchiveProblem.Outcome.SKIPPED) {
                skipped++;
            } else {
                failed++;
            }
            if (counts[1] + counts[2] + skipped + failed <= PROBLEMS_KEPT) {
                em.persist(new ImportProblem(runId, problem));
            }
            reasons.merge(problem.reason(), 1, Integer::sum);
        }
        em.find(ImportRun.class, runId).progressed(imported, skipped, failed);
        counts[0] += imported;
        counts[1] += skipped;
        counts[2] += failed;
        return null;
    }
}
