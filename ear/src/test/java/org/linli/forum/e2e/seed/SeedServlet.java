package org.linli.forum.e2e.seed;

import jakarta.ejb.EJB;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.linli.forum.board.BoardService;
import org.linli.forum.common.ForumException;
import org.linli.forum.it.As;
import org.linli.forum.post.Post;
import org.linli.forum.post.PostService;
import org.linli.forum.topic.TopicService;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Callable;

/**
 * Test-only: feeds many texts through the forum's real services in one request, as the demo
 * staff member (administrator for boards), for tests that then read the pages in a browser.
 * Deployed beside the EAR by the tests, never part of it. Each input line gives one output line:
 * "ok id number" or "refused messageKey".
 * <ul>
 *     <li>POST /seed/board?name=… creates a board;</li>
 *     <li>POST /seed/topics?board=… starts a topic per line, the line as its title;</li>
 *     <li>POST /seed/replies?topic=… replies once per line, the line as the body.</li>
 * </ul>
 */
@WebServlet("/seed/*")
public class SeedServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @EJB(lookup = "java:global/linli-forum/forum-ejb/BoardService!org.linli.forum.board.BoardService")
    private BoardService boards;

    @EJB(lookup = "java:global/linli-forum/forum-ejb/TopicService!org.linli.forum.topic.TopicService")
    private TopicService topics;

    @EJB(lookup = "java:global/linli-forum/forum-ejb/PostService!org.linli.forum.post.PostService")
    private PostService posts;

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setContentType("text/plain;charset=UTF-8");
        PrintWriter out = response.getWriter();
        String operation = String.valueOf(request.getPathInfo());
        try {
            if (operation.equals("/board")) {
                out.println("ok " + As.member("admin", "ADMIN", () -> boards.createBoard(request.getParameter("name"), "")).getId());
                return;
            }
            String body = new String(request.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            long target = Long.parseLong(request.getParameter(operation.equals("/topics") ? "board" : "topic"));
            for (String line : body.split("\n", -1)) {
                Callable<Post> post = operation.equals("/topics")
                        ? () -> topics.startTopic(target, line, "XSS title probe")
                        : () -> posts.reply(target, line);
                out.println(seed(post));
            }
        } catch (Exception e) {
            response.setStatus(500);
            out.println("error " + e);
        }
    }

    private static String seed(Callable<Post> post) throws Exception {
        try {
            Post created = As.member("staff", "STAFF", post);
            return "ok " + (created.getNumber() == 1 ? created.getTopic().getId() : created.getId()) + " " + created.getNumber();
        } catch (ForumException refused) {
            return "refused " + refused.getMessageKey();
        }
    }
}
