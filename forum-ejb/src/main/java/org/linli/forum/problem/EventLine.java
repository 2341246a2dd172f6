package org.linli.forum.problem;

/** A status change as the topic page shows it: after post number {@link #getAfterPost()}. */
public final class EventLine {

    private final TopicEvent event;
    private final int afterPost;

    EventLine(TopicEvent event, int afterPost) {
        this.event = event;
        this.afterPost = afterPost;
    }

    public TopicEvent getEvent() {
        return event;
    }

    public int getAfterPost() {
        return afterPost;
    }
}
