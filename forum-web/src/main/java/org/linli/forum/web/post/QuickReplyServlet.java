package org.linli.forum.web.post;

import jakarta.ejb.EJB;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.linli.forum.common.ForumException;
import org.linli.forum.post.Post;
import org.linli.forum.post.PostService;
import org.linli.forum.web.common.Links;
import org.linli.forum.web.post.TopicPageForms.Returned;

import java.io.IOException;
import java.io.Serializable;
import java.time.Duration;
import java.time.Instant;

/**
 * The quick reply under a topic's posts: send (as the official answer too, for staff on a
 * problem board) or preview, without leaving the topic. The separate reply page stays for long
 * answers. Sending the same text to the same topic again within a minute (a double click, a
 * reload that resends) shows the post already made instead of refusing it as a repeat.
 */
@WebServlet(urlPatterns = "/post/quick-reply")
public class QuickReplyServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    private static final String LAST_SENT = QuickReplyServlet.class.getName() + ".lastSent";
    private static final Duration RESEND_WINDOW = Duration.ofMinutes(1);

    @EJB
    private transient PostService postService;

    /** The member's last quick reply, kept in the session to recognise the same form sent twice. */
    private record Sent(long topicId, String body, String link, Instant at) implements Serializable {
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException, ServletException {
        long topicId = TopicPageForms.topicOf(request, response);
        if (topicId == 0) {
            return;
        }
        String body = request.getParameter("body");
        boolean official = request.getParameter("official") != null;
        if (request.getParameter("preview") != null) {
            preview(request, response, topicId, body, official);
            return;
        }
        HttpSession session = request.getSession();
        if (session.getAttribute(LAST_SENT) instanceof Sent last && last.topicId() == topicId && last.body().equals(body)
                && last.at().plus(RESEND_WINDOW).isAfter(Instant.now())) {
            TopicPageForms.redirect(request, response, last.link());
            return;
        }
        try {
            Post post = postService.reply(topicId, body, official);
            String link = Links.post(post);
            session.setAttribute(LAST_SENT, new Sent(topicId, body, link, Instant.now()));
            TopicPageForms.redirect(request, response, link);
        } catch (ForumException e) {
            TopicPageForms.refuse(request, response, topicId, new Returned("reply", body, official, null, e, null));
        }
    }

    private void preview(HttpServletRequest request, HttpServletResponse response, long topicId, String body, boolean official)
            throws IOException, ServletException {
        try {
            String html = postService.preview(body);
            TopicPageForms.back(request, response, topicId, new Returned("reply", body, official, null, null, html));
        } catch (ForumException e) {
            TopicPageForms.refuse(request, response, topicId, new Returned("reply", body, official, null, e, null));
        }
    }
}
