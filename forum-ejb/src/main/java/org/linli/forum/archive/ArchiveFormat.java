package org.linli.forum.archive;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** The archive formats the importer reads, one JSON object per line (optionally gzip-compressed). */
public enum ArchiveFormat {

    /** Usenet messages: newsgroup, subject, from, body, and where known Message-ID, References, Date. */
    NEWSGROUPS("newsgroups"),
    /** Message board posts: user, title, time, body, and where answered the official reply. */
    MESSAGE_BOARD("message-board");

    private final String source;

    ArchiveFormat(String source) {
        this.source = source;
    }

    /** The name used on the command line and in the import ledger. */
    public String source() {
        return source;
    }

    public static Optional<ArchiveFormat> of(String name) {
        if (name == null) {
            return Optional.empty();
        }
        String wanted = name.trim().toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(f -> f.source.equals(wanted)).findFirst();
    }
}
