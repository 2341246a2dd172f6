package org.linli.forum.member;

import org.linli.forum.common.ForumException;

/** The action needs a signed-in member and the caller is anonymous. */
public class NotSignedInException extends ForumException {

    private static final long serialVersionUID = 1L;

    public NotSignedInException() {
        super("error.notSignedIn");
    }
}
