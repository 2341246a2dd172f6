package org.linli.forum.web.common;

import org.linli.forum.common.ForumException;
import org.linli.forum.common.NotFoundException;
import org.linli.forum.common.NotPermittedException;
import org.linli.forum.member.NotSignedInException;
import org.linli.forum.web.i18n.Messages;

import java.io.IOException;
import java.util.function.Supplier;

/**
 * Runs a form's use case: on success, redirects to the path it returns (POST, redirect, GET);
 * on a refusal the reader can act on (bad input, too fast), shows the form again with the
 * message. Not found and not permitted are not the reader's to fix: they become the 404 page.
 */
public final class FormActions {

    private FormActions() {
    }

    public static void run(String formId, Supplier<String> action) throws IOException {
        String target;
        try {
            target = action.get();
        } catch (NotFoundException | NotPermittedException | NotSignedInException e) {
            throw e;
        } catch (ForumException e) {
            Messages.show(formId, e);
            return;
        }
        Links.redirect(target);
    }
}
