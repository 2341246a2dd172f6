package org.linli.forum.moderation;

import org.linli.forum.member.Member;

/** A moderator dismissed the open reports on a post; {@code report} is the one acted on. */
public record ReportDismissed(Report report, Member moderator, String note) {
}
