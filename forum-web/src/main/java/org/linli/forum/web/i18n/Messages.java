package org.linli.forum.web.i18n;

import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import org.linli.forum.common.ForumException;
import org.linli.forum.common.InvalidInputException;
import org.linli.forum.common.RateLimitedException;

import java.text.MessageFormat;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * Shows a business error to the reader in their language: next to the field it concerns when
 * there is one (every field, when the form got several wrong), else at the top of the form. The form comes back with status 422 (its input was
 * refused), or 429 with Retry-After when it came too fast, and with everything that was typed.
 */
public final class Messages {

    private Messages() {
    }

    public static void show(String formId, ForumException error) {
        if (error instanceof InvalidInputException invalid) {
            // Every field the form got wrong, each beside its field (one without a field at the top).
            for (InvalidInputException problem : invalid.all()) {
                add(problem.getField().isEmpty() ? null : formId + ":" + problem.getField(),
                        text(problem.getMessageKey(), problem.getArguments()));
            }
        } else {
            add(null, text(error.getMessageKey(), error.getArguments()));
        }
        if (error instanceof RateLimitedException limited) {
            // Too many, too fast: 429, and when to come back, for browsers and scripts alike.
            ExternalContext external = FacesContext.getCurrentInstance().getExternalContext();
            if (!external.isResponseCommitted()) {
                external.setResponseStatus(TOO_MANY_REQUESTS);
                external.setResponseHeader("Retry-After", Long.toString(limited.getRetryAfterSeconds()));
            }
        }
    }

    public static void error(String clientId, String key, Object... arguments) {
        add(clientId, text(key, arguments));
    }

    /** A confirmation at the top of the page (no error status). */
    public static void info(String key, Object... arguments) {
        FacesContext.getCurrentInstance().addMessage(null, new FacesMessage(FacesMessage.SEVERITY_INFO, text(key, arguments), null));
    }

    public static String text(String key, Object... arguments) {
        FacesContext context = FacesContext.getCurrentInstance();
        ResourceBundle bundle = context.getApplication().getResourceBundle(context, "msg");
        String pattern;
        try {
            pattern = bundle.getString(key);
        } catch (MissingResourceException e) {
            pattern = bundle.getString("error.unexpected");
        }
        return new MessageFormat(pattern, context.getViewRoot().getLocale()).format(arguments);
    }

    private static void add(String clientId, String text) {
        FacesContext context = FacesContext.getCurrentInstance();
        context.addMessage(clientId, new FacesMessage(FacesMessage.SEVERITY_ERROR, text, null));
        if (!context.getExternalContext().isResponseCommitted()) {
            context.getExternalContext().setResponseStatus(UNPROCESSABLE_CONTENT);
        }
    }

    private static final int UNPROCESSABLE_CONTENT = 422;
    private static final int TOO_MANY_REQUESTS = 429;
}
