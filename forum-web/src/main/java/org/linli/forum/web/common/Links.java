package org.linli.forum.web.common;

import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import org.linli.forum.post.Post;

import java.io.IOException;

/** The forum's bookmarkable URLs, built in one place, and the redirect to one of them. */
public final class Links {

    private Links() {
    }

    /** Ends this request with a redirect to a path of this site (POST, then redirect, then GET). */
    public static void redirect(String path) throws IOException {
        ExternalContext external = FacesContext.getCurrentInstance().getExternalContext();
        external.redirect(external.getRequestContextPath() + path);
    }

    public static String topic(long topicId, int page) {
        return "/topic?id=" + topicId + (page > 1 ? "&page=" + page : "");
    }

    /** The topic page that shows the post, scrolled to it. */
    public static String post(Post post) {
        return topic(post.getTopic().getId(), post.pageInTopic()) + "#p" + post.getNumber();
    }
}
