package org.linli.forum.web.post;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Named;
import org.linli.forum.common.ForumException;
import org.linli.forum.web.i18n.Messages;
import org.linli.forum.web.post.TopicPageForms.Returned;

/**
 * The topic page's own forms (quick reply, status step) as they came back from a refused or
 * previewed sending ({@link TopicPageForms}): what was typed, the message and the preview. On an
 * ordinary visit, and on a page rendered to be shared, the forms are empty.
 */
@Named("topicForm")
@RequestScoped
public class TopicFormBacking {

    private Returned returned;
    private boolean read;

    private Returned returned(String form) {
        if (!read) {
            Object attribute = FacesContext.getCurrentInstance().getExternalContext().getRequestMap().get(TopicPageForms.RETURNED);
            returned = attribute instanceof Returned r ? r : null;
            read = true;
        }
        return returned != null && returned.form().equals(form) ? returned : null;
    }

    public String getBody() {
        Returned reply = returned("reply");
        return reply == null ? null : reply.body();
    }

    public boolean isOfficial() {
        Returned reply = returned("reply");
        return reply != null && reply.official();
    }

    /** Whether the quick reply came back (refused or previewed): the reader's attention goes to it. */
    public boolean isReplyReturned() {
        return returned("reply") != null;
    }

    /** Why the reply was refused, in the page's language; null if it was not. */
    public String getReplyError() {
        return errorOf(returned("reply"));
    }

    /** The previewed reply, already safe; null when there is none (the preview include's contract). */
    public String getHtml() {
        Returned reply = returned("reply");
        return reply == null ? null : reply.previewHtml();
    }

    public String getNote() {
        Returned status = returned("status");
        return status == null ? null : status.note();
    }

    public String getStatusError() {
        return errorOf(returned("status"));
    }

    private static String errorOf(Returned returned) {
        if (returned == null || returned.refusal() == null) {
            return null;
        }
        ForumException refusal = returned.refusal();
        return Messages.text(refusal.getMessageKey(), refusal.getArguments());
    }
}
