package org.linli.forum.web.admin;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Named;
import org.linli.forum.archive.ArchiveFiles;
import org.linli.forum.archive.ArchiveFormat;
import org.linli.forum.archive.ArchiveImports;
import org.linli.forum.archive.ImportProblem;
import org.linli.forum.archive.ImportRun;
import org.linli.forum.common.ForumException;
import org.linli.forum.web.common.Links;
import org.linli.forum.web.common.PageParameters;
import org.linli.forum.web.i18n.Messages;

import java.io.IOException;
import java.util.List;

/**
 * The administrators' import page: pick an archive from the import folder, its format and (for a
 * message board) the board to fill; follow the runs and read why records were skipped or failed.
 */
@Named
@RequestScoped
public class ImportBacking {

    private static final int RUNS_SHOWN = 20;

    @EJB
    private ArchiveImports imports;

    private String file;
    private ArchiveFormat format = ArchiveFormat.NEWSGROUPS;
    private String board;
    private String run;
    private ImportRun selected;
    private List<ImportProblem> problems;
    private List<ImportRun> runs;

    /** The view action: the run asked for with {@code ?run=}, else the newest. */
    public void load() {
        if (run != null && !run.isBlank()) {
            selected = imports.getRun(PageParameters.id("run", run));
        } else {
            selected = getRuns().stream().findFirst().orElse(null);
        }
        problems = selected == null ? List.of() : imports.problems(selected.getId());
    }

    public void start() throws IOException {
        try {
            imports.start(file, format, board);
        } catch (ForumException e) {
            Messages.show("form", e);
            return;
        }
        Links.redirect("/admin/import?started=1");
    }

    public List<ImportRun> getRuns() {
        if (runs == null) {
            runs = imports.recentRuns(RUNS_SHOWN);
        }
        return runs;
    }

    public List<String> getFiles() {
        return imports.availableFiles();
    }

    public String getFolder() {
        return ArchiveFiles.folder().toString();
    }

    public List<ArchiveFormat> getFormats() {
        return List.of(ArchiveFormat.values());
    }

    public ImportRun getSelected() {
        return selected;
    }

    public List<ImportProblem> getProblems() {
        return problems;
    }

    /** A problem's reason in the reader's language. */
    public String reason(ImportProblem problem) {
        return Messages.text(problem.getReason(), problem.getDetail() == null ? "" : problem.getDetail());
    }

    public String getFile() {
        return file;
    }

    public void setFile(String file) {
        this.file = file;
    }

    public ArchiveFormat getFormat() {
        return format;
    }

    public void setFormat(ArchiveFormat format) {
        this.format = format;
    }

    public String getBoard() {
        return board;
    }

    public void setBoard(String board) {
        this.board = board;
    }

    public String getRun() {
        return run;
    }

    public void setRun(String run) {
        this.run = run;
    }
}
