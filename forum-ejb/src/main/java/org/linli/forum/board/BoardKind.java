package org.linli.forum.board;

/** What a board is for, which decides who starts topics there and whether they have a status. */
public enum BoardKind {
    /** Any member starts topics. */
    DISCUSSION,
    /** Residents report problems; staff acknowledge and resolve them (物业管理, 城市建设). */
    PROBLEMS,
    /** Only staff and administrators start topics (社区公告). */
    ANNOUNCEMENTS
}
