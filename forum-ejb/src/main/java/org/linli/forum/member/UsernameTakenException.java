package org.linli.forum.member;

import org.linli.forum.common.InvalidInputException;

/** Another member already has this username (compared without case or width). */
public class UsernameTakenException extends InvalidInputException {

    private static final long serialVersionUID = 1L;

    public UsernameTakenException(String username) {
        super("username", "error.username.taken", username);
    }
}
