package org.linli.forum.common;

/** The board, topic, post or member asked for does not exist (or is not there for this reader). */
public class NotFoundException extends ForumException {

    private static final long serialVersionUID = 1L;

    public NotFoundException(String what, Object id) {
        super("error.notFound." + what, String.valueOf(id));
    }
}
