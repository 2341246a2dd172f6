package org.linli.forum.common;

/** Input that breaks a rule of the form it came from; {@code field} names the offending field. */
public class InvalidInputException extends ForumException {

    private static final long serialVersionUID = 1L;

    private final String field;

    public InvalidInputException(String field, String messageKey, Object... arguments) {
        super(messageKey, arguments);
        this.field = field;
    }

    public String getField() {
        return field;
    }
}
