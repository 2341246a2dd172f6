package org.linli.forum.board;

import org.linli.forum.member.Member;

/** An administrator gave a board new names or descriptions. */
public record BoardDescribed(Board board, Member actor) {
}
