package org.linli.forum.archive;

import jakarta.annotation.Resource;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.linli.forum.common.ForumSettings;
import org.linli.forum.post.Posting;

import java.nio.file.Path;
import java.time.Clock;
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

    @PersistenceContext
    private EntityManager em;

    @Resource
    private SessionContext context;

    @Inject
    private Posting posting;

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
        try {
            return archiveImport.run(runId, file, format, board, ForumSettings.timeZone(), stop);
        } catch (RuntimeException e) {
            archiveImport.end(runId, ImportRun.Status.FAILED, e.toString());
            throw e;
        }
    }

    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public <T> T inNewTransaction(Supplier<T> work) {
        return work.get();
    }
}
