package org.linli.forum.web.post;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Named;
import org.linli.forum.post.PostService;
import org.linli.forum.web.common.Links;
import org.linli.forum.web.common.PageParameters;

import java.io.IOException;

/**
 * A post's permanent address, /p?id=…, as quotes link to it: sends the reader to the page of its
 * topic that shows it, however long the topic has grown since.
 */
@Named
@RequestScoped
public class PostLinkBacking {

    @EJB
    private PostService postService;

    private String id;

    public void go() throws IOException {
        Links.redirect(Links.post(postService.getPost(PageParameters.id("post", id))));
    }

    public String getId() {
        return id;
    }

    public void setId(String id) {
        this.id = id;
    }
}
