package org.linli.forum.archive;

import jakarta.annotation.security.RolesAllowed;
import jakarta.batch.runtime.BatchRuntime;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.linli.forum.common.InvalidInputException;
import org.linli.forum.common.NotFoundException;
import org.linli.forum.member.CurrentMember;
import org.linli.forum.member.Role;

import java.util.List;
import java.util.Properties;

/** The administrators' use cases of imports: start one on a file of the import folder, follow the runs. */
@Stateless
@RolesAllowed(Role.ADMIN_NAME)
public class ArchiveImports {

    public static final String JOB = "linli-import";
    private static final int BOARD_NAME_MAX = 100;

    @PersistenceContext
    private EntityManager em;

    @EJB
    private CurrentMember currentMember;

    @Inject
    private Event<ImportStarted> started;

    public List<String> availableFiles() {
        return ArchiveFiles.available();
    }

    /** Starts the import job; returns its batch execution id. The run shows in {@link #recentRuns} once it has begun. */
    public long start(String fileName, ArchiveFormat format, String board) {
        if (fileName == null || !ArchiveFiles.available().contains(fileName)) {
            throw new InvalidInputException("file", "error.import.file");
        }
        if (format == null) {
            throw new InvalidInputException("format", "error.import.format");
        }
        String boardName = board == null ? "" : board.strip();
        if (format == ArchiveFormat.MESSAGE_BOARD && boardName.isEmpty()) {
            throw new InvalidInputException("board", "error.import.board");
        }
        if (boardName.length() > BOARD_NAME_MAX) {
            throw new InvalidInputException("board", "error.board.name", BOARD_NAME_MAX);
        }
        Properties parameters = new Properties();
        parameters.setProperty("file", fileName);
        parameters.setProperty("format", format.source());
        parameters.setProperty("board", boardName);
        long execution = BatchRuntime.getJobOperator().start(JOB, parameters);
        started.fire(new ImportStarted(execution, fileName, format, boardName, currentMember.require()));
        return execution;
    }

    public List<ImportRun> recentRuns(int max) {
        return em.createQuery("select r from ImportRun r order by r.startedAt desc, r.id desc", ImportRun.class)
                .setMaxResults(max)
                .getResultList();
    }

    public ImportRun getRun(long id) {
        ImportRun run = em.find(ImportRun.class, id);
        if (run == null) {
            throw new NotFoundException("import run", id);
        }
        return run;
    }

    /** The run's skipped and failed records, in file order (the first {@value ArchiveImport#PROBLEMS_KEPT}). */
    public List<ImportProblem> problems(long runId) {
        return em.createQuery("select p from ImportProblem p where p.runId = :run order by p.lineNumber, p.id", ImportProblem.class)
                .setParameter("run", runId)
                .getResultList();
    }
}
