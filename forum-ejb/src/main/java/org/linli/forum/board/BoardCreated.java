package org.linli.forum.board;

import org.linli.forum.member.Member;

/** A board was made; {@code actor} is null when the forum made it (setup, an import). */
public record BoardCreated(Board board, Member actor) {
}
