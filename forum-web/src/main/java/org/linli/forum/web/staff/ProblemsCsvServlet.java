package org.linli.forum.web.staff;

import jakarta.ejb.EJB;
import jakarta.ejb.EJBAccessException;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.linli.forum.common.ForumSettings;
import org.linli.forum.common.NotFoundException;
import org.linli.forum.common.NotPermittedException;
import org.linli.forum.member.NotSignedInException;
import org.linli.forum.problem.DashboardService;
import org.linli.forum.topic.Topic;

import java.io.IOException;
import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

/**
 * The waiting problems of the dashboard as CSV, with the dashboard's filters: UTF-8 with a byte
 * order mark (so spreadsheet programs read Chinese right), RFC 4180 quoting, and no cell that a
 * spreadsheet would run as a formula. The service checks who may have it.
 */
@WebServlet("/staff/problems.csv")
public class ProblemsCsvServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @EJB
    private DashboardService dashboardService;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        List<Topic> problems;
        try {
            problems = dashboardService.waitingProblems(DashboardBacking.boardId(request.getParameter("board")),
                    DashboardBacking.waitingStatus(request.getParameter("status")));
        } catch (NotFoundException | NotPermittedException | NotSignedInException | EJBAccessException e) {
            // Not for this reader is, to them, not there.
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        response.setContentType("text/csv; charset=UTF-8");
        response.setHeader("Content-Disposition",
                "attachment; filename=\"linli-problems-" + LocalDate.now(ZoneOffset.UTC) + ".csv\"");
        response.setHeader("Cache-Control", "no-store");
        PrintWriter out = response.getWriter();
        out.write('\uFEFF');
        out.write("topic_id,board,title,author,status,reported_at_utc,age_days,last_activity_utc,link\r\n");
        String base = ForumSettings.baseUrl();  // never the Host header, which anyone can set
        Instant now = Instant.now();
        for (Topic topic : problems) {
            out.write(String.join(",",
                    Long.toString(topic.getId()),
                    cell(topic.getBoard().getName()),
                    cell(topic.getTitle()),
                    cell(topic.getAuthor().getUsername()),
                    topic.getProblemStatus().name(),
                    topic.getCreatedAt().toString(),
                    Long.toString(Duration.between(topic.getCreatedAt(), now).toDays()),
                    topic.getLastPostAt().toString(),
                    cell(base + "/topic?id=" + topic.getId())));
            out.write("\r\n");
        }
    }

    /**
     * One text cell: quoted, quotes doubled; a leading = + - @ (or tab, or carriage return)
     * gets a ' first, so a title like =HYPERLINK(...) stays text in a spreadsheet.
     */
    static String cell(String text) {
        String safe = !text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0 ? "'" + text : text;
        return "\"" + safe.replace("\"", "\"\"") + "\"";
    }
}
