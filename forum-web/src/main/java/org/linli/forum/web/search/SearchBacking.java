package org.linli.forum.web.search;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.linli.forum.board.Board;
import org.linli.forum.board.BoardService;
import org.linli.forum.search.SearchRequest;
import org.linli.forum.search.SearchResults.TopicHit;
import org.linli.forum.search.SearchResults;
import org.linli.forum.sitesearch.SearchService;
import org.linli.forum.topic.TopicMarks;
import org.linli.forum.topic.TopicService;
import org.linli.forum.web.common.Pager;
import org.linli.forum.web.i18n.BoardTextBacking;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The search page: a bookmarkable GET (/search?q=…&board=…&author=…&from=…&to=…&sort=…&page=…)
 * that works without JavaScript. Filters it cannot read are ignored, never an error.
 */
@Named
@RequestScoped
public class SearchBacking {

    @EJB
    private SearchService searchService;

    @EJB
    private BoardService boardService;

    @EJB
    private TopicService topicService;

    @Inject
    private BoardTextBacking boardText;

    private String q;
    private String board;
    private String author;
    private String from;
    private String to;
    private String sort;
    private String page;
    private SearchResults results;
    private List<Board> boards;
    private Map<Long, TopicMarks> marks;

    public void load() {
        boards = boardService.listBoards();
        if (isBlank(q) && isBlank(author)) {
            return;
        }
        results = searchService.search(SearchRequest.of(q)
                .withFilters(new SearchRequest.Filters(number(board), author, date(from), date(to)))
                .withOrder("newest".equals(sort) ? SearchRequest.Order.NEWEST : SearchRequest.Order.RELEVANCE)
                .withPage(Math.max(1, Math.min(50, number(page) == null ? 1 : number(page).intValue()))));
    }

    public boolean isSearched() {
        return results != null;
    }

    public Map<Long, String> getBoardNames() {
        return boards.stream().collect(Collectors.toMap(Board::getId, boardText::name, (a, b) -> a));
    }

    /** The status and official-answer marks of the topics on this page of results. */
    public Map<Long, TopicMarks> getMarks() {
        if (marks == null) {
            marks = results == null ? Map.of() : topicService.marksOf(results.hits().stream().map(TopicHit::topicId).distinct().toList());
        }
        return marks;
    }

    public Pager getPager() {
        return results == null ? Pager.NONE : new Pager(results.page(), results.totalPages());
    }

    /** This search's address without the page number, for the pager. */
    public String getPageBase() {
        return address(q) + "&page=";
    }

    /** The same search with the suggested spelling, for "did you mean"; null without one. */
    public String getSuggestionUrl() {
        return results == null || results.suggestion() == null ? null : address(results.suggestion());
    }

    private String address(String query) {
        Map<String, String> parameters = new java.util.LinkedHashMap<>();
        parameters.put("q", query);
        parameters.put("board", board);
        parameters.put("author", author);
        parameters.put("from", from);
        parameters.put("to", to);
        parameters.put("sort", sort);
        return "/search?" + parameters.entrySet().stream().filter(e -> !isBlank(e.getValue()))
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    private static Long number(String text) {
        try {
            return isBlank(text) ? null : Long.valueOf(text.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static LocalDate date(String text) {
        try {
            // Clamped by the filters: an extreme date (+999999999-12-31) would overflow the index's milliseconds.
            return isBlank(text) ? null : LocalDate.parse(text.strip());
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static boolean isBlank(String text) {
        return text == null || text.isBlank();
    }

    public SearchResults getResults() {
        return results;
    }

    public List<Board> getBoards() {
        return boards;
    }

    public String getQ() {
        return q;
    }

    public void setQ(String q) {
        this.q = q;
    }

    public String getBoard() {
        return board;
    }

    public void setBoard(String board) {
        this.board = board;
    }

    public String getAuthor() {
        return author;
    }

    public void setAuthor(String author) {
        this.author = author;
    }

    public String getFrom() {
        return from;
    }

    public void setFrom(String from) {
        this.from = from;
    }

    public String getTo() {
        return to;
    }

    public void setTo(String to) {
        this.to = to;
    }

    public String getSort() {
        return sort;
    }

    public void setSort(String sort) {
        this.sort = sort;
    }

    public String getPage() {
        return page;
    }

    public void setPage(String page) {
        this.page = page;
    }
}
