package org.linli.forum.web.post;

import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Named;
import org.linli.forum.post.Post;
import org.linli.forum.post.PostAction;
import org.linli.forum.post.PostService;
import org.linli.forum.web.common.FormActions;
import org.linli.forum.web.common.Links;
import org.linli.forum.web.common.PageParameters;

import java.io.IOException;
import java.io.Serializable;

/** The author confirms deleting their own post (a soft delete moderators can undo). */
@Named
@ViewScoped
public class DeleteBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    @EJB
    private PostService postService;

    private String postParam;
    private long postId;
    private Post post;

    public void load() {
        post = postService.getPostTo(PostAction.DELETE, PageParameters.id("post", postParam));
        postId = post.getId();
    }

    public void submit() throws IOException {
        FormActions.run("form", () -> {
            Post deleted = postService.delete(postId);
            // Deleting the opening post deleted the topic: back to its board, not to a missing page.
            return deleted.isOpening() ? Links.board(deleted.getTopic().getBoard().getId())
                    : Links.topic(deleted.getTopic().getId(), 1);
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
}
