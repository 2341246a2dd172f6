package org.linli.forum.search;

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
import org.apache.lucene.store.FSDirectory;
import org.linli.forum.common.ForumSettings;
import org.linli.forum.member.Role;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Stream;

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
    static final String WATERMARK = "watermark";
    /** A file whose presence in the index folder asks for a rebuild. */
    public static final String REBUILD_REQUEST = "REBUILD";
    private static final int BATCH = 500;
    /** Longer than any forum transaction: a sequence number missing this long was rolled back. */
    private static final Duration PATIENCE = Duration.ofSeconds(60);

    @PersistenceContext
    private EntityManager em;

    @Resource
    private ManagedExecutorService executor;

    private final Object writing = new Object();
    private volatile PostIndex index;
    private volatile Path indexPath;
    private Watermark watermark;

    @PostConstruct
    void open() {
        Path home = ForumSettings.dataDirectory().resolve("index");
        try {
            Files.createDirectories(home);
            Path current = currentGeneration(home);
            try {
                index = PostIndex.open(FSDirectory.open(current));
                String committed = index.committedData().get(WATERMARK);
                if (committed == null) {
                    LOG.info("No search index yet: building it from the database");
                    watermark = new Watermark(fill(index), PATIENCE);
                } else {
                    watermark = new Watermark(Long.parseLong(committed), PATIENCE);
                }
                indexPath = current;
            } catch (IOException | RuntimeException unreadable) {
                LOG.log(Level.WARNING, "The search index at " + current + " cannot be read; rebuilding it", unreadable);
                closeQuietly(index);
                Path fresh = home.resolve("gen-" + System.currentTimeMillis());
                index = PostIndex.open(FSDirectory.open(fresh));
                watermark = new Watermark(fill(index), PATIENCE);
                indexPath = fresh;
                deleteOtherGenerations(home, fresh);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot open the search index under " + home, e);
        }
        applyPending();
    }

    @PreDestroy
    void close() {
        synchronized (writing) {
            closeQuietly(index);
        }
    }

    /** After a transaction that recorded search changes has committed. */
    public void changesCommitted(@Observes(during = TransactionPhase.AFTER_SUCCESS) SearchChanges.Committed change) {
        executor.execute(this::applyPending);
    }

    /** The safety net (late commits, rolled-back numbers, any missed signal), and rebuild requests. */
    @Schedule(hour = "*", minute = "*", second = "*", persistent = false)
    void everySecond() {
        Path request = indexPath.getParent().resolve(REBUILD_REQUEST);
        if (Files.exists(request)) {
            try {
                Files.deleteIfExists(request);
                LOG.info(() -> "Rebuilding the search index, as " + request + " asked");
                int posts = rebuildNow();
                LOG.info(() -> "Search index rebuilt: " + posts + " posts");
            } catch (IOException | RuntimeException e) {
                LOG.log(Level.SEVERE, "Rebuilding the search index failed; the old one stays in use", e);
            }
        }
        applyPending();
    }

    /** Applies every committed change past the watermark; returns how many it applied. */
    public int applyPending() {
        synchronized (writing) {
            int applied = 0;
            try {
                long from = watermark.value();
                List<SearchChange> changes;
                do {
                    changes = em.createQuery("select c from SearchChange c where c.seq > :from order by c.seq", SearchChange.class)
                            .setParameter("from", from).setMaxResults(BATCH).getResultList();
                    Instant now = Instant.now();
                    List<SearchChange> fresh = changes.stream().filter(c -> !watermark.isApplied(c.getSeq())).toList();
                    if (!fresh.isEmpty()) {
                        PostDocuments.upsert(em, index, PostDocuments.postsOf(em, fresh));
                    }
                    for (SearchChange change : fresh) {
                        watermark.applied(change.getSeq(), now);
                    }
                    applied += fresh.size();
                    if (!changes.isEmpty()) {
                        from = changes.get(changes.size() - 1).getSeq();
                    }
                } while (changes.size() == BATCH);
                long before = watermark.value();
                watermark.advance(Instant.now());
                if (applied > 0 || watermark.value() != before) {
                    index.commit(Map.of(WATERMARK, Long.toString(watermark.value())));
                    index.refresh();
                }
            } catch (IOException | RuntimeException e) {
                LOG.log(Level.SEVERE, "Applying search changes failed; they are retried from the watermark", e);
            }
            return applied;
        }
    }

    /**
     * Builds a fresh index from the database beside the current one, which keeps serving
     * searches, then swaps it in. Returns the number of posts indexed.
     */
    @RolesAllowed(Role.ADMIN_NAME)
    public int rebuild() throws IOException {
        return rebuildNow();
    }

    private int rebuildNow() throws IOException {
        Path home = indexPath.getParent();
        Path fresh = home.resolve("gen-" + System.currentTimeMillis());
        PostIndex built = PostIndex.open(FSDirectory.open(fresh));
        long rebuiltFrom = fill(built);
        synchronized (writing) {
            PostIndex old = index;
            index = built;
            indexPath = fresh;
            watermark = new Watermark(rebuiltFrom, PATIENCE);
            closeQuietly(old);
            deleteOtherGenerations(home, fresh);
        }
        applyPending();
        return built.size();
    }

    public PostIndex index() {
        return index;
    }

    /** Indexes every post; returns the watermark it is complete up to (taken before reading posts). */
    private long fill(PostIndex target) throws IOException {
        Long upTo = em.createQuery("select max(c.seq) from SearchChange c", Long.class).getSingleResult();
        long watermarkBefore = upTo == null ? 0 : upTo;
        long after = 0;
        List<Long> ids;
        do {
            ids = em.createQuery("select p.id from Post p where p.id > :after order by p.id", Long.class)
                    .setParameter("after", after).setMaxResults(BATCH).getResultList();
            PostDocuments.upsert(em, target, ids);
            if (!ids.isEmpty()) {
                after = ids.get(ids.size() - 1);
            }
        } while (ids.size() == BATCH);
        target.commit(Map.of(WATERMARK, Long.toString(watermarkBefore)));
        target.refresh();
        LOG.info(() -> "Search index built from the database");
        return watermarkBefore;
    }

    private static Path currentGeneration(Path home) throws IOException {
        try (Stream<Path> entries = Files.list(home)) {
            return entries.filter(p -> p.getFileName().toString().startsWith("gen-"))
                    .max(Comparator.comparing(p -> p.getFileName().toString()))
                    .orElse(home.resolve("gen-" + System.currentTimeMillis()));
        }
    }

    private static void deleteOtherGenerations(Path home, Path keep) throws IOException {
        try (Stream<Path> entries = Files.list(home)) {
            for (Path generation : entries.filter(p -> !p.equals(keep) && p.getFileName().toString().startsWith("gen-")).toList()) {
                try (Stream<Path> files = Files.walk(generation)) {
                    for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                        Files.deleteIfExists(file);
                    }
                }
            }
        }
    }

    private static void closeQuietly(PostIndex index) {
        if (index != null) {
            try {
                index.close();
            } catch (IOException | RuntimeException e) {
                LOG.log(Level.WARNING, "Closing a search index failed", e);
            }
        }
    }
}
