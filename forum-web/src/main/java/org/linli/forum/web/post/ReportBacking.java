package org.linli.forum.web.post;

import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Named;
import org.linli.forum.moderation.Report;
import org.linli.forum.moderation.ReportService;
import org.linli.forum.post.Post;
import org.linli.forum.post.PostAction;
import org.linli.forum.post.PostService;
import org.linli.forum.web.common.FormActions;
import org.linli.forum.web.common.PageParameters;

import java.io.IOException;
import java.io.Serializable;

/** Reporting a post to its moderators, with a reason. A second report of the same post shows the first. */
@Named
@ViewScoped
public class ReportBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    @EJB
    private PostService postService;

    @EJB
    private ReportService reportService;

    private String postParam;
    private long postId;
    private Post post;
    private Report earlier;
    private String reason;

    public void load() {
        post = postService.getPostTo(PostAction.REPORT, PageParameters.id("post", postParam));
        postId = post.getId();
        earlier = reportService.findMyReport(postId).orElse(null);
    }

    public void submit() throws IOException {
        FormActions.run("form", () -> {
            reportService.report(postId, reason);
            return "/member/reports";
        });
    }

    public String getPostParam() {
        return postParam;
    }

    public void setPostParam(String postParam) {
        this.postParam = postParam;
    }

    public Post getPost() {
        return post;
    }

    public Report getEarlier() {
        return earlier;
    }

    public String getReason() {
        return reason;
    }

    public void setReason(String reason) {
        this.reason = reason;
    }
}
