package org.linli.forum.archive;

import java.time.Instant;
import java.util.List;

/**
 * One record of an archive, read and checked for shape but not yet imported.
 *
 * @param lineNumber  where it is in the file (from 1), for the import's report
 * @param externalId  the record's id in its archive: what makes importing it twice a no-op
 * @param board       the board it goes to (its newsgroup, or the board chosen for the import)
 * @param subject     the subject as written, {@code Re:} and all
 * @param authorKey   who wrote it, as the archive identifies them (an address, a user id)
 * @param authorName  the name to show for them
 * @param body        the text, as the author wrote it
 * @param createdAt   when it was written, if the archive says
 * @param messageId   its Message-ID, if the archive has one
 * @param references  Message-IDs it answers or quotes, nearest last
 * @param reply       the official reply, for message board records that have one
 * @param replyAt     when the reply was given
 */
public record ArchiveMessage(int lineNumber, String externalId, String board, String subject,
                             String authorKey, String authorName, String body, Instant createdAt,
                             String messageId, List<String> references, String reply, Instant replyAt) {

    public ArchiveMessage {
        references = List.copyOf(references);
    }

    /** The thread it belongs to by subject alone. */
    public String threadKey() {
        return SubjectKey.of(subject);
    }
}
