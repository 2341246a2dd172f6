package org.linli.forum.common;


/** The caller is signed in but a permission rule forbids the action (pages show it as not found). */
public class NotPermittedException extends ForumException {

    private static final long serialVersionUID = 1L;

    public NotPermittedException(String messageKey) {
        super(messageKey);
    }

    /** Refuses {@code action} (its message is error.notPermitted.<action>) unless {@code allowed}. */
    public static void unless(boolean allowed, String action) {
        if (!allowed) {
            throw new NotPermittedException("error.notPermitted." + action);
        }
    }
}
