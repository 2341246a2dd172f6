package org.linli.forum.common;

import java.util.ArrayList;
import java.util.List;

/** Input that breaks a rule of the form it came from; {@code field} names the offending field. */
public class InvalidInputException extends ForumException {

    private static final long serialVersionUID = 1L;

    private final String field;
    private final List<InvalidInputException> others = new ArrayList<>();

    public InvalidInputException(String field, String messageKey, Object... arguments) {
        super(messageKey, arguments);
        this.field = field;
    }

    /** The first of several problems of one form, carrying the rest, so that all are shown at once. */
    public static InvalidInputException of(List<InvalidInputException> problems) {
        InvalidInputException first = problems.get(0);
        first.others.addAll(problems.subList(1, problems.size()));
        return first;
    }

    /** This problem and the others found with it, in the form's order. */
    public List<InvalidInputException> all() {
        List<InvalidInputException> all = new ArrayList<>();
        all.add(this);
        all.addAll(others);
        return all;
    }

    public String getField() {
        return field;
    }
}
