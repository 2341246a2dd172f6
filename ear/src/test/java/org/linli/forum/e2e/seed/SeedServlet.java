package org.linli.forum.e2e.seed;

import jakarta.ejb.EJB;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.linli.forum.board.BoardKind;
import org.linli.forum.board.BoardService;
import org.linli.forum.common.ForumException;
import org.linli.forum.common.StatementCount;
import org.linli.forum.it.As;
import org.linli.forum.member.Member;
import org.linli.forum.member.MemberService;
import org.linli.forum.member.Registration;
import org.linli.forum.member.Role;
import org.linli.forum.moderation.ModerationService;
import org.linli.forum.post.Post;
import org.linli.forum.post.PostService;
import org.linli.forum.topic.Topic;
import org.linli.forum.topic.TopicService;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.concurrent.Callable;

/**
 * Test-only: feeds many texts through the forum's real services in one request, as the demo
 * staff member (administrator for boards), for tests that then read the pages in a browser.
 * Deployed beside the EAR by the tests, never part of it. Each input line gives one output line:
 * "ok id number" or "refused messageKey".
 * <ul>
 *     <li>POST /seed/board?name=…&amp;kind=… creates a board (of a kind: DISCUSSION unless given);</li>
 *     <li>POST /seed/topics?board=… starts a topic per line, the line as its title;</li>
 *     <li>POST /seed/replies?topic=… replies once per line, the line as the body;</li>
 *     <li>POST /seed/member?name=…&amp;role=…&amp;board=… registers a member (password "password-" + name) with a role;</li>
 *     <li>POST /seed/suspend?name=… suspends a member for a day; /seed/hide?post=… hides a post;
 *         /seed/lock?topic=… locks a topic;</li>
 *     <li>POST /seed/state?topic=…|post=…|member=… describes it: "locked=… pinned=… hidden=… board=…" and so on;</li>
 *     <li>POST /seed/setting?name=linli.flood.interval&amp;value=… changes the flood interval of the running server;</li>
 *     <li>POST /seed/statements?probe=… how many SQL statements the request with that X-Linli-Probe header ran.</li>
 * </ul>
 */
@WebServlet("/seed/*")
public class SeedServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @jakarta.annotation.Resource(lookup = "java:jboss/datasources/LinliDS")
    private javax.sql.DataSource database;

    @EJB(lookup = "java:global/linli-forum/forum-ejb/BoardService!org.linli.forum.board.BoardService")
    private BoardService boards;

    @EJB(lookup = "java:global/linli-forum/forum-ejb/TopicService!org.linli.forum.topic.TopicService")
    private TopicService topics;

    @EJB(lookup = "java:global/linli-forum/forum-ejb/PostService!org.linli.forum.post.PostService")
    private PostService posts;

    @EJB(lookup = "java:global/linli-forum/forum-ejb/MemberService!org.linli.forum.member.MemberService")
    private MemberService members;

    @EJB(lookup = "java:global/linli-forum/forum-ejb/ModerationService!org.linli.forum.moderation.ModerationService")
    private ModerationService moderation;

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setContentType("text/plain;charset=UTF-8");
        PrintWriter out = response.getWriter();
        String operation = String.valueOf(request.getPathInfo());
        try {
            if (operation.equals("/board")) {
                String kind = request.getParameter("kind");
                out.println("ok " + As.member("admin", "ADMIN", () -> boards.createBoard(request.getParameter("name"), "",
                        kind == null ? BoardKind.DISCUSSION : BoardKind.valueOf(kind))).getId());
                return;
            }
            String answer = administer(operation, request);
            if (answer != null) {
                out.println(answer);
                return;
            }
            String body = new String(request.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            long target = Long.parseLong(request.getParameter(operation.equals("/topics") ? "board" : "topic"));
            for (String line : body.split("\n", -1)) {
                Callable<Post> post = operation.equals("/topics")
                        ? () -> posts.startTopic(target, line, "XSS title probe")
                        : () -> posts.reply(target, line);
                out.println(seed(post));
            }
        } catch (Exception e) {
            response.setStatus(500);
            out.println("error " + e);
        }
    }

    /** The operations on members, moderation and settings; null for the posting ones. */
    private String administer(String operation, HttpServletRequest request) throws Exception {
        String name = request.getParameter("name");
        switch (operation) {
            case "/member" -> {
                Member member = members.register(new Registration(name, name + "@example.org", "password-" + name));
                Role role = Role.valueOf(request.getParameter("role"));
                String board = request.getParameter("board");
                Set<Long> boardIds = board == null || board.isEmpty() ? Set.of() : Set.of(Long.parseLong(board));
                if (role != Role.RESIDENT) {
                    As.member("admin", "ADMIN", () -> members.changeRole(member.getId(), role, boardIds));
                }
                return "ok " + member.getId();
            }
            case "/suspend" -> {
                long id = members.findByUsername(name).orElseThrow().getId();
                As.member("admin", "ADMIN", () -> moderation.suspend(id, Instant.now().plus(Duration.ofDays(1)), "end-to-end test"));
                return "ok " + id;
            }
            case "/lock" -> {
                long topic = Long.parseLong(request.getParameter("topic"));
                As.member("admin", "ADMIN", () -> moderation.lock(topic, "end-to-end test"));
                return "ok " + topic;
            }
            case "/address" -> {
                // Where an email address is stored: the members' rows and the mail outbox.
                String address = request.getParameter("value");
                try (java.sql.Connection connection = database.getConnection();
                     java.sql.PreparedStatement query = connection.prepareStatement("""
                             select (select count(*) from forum_member where lower(email) = lower(?) or email_key = lower(?))
                                  + (select count(*) from mail_outbox where lower(to_address) = lower(?))""")) {
                    query.setString(1, address);
                    query.setString(2, address);
                    query.setString(3, address);
                    try (java.sql.ResultSet rows = query.executeQuery()) {
                        rows.next();
                        return "ok " + rows.getLong(1);
                    }
                }
            }
            case "/guests" -> {
                long board = Long.parseLong(request.getParameter("board"));
                As.member("admin", "ADMIN", () -> boards.allowGuestReplies(board, true));
                return "ok " + board;
            }
            case "/hide" -> {
                long post = Long.parseLong(request.getParameter("post"));
                As.member("admin", "ADMIN", () -> moderation.hidePost(post, "end-to-end test"));
                return "ok " + post;
            }
            case "/state" -> {
                return As.member("admin", "ADMIN", () -> state(request));
            }
            case "/statements" -> {
                // The client may have its response before the request's filter has noted the count.
                Integer count = null;
                for (int i = 0; i < 100 && count == null; i++) {
                    count = StatementCount.probed(request.getParameter("probe"));
                    if (count == null) {
                        Thread.sleep(20);
                    }
                }
                return String.valueOf(count);
            }
            case "/setting" -> {
                if (!"linli.flood.interval".equals(name)) {
                    throw new IllegalArgumentException("only linli.flood.interval");
                }
                System.setProperty(name, request.getParameter("value"));
                return "ok";
            }
            default -> {
                return null;
            }
        }
    }

    private String state(HttpServletRequest request) {
        if (request.getParameter("topic") != null) {
            Topic topic = topics.getTopic(Long.parseLong(request.getParameter("topic")));
            return "locked=" + topic.isLocked() + " pinned=" + topic.isPinned() + " hidden=" + topic.isHidden()
                    + " board=" + topic.getBoard().getId() + " replies=" + topic.getReplyCount();
        }
        if (request.getParameter("post") != null) {
            Post post = posts.getPost(Long.parseLong(request.getParameter("post")));
            return "hidden=" + post.isHidden() + " edited=" + post.isEdited();
        }
        Member member = members.getMember(members.findByUsername(request.getParameter("member")).orElseThrow().getId());
        return "suspended=" + member.isSuspended(Instant.now()) + " role=" + member.getRole();
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
