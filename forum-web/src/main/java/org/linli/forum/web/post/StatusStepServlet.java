package org.linli.forum.web.post;

import jakarta.ejb.EJB;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.linli.forum.common.ForumException;
import org.linli.forum.common.InvalidInputException;
import org.linli.forum.problem.ProblemService;
import org.linli.forum.topic.ProblemStatus;
import org.linli.forum.web.post.TopicPageForms.Returned;

import java.io.IOException;
import java.util.Arrays;

/**
 * The next step of a reported problem, from its topic page: staff acknowledge it, or resolve it
 * with a note; its author reopens it. The full status page stays for any other move.
 */
@WebServlet(urlPatterns = "/post/status-step")
public class StatusStepServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @EJB
    private transient ProblemService problemService;

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException, ServletException {
        long topicId = TopicPageForms.topicOf(request, response);
        if (topicId == 0) {
            return;
        }
        String note = request.getParameter("note");
        try {
            problemService.changeStatus(topicId, status(request.getParameter("to")), note);
            TopicPageForms.redirect(request, response, "/topic?id=" + topicId + "&page=last#problemStatus");
        } catch (ForumException e) {
            TopicPageForms.refuse(request, response, topicId, new Returned("status", null, false, note, e, null));
        }
    }

    /** The status asked for; anything else is a move that does not exist. */
    private static ProblemStatus status(String given) {
        return Arrays.stream(ProblemStatus.values()).filter(s -> s.name().equals(given)).findFirst()
                .orElseThrow(() -> new InvalidInputException("status", "error.status.transition"));
    }
}
