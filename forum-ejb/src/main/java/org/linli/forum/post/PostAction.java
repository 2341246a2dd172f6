package org.linli.forum.post;

/** What a member does to a post on a page of its own (edit, delete, report, mark as official answer). */
public enum PostAction {
    EDIT, DELETE, REPORT, MARK_OFFICIAL
}
