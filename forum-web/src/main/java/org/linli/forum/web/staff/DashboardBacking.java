package org.linli.forum.web.staff;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Named;
import org.linli.forum.problem.Dashboard;
import org.linli.forum.problem.DashboardService;
import org.linli.forum.topic.ProblemStatus;
import org.linli.forum.topic.Topic;
import org.linli.forum.web.common.PageParameters;
import org.linli.forum.web.i18n.Messages;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * The problems dashboard: filters by board and status from a GET form (so every view is a link,
 * and the CSV link carries the same filters).
 */
@Named
@RequestScoped
public class DashboardBacking {

    @EJB
    private DashboardService dashboardService;

    private String board;
    private String status;
    private Dashboard dashboard;

    public void load() {
        dashboard = dashboardService.dashboard(boardId(board), waitingStatus(status));
    }

    static Long boardId(String raw) {
        return raw == null || raw.isBlank() ? null : PageParameters.id("board", raw);
    }

    /** OPEN or ACKNOWLEDGED; anything else means both. */
    static ProblemStatus waitingStatus(String raw) {
        if ("OPEN".equals(raw)) {
            return ProblemStatus.OPEN;
        }
        return "ACKNOWLEDGED".equals(raw) ? ProblemStatus.ACKNOWLEDGED : null;
    }

    /** Whole days since the problem was reported. */
    public long ageDays(Topic topic) {
        return Duration.between(topic.getCreatedAt(), Instant.now()).toDays();
    }

    /** "3 days 4 hours" in the reader's language; a dash for none. */
    public String duration(Duration duration) {
        if (duration == null) {
            return "—";
        }
        return Messages.text("dashboard.duration", duration.toDays(), duration.toHoursPart(), duration.toMinutesPart());
    }

    public List<ProblemStatus> getStatuses() {
        return List.of(ProblemStatus.values());
    }

    public Dashboard getDashboard() {
        return dashboard;
    }

    public String getBoard() {
        return board;
    }

    public void setBoard(String board) {
        this.board = board;
    }

    public String getStatus() {
        return status;
    }

    public void setStatus(String status) {
        this.status = status;
    }
}
