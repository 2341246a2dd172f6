package org.linli.forum.board;

import org.linli.forum.member.Member;

/** An administrator allowed or stopped guest replies on a board; the audit log observes it. */
public record BoardGuestReplies(Board board, Member actor) {
}
