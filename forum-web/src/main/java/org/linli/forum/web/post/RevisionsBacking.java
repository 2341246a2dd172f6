package org.linli.forum.web.post;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Named;
import org.linli.forum.common.NotFoundException;
import org.linli.forum.content.TextDiff;
import org.linli.forum.post.Post;
import org.linli.forum.post.PostRevision;
import org.linli.forum.post.PostService;
import org.linli.forum.web.common.PageParameters;

import java.util.List;

/**
 * Every version of a post and what changed between two of them (by default the last edit), for
 * moderators and staff. The service refuses anyone else, and they get a 404.
 */
@Named
@RequestScoped
public class RevisionsBacking {

    @EJB
    private PostService postService;

    private String postParam;
    private String fromParam;
    private String toParam;
    private Post post;
    private List<PostRevision> revisions;
    private PostRevision from;
    private PostRevision to;

    public void load() {
        long postId = PageParameters.id("post", postParam);
        revisions = postService.listRevisions(postId);
        post = postService.getPost(postId);
        if (revisions.size() < 2) {
            return;
        }
        to = revision(toParam, revisions.get(revisions.size() - 1));
        from = revision(fromParam, revisions.get(Math.max(0, revisions.indexOf(to) - 1)));
    }

    private PostRevision revision(String number, PostRevision fallback) {
        if (number == null || number.isBlank()) {
            return fallback;
        }
        long wanted = PageParameters.id("revision", number);
        return revisions.stream().filter(r -> r.getNumber() == wanted).findFirst()
                .orElseThrow(() -> new NotFoundException("revision", number));
    }

    public List<TextDiff.Line> getDiff() {
        return from == null ? List.of() : TextDiff.lines(from.getSource(), to.getSource());
    }

    public String getPostParam() {
        return postParam;
    }

    public void setPostParam(String postParam) {
        this.postParam = postParam;
    }

    public String getFromParam() {
        return fromParam;
    }

    public void setFromParam(String fromParam) {
        this.fromParam = fromParam;
    }

    public String getToParam() {
        return toParam;
    }

    public void setToParam(String toParam) {
        this.toParam = toParam;
    }

    public Post getPost() {
        return post;
    }

    public List<PostRevision> getRevisions() {
        return revisions;
    }

    public PostRevision getFrom() {
        return from;
    }

    public PostRevision getTo() {
        return to;
    }
}
