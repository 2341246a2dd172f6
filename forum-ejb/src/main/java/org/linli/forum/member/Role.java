package org.linli.forum.member;

/**
 * What a member may do, broadly; the finer rules are {@link MemberPermissions} and the rules of
 * boards, topics and posts beside them.
 */
public enum Role {
    RESIDENT, MODERATOR, STAFF, ADMIN;

    /** Role names as the container knows them, for {@code @RolesAllowed}. */
    public static final String RESIDENT_NAME = "RESIDENT";
    public static final String MODERATOR_NAME = "MODERATOR";
    public static final String STAFF_NAME = "STAFF";
    public static final String ADMIN_NAME = "ADMIN";
}
