package org.linli.forum.web.common;

import org.linli.forum.post.Post;

/** The forum's bookmarkable URLs, built in one place. */
public final class Links {

    private Links() {
    }

    public static String topic(long topicId, int page) {
        return "/topic?id=" + topicId + (page > 1 ? "&page=" + page : "");
    }

    /** The topic page that shows the post, scrolled to it. */
    public static String post(Post post) {
        return topic(post.getTopic().getId(), post.pageInTopic()) + "#p" + post.getNumber();
    }
}
