package org.linli.forum.archive;

/**
 * A record the importer did not bring in, and why.
 *
 * @param reason a message key, such as {@code import.reason.notJson} or one of the post rules'
 *               {@code error.body.*} keys; the administration page words it
 * @param detail what the reason is about (a field, a parser's message, a line number), or null
 */
public record ArchiveProblem(int lineNumber, String externalId, Outcome outcome, String reason, String detail) {

    public enum Outcome {
        /** Nothing to do: already imported, or the same record again. */
        SKIPPED,
        /** The record is unusable: not JSON, a field missing, a body the forum refuses. */
        FAILED
    }

    static ArchiveProblem failed(int line, String externalId, String reason, String detail) {
        return new ArchiveProblem(line, externalId, Outcome.FAILED, reason, detail);
    }

    static ArchiveProblem skipped(int line, String externalId, String reason, String detail) {
        return new ArchiveProblem(line, externalId, Outcome.SKIPPED, reason, detail);
    }
}
