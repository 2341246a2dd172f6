package org.linli.forum.archive;

import jakarta.batch.api.AbstractBatchlet;
import jakarta.batch.api.BatchProperty;
import jakarta.batch.runtime.context.JobContext;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import java.util.logging.Logger;

/** The step of the {@code linli-import} job: checks its parameters, then hands the file to the worker. */
@Named
@Dependent
public class ArchiveImportBatchlet extends AbstractBatchlet {

    private static final Logger LOG = Logger.getLogger(ArchiveImportBatchlet.class.getName());

    @Inject
    @BatchProperty
    private String file;

    @Inject
    @BatchProperty
    private String format;

    @Inject
    @BatchProperty
    private String board;

    @Inject
    private JobContext job;

    @EJB
    private ArchiveImportWorker worker;

    private volatile boolean stopping;

    @Override
    public String process() {
        ArchiveFormat archiveFormat = ArchiveFormat.of(format).orElseThrow(() -> new IllegalArgumentException(
                "format must be newsgroups or message-board, not " + format));
        var path = ArchiveFiles.resolve(file);
        if (archiveFormat == ArchiveFormat.MESSAGE_BOARD && (board == null || board.isBlank())) {
            throw new IllegalArgumentException("a message board import needs the board parameter");
        }
        LOG.info(() -> "Importing " + path + " as " + archiveFormat.source());
        ArchiveImport.Summary summary = worker.run(path, archiveFormat, board == null ? null : board.strip(), () -> stopping);
        job.setExitStatus(summary.toString());
        return summary.status().name();
    }

    @Override
    public void stop() {
        stopping = true;
    }
}
