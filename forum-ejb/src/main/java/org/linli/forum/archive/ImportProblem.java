package org.linli.forum.archive;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.io.Serializable;

/** A record an import run skipped or could not use, as the run's report lists it. */
@Entity
@Table(name = "import_problem")
public class ImportProblem implements Serializable {

    private static final long serialVersionUID = 1L;


    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "import_problem_seq")
    @SequenceGenerator(name = "import_problem_seq", sequenceName = "import_problem_seq", allocationSize = 50)
    private Long id;

    @Column(name = "run_id", nullable = false, updatable = false)
    private long runId;

    @Column(name = "line_number", nullable = false, updatable = false)
    private int lineNumber;

    @Column(name = "external_id", length = 300, updatable = false)
    private String externalId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16, updatable = false)
    private ArchiveProblem.Outcome outcome;

    @Column(nullable = false, length = 100, updatable = false)
    private String reason;

    @Column(length = 1000, updatable = false)
    private String detail;

    protected ImportProblem() {
    }

    ImportProblem(long runId, ArchiveProblem problem) {
        this.runId = runId;
        this.lineNumber = problem.lineNumber();
        this.externalId = cut(problem.externalId(), 300);
        this.outcome = problem.outcome();
        this.reason = problem.reason();
        this.detail = cut(problem.detail(), 1000);
    }

    private static String cut(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max);
    }

    public int getLineNumber() {
        return lineNumber;
    }

    public String getExternalId() {
        return externalId;
    }

    public ArchiveProblem.Outcome getOutcome() {
        return outcome;
    }

    public String getReason() {
        return reason;
    }

    public String getDetail() {
        return detail;
    }
}
