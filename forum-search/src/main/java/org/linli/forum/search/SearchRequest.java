package org.linli.forum.search;

import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Set;

/**
 * One search: the text as typed, the order, the page, and what the searcher may see:
 * {@code readableBoards} (null for every board) and whether hidden posts count. Dates typed in
 * the query are days in {@code zone}: the forum passes its community's; without one, UTC.
 */
public record SearchRequest(String query, Order order, int page, int pageSize, Set<Long> readableBoards,
                            boolean includeHidden, ZoneId zone) {

    public enum Order { RELEVANCE, NEWEST }

    public SearchRequest {
        order = order == null ? Order.RELEVANCE : order;
        page = Math.max(1, page);
        pageSize = Math.max(1, Math.min(100, pageSize));
        readableBoards = readableBoards == null ? null : Set.copyOf(readableBoards);
        zone = zone == null ? ZoneOffset.UTC : zone;
    }

    public static SearchRequest of(String query) {
        return new SearchRequest(query, Order.RELEVANCE, 1, 20, null, false, null);
    }

    public SearchRequest withOrder(Order newOrder) {
        return new SearchRequest(query, newOrder, page, pageSize, readableBoards, includeHidden, zone);
    }

    public SearchRequest withHidden(boolean hidden) {
        return new SearchRequest(query, order, page, pageSize, readableBoards, hidden, zone);
    }

    public SearchRequest withReadableBoards(Set<Long> boards) {
        return new SearchRequest(query, order, page, pageSize, boards, includeHidden, zone);
    }
}
