package org.linli.forum.guest;

import org.linli.forum.member.Member;

/** A moderator approved (published) or rejected a guest's reply; the audit log observes it. */
public record GuestReplyDecided(GuestReply reply, Member moderator, boolean approved) {
}
