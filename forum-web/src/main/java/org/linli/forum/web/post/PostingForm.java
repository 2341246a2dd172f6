package org.linli.forum.web.post;

import jakarta.ejb.EJB;
import org.linli.forum.post.Post;
import org.linli.forum.post.PostService;
import org.linli.forum.web.common.FormActions;
import org.linli.forum.web.common.Links;

import java.io.IOException;
import java.io.Serializable;
import java.util.function.Supplier;

/**
 * What the posting forms (new topic, reply, edit) share: the body being written, its preview,
 * and sending it: on success to the post, on a refusal back to the form with everything typed
 * and a message saying what to change.
 */
abstract class PostingForm implements Serializable {

    private static final long serialVersionUID = 1L;

    @EJB
    private transient PostService postService;

    private final PreviewPanel preview = new PreviewPanel();

    private String body;

    public void preview() {
        preview.show(postService, body);
    }

    /** Where a form that creates a post sent it, once it has: the view (and this bean) may be posted again. */
    private String sentTo;

    /** Runs the use case that stores the post, then shows it. */
    protected void send(Supplier<Post> store) throws IOException {
        FormActions.run("form", () -> Links.post(store.get()));
    }

    /**
     * Like {@link #send}, for a form that creates a post: the same form sent twice (a double
     * click, a reload that resends, a replayed request) creates one post, and the second sending
     * is shown that post. The bean lives as long as the view, so its view state is the key;
     * synchronized, so that two sendings at once cannot both create.
     */
    protected synchronized void sendOnce(Supplier<Post> store) throws IOException {
        if (sentTo != null) {
            Links.redirect(sentTo);
            return;
        }
        FormActions.run("form", () -> {
            sentTo = Links.post(store.get());
            return sentTo;
        });
    }

    public PreviewPanel getPreview() {
        return preview;
    }

    public String getBody() {
        return body;
    }

    public void setBody(String body) {
        this.body = body;
    }
}
