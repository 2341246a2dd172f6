package org.linli.forum.web.security;

import jakarta.enterprise.context.RequestScoped;
import org.linli.forum.common.ForumException;

import java.util.Optional;

/**
 * Why the identity store refused the credentials of this request, when it was more than "wrong
 * username or password": too many attempts, or a suspended member. The sign-in page says so.
 */
@RequestScoped
public class SignInRefusal {

    private ForumException reason;

    void refused(ForumException reason) {
        this.reason = reason;
    }

    public Optional<ForumException> reason() {
        return Optional.ofNullable(reason);
    }
}
