package org.linli.forum.web.guest;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Named;
import org.linli.forum.common.ForumException;
import org.linli.forum.common.InvalidInputException;
import org.linli.forum.guest.GuestForms;
import org.linli.forum.web.i18n.Messages;

import java.time.Instant;
import java.util.List;

/**
 * The topic page's guest form: a fresh signed form time, and, when it came back refused
 * ({@link GuestReplyServlet}), what was typed and each field's message.
 */
@Named("guestForm")
@RequestScoped
public class GuestFormBacking {

    private GuestReplyServlet.Returned returned;
    private boolean read;

    private GuestReplyServlet.Returned returned() {
        if (!read) {
            Object attribute = FacesContext.getCurrentInstance().getExternalContext().getRequestMap().get(GuestReplyServlet.RETURNED);
            returned = attribute instanceof GuestReplyServlet.Returned r ? r : null;
            read = true;
        }
        return returned;
    }

    public String getFormTime() {
        return GuestForms.formTime(Instant.now());
    }

    public String getName() {
        return returned() == null ? null : returned.name();
    }

    public String getEmail() {
        return returned() == null ? null : returned.email();
    }

    public String getBody() {
        return returned() == null ? null : returned.body();
    }

    public boolean isReturned() {
        return returned() != null;
    }

    /** The message for {@code field} ("" for the form as a whole), or null. */
    public String error(String field) {
        if (returned() == null || returned.refusal() == null) {
            return null;
        }
        ForumException refusal = returned.refusal();
        List<InvalidInputException> problems = refusal instanceof InvalidInputException invalid ? invalid.all() : List.of();
        if (problems.isEmpty()) {
            return field.isEmpty() ? Messages.text(refusal.getMessageKey(), refusal.getArguments()) : null;
        }
        return problems.stream().filter(p -> p.getField().equals(field)).findFirst()
                .map(p -> Messages.text(p.getMessageKey(), p.getArguments())).orElse(null);
    }
}
