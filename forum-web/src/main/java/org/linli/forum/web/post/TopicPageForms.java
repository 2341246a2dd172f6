package org.linli.forum.web.post;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.linli.forum.common.ForumException;
import org.linli.forum.common.NotFoundException;
import org.linli.forum.common.NotPermittedException;
import org.linli.forum.common.RateLimitedException;
import org.linli.forum.member.NotSignedInException;
import org.linli.forum.web.common.FormErrors;
import org.linli.forum.web.common.Links;
import org.linli.forum.web.common.PageParameters;
import org.linli.forum.web.security.SessionToken;

import java.io.IOException;

/**
 * What the forms on a topic page (quick reply, the next status step) share. They are plain HTML
 * forms, because the page is rendered once and shared by the members who may see the same
 * things (MemberPageFilter): they post to a fixed address with the session's token. Success
 * redirects (POST, redirect, GET); a refusal, or a preview, renders the topic page again, in the
 * same request, with everything typed and the message beside the form, and status 422 (429 with
 * Retry-After when too fast), as the Faces forms do.
 */
public final class TopicPageForms {

    /** The request attribute that carries a form back to the topic page ({@link TopicFormBacking}). */
    static final String RETURNED = TopicPageForms.class.getName() + ".returned";

    private static final int UNPROCESSABLE_CONTENT = 422;
    private static final int TOO_MANY_REQUESTS = 429;

    private TopicPageForms() {
    }

    /** What a topic page form brings back: which form, what was typed, and why it was refused (or its preview). */
    record Returned(String form, String body, boolean official, String note, ForumException refusal, String previewHtml) {
    }

    /**
     * The topic the form is about, when the request carries the session's token; otherwise the
     * answer is already sent (400 for a missing or foreign token, 404 for a topic id that is
     * no number) and this returns 0.
     */
    static long topicOf(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (!SessionToken.isCarriedBy(request)) {
            response.sendError(HttpServletResponse.SC_BAD_REQUEST);
            return 0;
        }
        try {
            return PageParameters.id("topic", request.getParameter("topic"));
        } catch (NotFoundException e) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return 0;
        }
    }

    static void redirect(HttpServletRequest request, HttpServletResponse response, String path) {
        response.setStatus(HttpServletResponse.SC_SEE_OTHER);
        response.setHeader("Location", Links.local(request.getContextPath() + path));
    }

    /**
     * Answers a refusal: not found and not permitted are not the reader's to fix, and become the
     * 404 page, as from the Faces forms; the rest come back on the topic page.
     */
    static void refuse(HttpServletRequest request, HttpServletResponse response, long topicId, Returned returned)
            throws IOException, ServletException {
        ForumException refusal = returned.refusal();
        if (refusal instanceof NotFoundException || refusal instanceof NotPermittedException
                || refusal instanceof NotSignedInException) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        refusedStatus(response, refusal);
        request.setAttribute(FormErrors.PLAIN_FORM_REFUSAL,
                new FormErrors.Refusal("reply".equals(returned.form()) ? "quickReplyBody" : "statusNote", refusal));
        back(request, response, topicId, returned);
    }

    /**
     * The status of a plain form sent back refused: 429 with Retry-After when too many came too
     * fast, else 422 (as the Faces forms answer). The guest reply form answers the same way.
     */
    public static void refusedStatus(HttpServletResponse response, ForumException refusal) {
        if (refusal instanceof RateLimitedException limited) {
            response.setStatus(TOO_MANY_REQUESTS);
            response.setHeader("Retry-After", Long.toString(limited.getRetryAfterSeconds()));
        } else {
            response.setStatus(UNPROCESSABLE_CONTENT);
        }
    }

    /** Renders the topic's last page (where its forms are) with the form as it was sent. */
    static void back(HttpServletRequest request, HttpServletResponse response, long topicId, Returned returned)
            throws IOException, ServletException {
        request.setAttribute(RETURNED, returned);
        request.getRequestDispatcher("/topic?id=" + topicId + "&page=last").forward(request, response);
    }
}
