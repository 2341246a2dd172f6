package org.linli.forum.member;

import org.linli.forum.common.InvalidInputException;

/** Another member already registered with this email address. */
public class EmailTakenException extends InvalidInputException {

    private static final long serialVersionUID = 1L;

    public EmailTakenException() {
        super("email", "error.email.taken");
    }
}
