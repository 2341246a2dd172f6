package org.linli.forum.sitesearch;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.linli.forum.common.ForumSettings;
import org.linli.forum.member.Role;
import org.linli.forum.search.SearchRequest;
import org.linli.forum.search.SearchResults;
import org.linli.forum.search.analysis.ForumAnalysis;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Keeps this server's Lucene index in step with the database. After every commit that recorded
 * a search change (and once a second regardless), it applies the change log past the index's
 * watermark, then commits the index together with the new watermark, so a crash anywhere
 * resumes from the index's own record at the next start. At start-up a missing or unreadable
 * index is rebuilt from the database; {@link #rebuild()} (the administration page) builds a fresh
 * one while search keeps serving from the old, then swaps it in. Without a browser, an operator
 * asks for the same by creating the file {@code <data dir>/index/REBUILD}.
 */
@Singleton
@Startup
@DependsOn("SchemaMigration")
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
@PermitAll  // internal: reached through SearchService, which decides who sees what
public class SearchIndexer {

    private static final Logger LOG = Logger.getLogger(SearchIndexer.class.getName());
    /** A file whose presence in the index folder asks for a rebuild. */
    public static final String REBUILD_REQUEST = "REBUILD";
    /** Longer than any forum transaction: a sequence number missing this long was rolled back. */
    private static final Duration PATIENCE = Duration.ofSeconds(60);

    @PersistenceContext
    private EntityManager em;

    @Resource
    private ManagedExecutorService executor;

    private IndexKeeper keeper;
    private volatile boolean caughtUpSinceStart;

    @PostConstruct
    void open() {
        try {
            ForumAnalysis.checkChineseDictionaries();
        } catch (IllegalStateException e) {
            // Posting and reading still work; search and indexing do not, until the server is restarted as told.
            LOG.log(Level.SEVERE, e.getMessage(), e);
        }
        Path home = ForumSettings.dataDirectory().resolve("index");
        keeper = new IndexKeeper(em, home, PATIENCE);
        try {
            keeper.open(true);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot open the search index under " + home, e);
        }
        if (!keeper.needsBuilding()) {
            // In the background: it reads the whole index.
            executor.execute(this::verifyIndex);
        }
        if (keeper.needsBuilding()) {
            // Minutes for a large forum: in the background, while the forum serves (and search
            // finds new posts only) rather than holding up the deployment.
            executor.execute(() -> {
                try {
                    int posts = keeper.rebuild();
                    LOG.info(() -> "Search index built from the database: " + posts + " posts");
                } catch (IOException | RuntimeException e) {
                    LOG.log(Level.SEVERE, "Building the search index failed; restart the server or ask for a rebuild", e);
                }
            });
        }
    }

    @PreDestroy
    void close() {
        keeper.close();
    }

    /** After a transaction that recorded search changes has committed. */
    public void changesCommitted(@Observes(during = TransactionPhase.AFTER_SUCCESS) SearchChanges.Committed change) {
        applyPendingSoon();
    }

    /**
     * Takes in the committed changes now, in the background: after this server's own commits,
     * and when another server of the forum says it committed (see cluster/SharedState), so its
     * posts are searchable here without waiting for the next second.
     */
    public void applyPendingSoon() {
        executor.execute(this::applyPending);
    }

    /** Every file of the index against its checksum, at start-up and every night; a damaged index is rebuilt. */
    @Schedule(hour = "4", minute = "17", persistent = false)
    void verifyIndex() {
        try {
            keeper.verifyOrRebuild();
        } catch (IOException | RuntimeException e) {
            LOG.log(Level.SEVERE, "Checking the search index failed", e);
        }
    }

    /** The safety net (late commits, rolled-back numbers, any missed signal), and rebuild requests. */
    @Schedule(hour = "*", minute = "*", second = "*", persistent = false)
    void everySecond() {
        Path request = keeper.home().resolve(REBUILD_REQUEST);
        if (Files.exists(request)) {
            try {
                Files.deleteIfExists(request);
                LOG.info(() -> "Rebuilding the search index, as " + request + " asked");
                int posts = keeper.rebuild();
                LOG.info(() -> "Search index rebuilt: " + posts + " posts");
            } catch (IOException | RuntimeException e) {
                LOG.log(Level.SEVERE, "Rebuilding the search index failed; the old one stays in use", e);
            }
        }
        keeper.applyPendingWhenDue();
    }

    /**
     * Whether search here has caught up with the database since this server started: the index is
     * not a stand-in being built from scratch (which finds only new posts) and has once taken in
     * all but {@code tolerance} changes of the log. Once caught up it stays so while the index
     * stands, so a burst of changes (an import) that puts it briefly behind does not take a
     * serving server out of service. For the server's readiness.
     */
    public boolean caughtUp(long tolerance) {
        if (keeper.needsBuilding()) {
            return false;
        }
        if (!caughtUpSinceStart) {
            caughtUpSinceStart = keeper.behind() <= tolerance;
        }
        return caughtUpSinceStart;
    }

    /** Applies every committed change past the watermark; returns how many it applied. */
    public int applyPending() {
        return keeper.applyPending();
    }

    /**
     * Builds a fresh index from the database beside the current one, which keeps serving
     * searches, then swaps it in. Returns the number of posts indexed.
     */
    @RolesAllowed(Role.ADMIN_NAME)
    public int rebuild() throws IOException {
        return keeper.rebuild();
    }

    /** Searches the current index (the new one, once a rebuild has swapped it in). */
    public SearchResults search(SearchRequest request) throws IOException {
        return keeper.search(request);
    }
}
