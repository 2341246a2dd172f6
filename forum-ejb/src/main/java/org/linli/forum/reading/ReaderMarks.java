package org.linli.forum.reading;

import java.util.Map;

/**
 * What a signed-in member's copy of a reading page shows of them: the first unread post of each
 * topic on it, how far they had read the topic the page is of (0 for none), their unread
 * notifications and whether they watch that topic.
 */
public record ReaderMarks(Map<Long, Integer> firstUnread, int readMark, long unreadNotifications, boolean watching) {

    /** An anonymous reader's: nothing unread, nothing watched. */
    public static final ReaderMarks NONE = new ReaderMarks(Map.of(), 0, 0, false);

    public ReaderMarks {
        firstUnread = Map.copyOf(firstUnread);
    }
}
