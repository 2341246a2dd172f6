package org.linli.forum.topic;

import org.linli.forum.common.ForumException;

/**
 * The topic is locked and takes no more replies from residents. Not a missing permission (which
 * reads as "not there"): the form says so and keeps what was typed.
 */
public class TopicLockedException extends ForumException {

    private static final long serialVersionUID = 1L;

    public TopicLockedException() {
        super("error.topic.locked");
    }
}
