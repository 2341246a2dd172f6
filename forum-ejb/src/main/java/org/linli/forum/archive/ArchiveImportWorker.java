package org.linli.forum.archive;

import jakarta.annotation.Resource;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.EJB;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.linli.forum.cluster.Leases;
import org.linli.forum.common.ForumSettings;
import org.linli.forum.post.Posting;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * Does the work of the {@code linli-import} batch job: one file, chunk by chunk, each chunk in a
 * transaction of its own. Internal: who may start an import is decided by {@link ArchiveImports}
 * (administrators) or by the management interface's own authentication (the CLI).
 */
@Stateless
@PermitAll
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class ArchiveImportWorker {

    /** Records per transaction: small enough to lose little to a kill, large enough to amortise the commit. */
    static final int CHUNK_SIZE = 100;
    /** One server imports at a time; a run renews this between chunks, so it is far longer than a chunk takes. */
    static final Duration LEASE = Duration.ofMinutes(2);

    @PersistenceContext
    private EntityManager em;

    @Resource
    private SessionContext context;

    @Inject
    private Posting posting;

    @EJB
    private Leases leases;

    public ArchiveImport.Summary run(Path file, ArchiveFormat format, String board, BooleanSupplier stop) {
        ArchiveImportWorker self = context.getBusinessObject(ArchiveImportWorker.class);
        ArchiveImport.Transactions transactions = new ArchiveImport.Transactions() {
            @Override
            public <T> T inNewTransaction(Supplier<T> work) {
                return self.inNewTransaction(work);
            }
        };
        ArchiveImport archiveImport = new ArchiveImport(em, posting, transactions, Clock.systemUTC(), CHUNK_SIZE);
        long runId = archiveImport.begin(format, file);
        if (!leases.acquire(Leases.IMPORT, LEASE)) {
            // One import at a time, on any server: two at once would race for the same records.
            String reason = "another import is running (on " + leases.holder(Leases.IMPORT).orElse("another server")
                    + "); start this one again when it has finished";
            archiveImport.end(runId, ImportRun.Status.FAILED, reason);
            return new ArchiveImport.Summary(runId, ImportRun.Status.FAILED, 0, 0, 0, 0, Map.of(reason, 1));
        }
        try {
            // Renewed between chunks; a run that lost its lease (its server stalled past it) stops.
            BooleanSupplier stopOrLost = () -> stop.getAsBoolean() || !leases.acquire(Leases.IMPORT, LEASE);
            return archiveImport.run(runId, file, format, board, ForumSettings.timeZone(), stopOrLost);
        } catch (RuntimeException e) {
            archiveImport.end(runId, ImportRun.Status.FAILED, e.toString());
            throw e;
        } finally {
            leases.release(Leases.IMPORT);
        }
    }

    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public <T> T inNewTransaction(Supplier<T> work) {
        return work.get();
    }
}
