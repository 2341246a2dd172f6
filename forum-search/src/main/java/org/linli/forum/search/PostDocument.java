package org.linli.forum.search;

import java.time.Instant;
import java.util.Objects;

/**
 * A post as the index knows it. {@code body} is plain text (the forum extracts it from the safe
 * HTML); {@code visible} is false when the post or its topic is hidden, and such posts are found
 * only by searches that ask for hidden content.
 */
public record PostDocument(long postId, long topicId, long boardId, int postNumber, String author,
                           String topicTitle, String body, Instant created, boolean visible) {

    public PostDocument {
        Objects.requireNonNull(author);
        Objects.requireNonNull(topicTitle);
        Objects.requireNonNull(body);
        Objects.requireNonNull(created);
    }
}
