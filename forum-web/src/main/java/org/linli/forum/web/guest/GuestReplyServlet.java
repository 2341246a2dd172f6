package org.linli.forum.web.guest;

import jakarta.ejb.EJB;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.linli.forum.common.ForumException;
import org.linli.forum.common.NotFoundException;
import org.linli.forum.guest.GuestReply;
import org.linli.forum.guest.GuestReplyInput;
import org.linli.forum.guest.GuestReplyService;
import org.linli.forum.web.common.Links;
import org.linli.forum.web.common.PageParameters;
import org.linli.forum.web.post.TopicPageForms;
import org.linli.forum.web.i18n.Languages;

import java.io.IOException;
import java.util.Optional;

/**
 * The guest reply form of a topic page ({@code POST /guest/reply}), a plain form for visitors
 * without an account (no session, so no Faces view state: {@code SameOriginFilter} guards it).
 * Accepted, the reply is held and the guest sees it on the topic page marked as awaiting
 * approval; refused, the topic page comes back with everything typed and each problem beside its
 * field (422, or 429 with Retry-After when too many were sent). A filled honeypot is answered as
 * an accepted reply, and nothing is kept.
 */
@WebServlet(urlPatterns = "/guest/reply")
public class GuestReplyServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    static final String RETURNED = GuestReplyServlet.class.getName() + ".returned";

    @EJB
    private transient GuestReplyService guestReplies;

    /** The form as it comes back to the topic page, with why it was refused. */
    public record Returned(String name, String email, String body, ForumException refusal) {
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException, ServletException {
        long topicId;
        try {
            topicId = PageParameters.id("topic", request.getParameter("topic"));
        } catch (NotFoundException e) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        String name = request.getParameter("name");
        String email = request.getParameter("email");
        String body = request.getParameter("body");
        GuestReplyInput input = new GuestReplyInput(topicId, name, email, body, request.getParameter("website"),
                request.getParameter("formTime"), request.getRemoteAddr(), Languages.of(request).toLanguageTag());
        try {
            Optional<GuestReply> held = guestReplies.submit(input);
            held.ifPresent(reply -> GuestSession.add(request, reply.getId()));
            response.setStatus(HttpServletResponse.SC_SEE_OTHER);
            response.setHeader("Location", Links.local(request.getContextPath() + "/topic?id=" + topicId + "&page=last"
                    + held.map(reply -> "#g" + reply.getId()).orElse("")));
        } catch (NotFoundException e) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
        } catch (ForumException e) {
            TopicPageForms.refusedStatus(response, e);
            request.setAttribute(RETURNED, new Returned(name, email, body, e));
            request.getRequestDispatcher("/topic?id=" + topicId + "&page=last").forward(request, response);
        }
    }
}
