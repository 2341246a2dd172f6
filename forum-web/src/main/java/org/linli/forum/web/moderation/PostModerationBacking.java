package org.linli.forum.web.moderation;

import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Named;
import org.linli.forum.moderation.ModerationService;
import org.linli.forum.post.Post;
import org.linli.forum.web.common.FormActions;
import org.linli.forum.web.common.Links;
import org.linli.forum.web.common.PageParameters;

import java.io.IOException;
import java.io.Serializable;

/** A post's moderation page: hide it, or restore it, with a reason. */
@Named
@ViewScoped
public class PostModerationBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    @EJB
    private ModerationService moderationService;

    private String id;
    private long postId;
    private Post post;
    private String reason;

    public void load() {
        post = moderationService.postToModerate(PageParameters.id("post", id));
        postId = post.getId();
    }

    public void hide() throws IOException {
        FormActions.run("form", () -> Links.post(moderationService.hidePost(postId, reason)));
    }

    public void restore() throws IOException {
        FormActions.run("form", () -> Links.post(moderationService.restorePost(postId, reason)));
    }

    public String getId() {
        return id;
    }

    public void setId(String id) {
        this.id = id;
    }

    public Post getPost() {
        return post;
    }

    public String getReason() {
        return reason;
    }

    public void setReason(String reason) {
        this.reason = reason;
    }
}
