package org.linli.forum.topic;

import org.linli.forum.security.NotPermittedException;

/** The topic is locked and takes no more replies from residents. */
public class TopicLockedException extends NotPermittedException {

    private static final long serialVersionUID = 1L;

    public TopicLockedException() {
        super("error.topic.locked");
    }
}
