package org.linli.forum.archive;

import org.linli.forum.member.Member;

/** An administrator started importing an archive file (batch job {@code execution}). */
public record ImportStarted(long execution, String fileName, ArchiveFormat format, String board, Member actor) {
}
