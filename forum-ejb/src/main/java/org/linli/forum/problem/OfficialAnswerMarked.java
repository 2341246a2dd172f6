package org.linli.forum.problem;

import org.linli.forum.member.Member;
import org.linli.forum.post.Post;

/** Staff marked {@code answer} as its topic's official answer. */
public record OfficialAnswerMarked(Post answer, Member actor) {
}
