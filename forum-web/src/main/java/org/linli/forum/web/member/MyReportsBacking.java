package org.linli.forum.web.member;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Named;
import org.linli.forum.moderation.Report;
import org.linli.forum.moderation.ReportService;

import java.util.List;

/** A member's own reports and what the moderators made of them. */
@Named
@RequestScoped
public class MyReportsBacking {

    @EJB
    private ReportService reportService;

    private List<Report> reports;

    public List<Report> getReports() {
        if (reports == null) {
            reports = reportService.myReports();
        }
        return reports;
    }
}
