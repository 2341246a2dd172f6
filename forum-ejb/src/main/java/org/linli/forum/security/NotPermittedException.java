package org.linli.forum.security;

import org.linli.forum.common.ForumException;

/** The caller is signed in but a permission rule forbids the action. */
public class NotPermittedException extends ForumException {

    private static final long serialVersionUID = 1L;

    public NotPermittedException(String messageKey) {
        super(messageKey);
    }
}
