package org.linli.forum.web.post;

import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Named;
import org.linli.forum.post.Post;
import org.linli.forum.post.PostAction;
import org.linli.forum.post.PostService;
import org.linli.forum.web.common.PageParameters;

import java.io.IOException;

/** The edit form of a post, for its author and for moderators. */
@Named
@ViewScoped
public class EditBacking extends PostingForm {

    private static final long serialVersionUID = 1L;

    @EJB
    private PostService postService;

    private String postParam;
    private Post post;

    public void load() {
        if (post != null) {
            return;
        }
        post = postService.getPostTo(PostAction.EDIT, PageParameters.id("post", postParam));
        setBody(post.getSource());
    }

    public void submit() throws IOException {
        send(() -> postService.edit(post.getId(), getBody(), attachedIds()));
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
