package org.linli.forum.web.post;

import org.linli.forum.common.ForumException;
import org.linli.forum.post.PostService;
import org.linli.forum.web.i18n.Messages;

import java.io.Serializable;
import java.util.List;

/**
 * The preview under a posting form: the body rendered by the same renderer and policy as
 * posting, by a round trip to the server, so it works without JavaScript.
 */
public class PreviewPanel implements Serializable {

    private static final long serialVersionUID = 1L;

    private String html;

    public void show(PostService postService, String body, List<Long> pictureIds) {
        try {
            html = postService.preview(body, pictureIds);
        } catch (ForumException e) {
            html = null;
            Messages.show("form", e);
        }
    }

    /** The previewed HTML, already safe; null when there is nothing to show. */
    public String getHtml() {
        return html;
    }
}
