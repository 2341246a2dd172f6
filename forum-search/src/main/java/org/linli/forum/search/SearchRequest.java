package org.linli.forum.search;

import org.linli.forum.search.query.UserQuery;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Set;

/**
 * One search: the text as typed, the filters chosen in the form, the order, the page, and what
 * the searcher may see:
 * {@code readableBoards} (null for every board) and whether hidden posts count. Dates typed in
 * the query are days in {@code zone}: the forum passes its community's; without one, UTC.
 */
public record SearchRequest(String query, Filters filters, Order order, int page, int pageSize, Set<Long> readableBoards,
                            boolean includeHidden, ZoneId zone) {

    public enum Order { RELEVANCE, NEWEST }

    /**
     * The search form's filters, typed as chosen, each null when not chosen: they narrow the
     * search as well as any filter written in the text. An author is a whole username, spaces
     * and all; {@code from} and {@code to} are days, both included.
     */
    public record Filters(Long board, String author, LocalDate from, LocalDate to) {

        public static final Filters NONE = new Filters(null, null, null, null);

        public Filters {
            author = author == null || author.isBlank() ? null : author.strip();
            from = from == null ? null : UserQuery.clamp(from);
            to = to == null ? null : UserQuery.clamp(to);
        }

        public boolean any() {
            return board != null || author != null || from != null || to != null;
        }
    }

    /** A search without form filters. */
    public SearchRequest(String query, Order order, int page, int pageSize, Set<Long> readableBoards, boolean includeHidden,
                         ZoneId zone) {
        this(query, Filters.NONE, order, page, pageSize, readableBoards, includeHidden, zone);
    }

    public SearchRequest {
        query = query == null ? "" : query;
        filters = filters == null ? Filters.NONE : filters;
        order = order == null ? Order.RELEVANCE : order;
        page = Math.max(1, page);
        pageSize = Math.max(1, Math.min(100, pageSize));
        readableBoards = readableBoards == null ? null : Set.copyOf(readableBoards);
        zone = zone == null ? ZoneOffset.UTC : zone;
    }

    public static SearchRequest of(String query) {
        return new SearchRequest(query, Order.RELEVANCE, 1, 20, null, false, null);
    }

    public SearchRequest withFilters(Filters chosen) {
        return new SearchRequest(query, chosen, order, page, pageSize, readableBoards, includeHidden, zone);
    }

    public SearchRequest withPage(int number) {
        return new SearchRequest(query, filters, order, number, pageSize, readableBoards, includeHidden, zone);
    }

    public SearchRequest withOrder(Order newOrder) {
        return new SearchRequest(query, filters, newOrder, page, pageSize, readableBoards, includeHidden, zone);
    }

    public SearchRequest withHidden(boolean hidden) {
        return new SearchRequest(query, filters, order, page, pageSize, readableBoards, hidden, zone);
    }

    public SearchRequest withReadableBoards(Set<Long> boards) {
        return new SearchRequest(query, filters, order, page, pageSize, boards, includeHidden, zone);
    }
}
