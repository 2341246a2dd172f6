package org.linli.forum.member;

/** A visitor registered (with the address they gave); observed in the registration's transaction. */
public record MemberRegistered(Member member, String email, String language) {
}
