package org.linli.forum.sitesearch;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import org.linli.forum.common.ForumSettings;
import org.linli.forum.member.Role;
import org.linli.forum.search.SearchRequest;
import org.linli.forum.search.SearchResults;
import org.linli.forum.security.CurrentMember;
import org.linli.forum.security.Permissions;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Locale;

/**
 * The search use case: the words typed and the filters chosen on the search page, searched as
 * the caller may see them. Moderators, staff and administrators also find hidden posts; the
 * filter is part of the Lucene query, never applied after it.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.SUPPORTS)
public class SearchService {

    public static final int PAGE_SIZE = 20;

    @EJB
    private SearchIndexer indexer;

    @EJB
    private CurrentMember currentMember;

    private final ZoneId zone = ForumSettings.timeZone();

    @PermitAll
    public SearchResults search(String text, Long board, String author, LocalDate from, LocalDate to,
                                SearchRequest.Order order, int page) {
        StringBuilder query = new StringBuilder(text == null ? "" : text);
        if (board != null) {
            query.append(" board:").append(board);
        }
        if (author != null && !author.isBlank() && author.strip().codePoints().noneMatch(Character::isWhitespace)) {
            query.append(" author:").append(author.strip().toLowerCase(Locale.ROOT));
        }
        if (from != null) {
            query.append(" after:").append(from);
        }
        if (to != null) {
            query.append(" before:").append(to.plusDays(1));  // "to" is inclusive
        }
        boolean seesHidden = Permissions.canSeeHiddenEverywhere(currentMember.find().orElse(null));
        SearchRequest request = new SearchRequest(query.toString(), order, page, PAGE_SIZE, null, seesHidden, zone);
        try {
            return indexer.search(request);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Builds a fresh index from the database and swaps it in; search keeps serving meanwhile. */
    @RolesAllowed(Role.ADMIN_NAME)
    public int rebuild() {
        try {
            return indexer.rebuild();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
