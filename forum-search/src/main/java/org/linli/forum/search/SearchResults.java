package org.linli.forum.search;

import java.time.Instant;
import java.util.List;

/**
 * A page of results grouped by topic: for each topic its best-matching post (by the order asked
 * for), a snippet of that post with the matched words marked, and how many of the topic's
 * posts match. {@code totalPosts} counts every matching post; topics are grouped from the best
 * {@link PostIndex#GROUPING_WINDOW} posts. {@code relaxed}: no post matched enough of the
 * query's words, and these are the posts that match any of them. {@code suggestion}: when
 * the query found little, the same query with its unknown English words spelled as the posts
 * spell them, or null.
 */
public record SearchResults(List<TopicHit> hits, long totalPosts, int totalTopics, int page, int pageSize,
                            boolean relaxed, String suggestion) {

    /** One topic in the results. {@code snippetHtml} is escaped text with {@code <mark>} around matches. */
    public record TopicHit(long topicId, long boardId, String topicTitle, long postId, int postNumber,
                           String author, Instant created, String snippetHtml, long matchingPosts) {
    }

    public SearchResults {
        hits = List.copyOf(hits);
    }

    public static SearchResults empty(int page, int pageSize) {
        return new SearchResults(List.of(), 0, 0, page, pageSize, false, null);
    }

    public int totalPages() {
        return Math.max(1, (totalTopics + pageSize - 1) / pageSize);
    }
}
