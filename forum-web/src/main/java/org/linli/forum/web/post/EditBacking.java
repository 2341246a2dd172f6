package org.linli.forum.web.post;

import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.linli.forum.common.ForumException;
import org.linli.forum.common.NotFoundException;
import org.linli.forum.content.ContentService;
import org.linli.forum.post.Post;
import org.linli.forum.post.PostService;
import org.linli.forum.security.Permissions;
import org.linli.forum.web.common.Links;
import org.linli.forum.web.common.PageParameters;
import org.linli.forum.web.i18n.Messages;
import org.linli.forum.web.security.SignedInMember;

import java.io.IOException;
import java.io.Serializable;

/** The edit form of a post, for its author and for moderators. */
@Named
@ViewScoped
public class EditBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    @EJB
    private transient PostService postService;

    @EJB
    private transient ContentService contentService;

    @Inject
    private transient SignedInMember me;

    private final PreviewPanel preview = new PreviewPanel();

    private String postParam;
    private Post post;
    private String body;

    public void load() {
        if (post != null) {
            return;
        }
        post = postService.getPost(PageParameters.id("post", postParam));
        if (!Permissions.canEdit(me.getMember(), post)) {
            // Someone else's post is, to this reader, not there to edit.
            throw new NotFoundException("post", postParam);
        }
        body = post.getSource();
    }

    public void preview() {
        preview.show(contentService, body);
    }

    public void submit() throws IOException {
        try {
            Links.redirect(Links.post(postService.edit(post.getId(), body)));
        } catch (ForumException e) {
            Messages.show("form", e);
        }
    }

    public PreviewPanel getPreview() {
        return preview;
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

    public String getBody() {
        return body;
    }

    public void setBody(String body) {
        this.body = body;
    }
}
