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
import java.time.Instant;
import java.util.Objects;

/** One run of the importer over one file: how far it got, and what it did. */
@Entity
@Table(name = "import_run")
public class ImportRun implements Serializable {

    private static final long serialVersionUID = 1L;


    public enum Status { RUNNING, FINISHED, STOPPED, FAILED }

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "import_run_seq")
    @SequenceGenerator(name = "import_run_seq", sequenceName = "import_run_seq", allocationSize = 50)
    private Long id;

    @Column(nullable = false, length = 32)
    private String source;

    @Column(name = "file_name", nullable = false, length = 500)
    private String fileName;

    @Column(name = "started_at", nullable = false)
    private Instant startedAt;

    @Column(name = "finished_at")
    private Instant finishedAt;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private Status status;

    @Column(name = "total_records", nullable = false)
    private int totalRecords;

    @Column(name = "imported_count", nullable = false)
    private int importedCount;

    @Column(name = "skipped_count", nullable = false)
    private int skippedCount;

    @Column(name = "failed_count", nullable = false)
    private int failedCount;

    @Column(length = 1000)
    private String error;

    protected ImportRun() {
    }

    ImportRun(ArchiveFormat format, String fileName, Instant startedAt) {
        this.source = format.source();
        this.fileName = cut(Objects.requireNonNull(fileName), 500);
        this.startedAt = Objects.requireNonNull(startedAt);
        this.status = Status.RUNNING;
    }

    void counted(int totalRecords) {
        this.totalRecords = totalRecords;
    }

    void progressed(int imported, int skipped, int failed) {
        importedCount += imported;
        skippedCount += skipped;
        failedCount += failed;
    }

    void ended(Status status, Instant at, String error) {
        this.status = status;
        this.finishedAt = at;
        this.error = error == null ? null : cut(error, 1000);
    }

    private static String cut(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max);
    }

    public Long getId() {
        return id;
    }

    public String getSource() {
        return source;
    }

    public String getFileName() {
        return fileName;
    }

    public Instant getStartedAt() {
        return startedAt;
    }

    public Instant getFinishedAt() {
        return finishedAt;
    }

    public Status getStatus() {
        return status;
    }

    public int getTotalRecords() {
        return totalRecords;
    }

    public int getImportedCount() {
        return importedCount;
    }

    public int getSkippedCount() {
        return skippedCount;
    }

    public int getFailedCount() {
        return failedCount;
    }

    /** Records dealt with so far, of {@link #getTotalRecords()}. */
    public int getDoneCount() {
        return importedCount + skippedCount + failedCount;
    }

    public String getError() {
        return error;
    }
}
