package org.linli.forum.common;

import jakarta.ejb.ApplicationException;

import java.util.List;

/**
 * A business rule said no. Carries a message key (resolved by the web layer in the reader's
 * language) and its arguments, and rolls the transaction back so nothing half-done is saved.
 */
@ApplicationException(rollback = true, inherited = true)
public abstract class ForumException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String messageKey;
    private final List<Object> arguments;

    protected ForumException(String messageKey, Object... arguments) {
        super(messageKey);
        this.messageKey = messageKey;
        this.arguments = List.of(arguments);
    }

    public String getMessageKey() {
        return messageKey;
    }

    public Object[] getArguments() {
        return arguments.toArray();
    }
}
