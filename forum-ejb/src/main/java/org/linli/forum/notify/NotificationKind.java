package org.linli.forum.notify;

/** What a notification is about. Stored by name. */
public enum NotificationKind {
    /** Someone replied in a watched topic. */
    REPLY,
    /** Someone started a topic on a watched board. */
    NEW_TOPIC,
    /** A watched problem's status changed. */
    STATUS,
    /** Staff marked an official answer in a watched topic. */
    OFFICIAL
}
