package org.linli.forum.sitesearch;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.validation.constraints.NotNull;
import org.linli.forum.board.BoardPermissions;
import org.linli.forum.common.ForumSettings;
import org.linli.forum.member.CurrentMember;
import org.linli.forum.member.Role;
import org.linli.forum.search.SearchRequest;
import org.linli.forum.search.SearchResults;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.ZoneId;

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

    /**
     * Searches as the caller may: the request says what to find (text, filters, order, page);
     * this decides the page size, the community's time zone and whether hidden posts count.
     */
    @PermitAll
    public SearchResults search(@NotNull SearchRequest request) {
        boolean seesHidden = BoardPermissions.canSeeHiddenEverywhere(currentMember.find().orElse(null));
        SearchRequest allowed = new SearchRequest(request.query(), request.filters(), request.order(), request.page(), PAGE_SIZE,
                null, seesHidden, zone);
        try {
            return indexer.search(allowed);
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
