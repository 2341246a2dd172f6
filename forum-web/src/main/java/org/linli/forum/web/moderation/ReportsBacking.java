package org.linli.forum.web.moderation;

import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Named;
import org.linli.forum.common.Page;
import org.linli.forum.moderation.ModerationService;
import org.linli.forum.moderation.Report;
import org.linli.forum.moderation.ReportService;
import org.linli.forum.web.common.FormActions;
import org.linli.forum.web.common.PageParameters;
import org.linli.forum.web.common.Pager;

import java.io.IOException;
import java.io.Serializable;
import java.util.HashMap;
import java.util.Map;

/**
 * The report queue of the boards the reader moderates, oldest first. Each report is resolved by
 * hiding its post or dismissing it, with a note its reporter will read.
 */
@Named
@ViewScoped
public class ReportsBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    @EJB
    private ReportService reportService;

    @EJB
    private ModerationService moderationService;

    private String page;
    private Page<Report> reports;
    private final HashMap<Long, String> notes = new HashMap<>();

    public void load() {
        reports = reportService.queue(PageParameters.page(page));
    }

    public void hidePost(long reportId) throws IOException {
        FormActions.run("queue", () -> {
            moderationService.hideReportedPost(reportId, notes.get(reportId));
            return "/mod/reports";
        });
    }

    public void dismiss(long reportId) throws IOException {
        FormActions.run("queue", () -> {
            moderationService.dismissReport(reportId, notes.get(reportId));
            return "/mod/reports";
        });
    }

    public Pager getPager() {
        return reports == null ? Pager.NONE : new Pager(reports);
    }

    public Page<Report> getReports() {
        return reports;
    }

    public Map<Long, String> getNotes() {
        return notes;
    }

    public String getPage() {
        return page;
    }

    public void setPage(String page) {
        this.page = page;
    }
}
