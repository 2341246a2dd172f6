package org.linli.forum.web.post;

import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Named;
import org.linli.forum.post.Post;
import org.linli.forum.post.PostAction;
import org.linli.forum.post.PostService;
import org.linli.forum.problem.ProblemService;
import org.linli.forum.web.common.FormActions;
import org.linli.forum.web.common.Links;
import org.linli.forum.web.common.PageParameters;

import java.io.IOException;
import java.io.Serializable;

/** Staff mark a staff reply as the topic's official answer, or take the mark away. */
@Named
@ViewScoped
public class OfficialBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    @EJB
    private PostService postService;

    @EJB
    private ProblemService problemService;

    private String postParam;
    private long postId;
    private long topicId;
    private Post post;
    private boolean official;

    public void load() {
        post = postService.getPostTo(PostAction.MARK_OFFICIAL, PageParameters.id("post", postParam));
        postId = post.getId();
        topicId = post.getTopic().getId();
        official = post.getId().equals(post.getTopic().getOfficialAnswerId());
    }

    public void mark() throws IOException {
        FormActions.run("form", () -> {
            problemService.markOfficial(postId);
            return Links.topic(topicId, 1) + "#officialAnswer";
        });
    }

    public void unmark() throws IOException {
        FormActions.run("form", () -> {
            problemService.unmarkOfficial(topicId);
            return Links.topic(topicId, 1);
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

    public boolean isOfficial() {
        return official;
    }
}
