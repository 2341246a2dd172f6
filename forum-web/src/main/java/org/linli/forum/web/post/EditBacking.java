package org.linli.forum.web.post;

import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.linli.forum.common.NotFoundException;
import org.linli.forum.post.Post;
import org.linli.forum.post.PostService;
import org.linli.forum.security.Permissions;
import org.linli.forum.web.common.PageParameters;
import org.linli.forum.web.security.SignedInMember;

import java.io.IOException;

/** The edit form of a post, for its author and for moderators. */
@Named
@ViewScoped
public class EditBacking extends PostingForm {

    private static final long serialVersionUID = 1L;

    @EJB
    private transient PostService postService;

    @Inject
    private transient SignedInMember me;

    private String postParam;
    private Post post;

    public void load() {
        if (post != null) {
            return;
        }
        post = postService.getPost(PageParameters.id("post", postParam));
        if (!Permissions.canEdit(me.getMember(), post)) {
            // Someone else's post is, to this reader, not there to edit.
            throw new NotFoundException("post", postParam);
        }
        setBody(post.getSource());
    }

    public void submit() throws IOException {
        send(() -> postService.edit(post.getId(), getBody()));
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
