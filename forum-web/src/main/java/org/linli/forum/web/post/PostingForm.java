package org.linli.forum.web.post;

import jakarta.ejb.EJB;
import org.linli.forum.content.ContentService;
import org.linli.forum.post.Post;
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
    private transient ContentService contentService;

    private final PreviewPanel preview = new PreviewPanel();

    private String body;

    public void preview() {
        preview.show(contentService, body);
    }

    /** Runs the use case that stores the post, then shows it. */
    protected void send(Supplier<Post> store) throws IOException {
        FormActions.run("form", () -> Links.post(store.get()));
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
