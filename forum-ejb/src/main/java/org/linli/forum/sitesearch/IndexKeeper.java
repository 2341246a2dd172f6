package org.linli.forum.sitesearch;

import jakarta.persistence.EntityManager;
import org.linli.forum.common.ContentGeneration;
import org.linli.forum.common.FailureLog;
import org.linli.forum.search.PostIndex;
import org.linli.forum.search.SearchRequest;
import org.linli.forum.search.SearchResults;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Stream;

/**
 * The index in step with the database, in plain Java (the {@link SearchIndexer} bean runs it in
 * the server; tests run it on H2). The index lives in a generation folder
 * {@code <home>/gen-<millis>}; each index commit carries the watermark it is complete up to, so
 * after a crash anywhere the next {@link #open()} resumes from the index's own record. A missing
 * or unreadable index is rebuilt from the database on open.
 */
final class IndexKeeper implements Closeable {

    private static final Logger LOG = Logger.getLogger(IndexKeeper.class.getName());
    static final String WATERMARK = "watermark";
    /** A file in a generation folder whose index is a stand-in, not built from the database. */
    static final String PARTIAL = "PARTIAL";
    private static final int BATCH = 500;

    private final EntityManager em;
    private final PostDocuments documents;
    private final Path home;
    private final Duration patience;
    /** Held while the index or watermark is written or swapped. */
    private final Object writing = new Object();
    /** Held for a whole rebuild: one at a time, so no rebuild deletes another's folder. */
    private final Object rebuilding = new Object();
    private volatile PostIndex index;
    private Watermark watermark;
    private volatile boolean needsBuilding;
    private final FailureLog applying = new FailureLog(LOG, "Applying search changes");
    private final Opener opener;
    /** The serving index holds changes not yet committed (so a failure may have left it with part of them). */
    private boolean uncommitted;
    /** The watermark of the serving index's last commit. */
    private long committedMark;

    /** @param patience how long a missing sequence number may stay missing before it counts as rolled back */
    IndexKeeper(EntityManager em, Path home, Duration patience) {
        this(em, home, patience, PostIndex::open);
    }

    /** With {@code opener} opening the index of a generation folder (tests give one whose disk can fill up). */
    IndexKeeper(EntityManager em, Path home, Duration patience, Opener opener) {
        this.em = em;
        this.documents = new PostDocuments(em);
        this.home = home;
        this.patience = patience;
        this.opener = opener;
    }

    /** Opens the index in a generation folder. */
    @FunctionalInterface
    interface Opener {
        PostIndex open(Path folder) throws IOException;
    }

    /** Opens the newest generation (building it if missing or unreadable) and catches up with the log. */
    void open() throws IOException {
        open(false);
    }

    /**
     * Opens the newest generation and catches up with the log. If it is missing or unreadable and
     * {@code buildLater}, an empty index serves at once (finding what changes from now on) and
     * {@link #needsBuilding()} says so: the caller then builds the whole one with {@link #rebuild()},
     * in the background. A server with years of posts must not wait minutes for that at start-up.
     */
    void open(boolean buildLater) throws IOException {
        Files.createDirectories(home);
        Path current = currentGeneration();
        synchronized (writing) {
            boolean afresh = false;
            try {
                index = opener.open(current);
                Map<String, String> data = index.committedData();
                String committed = data.get(WATERMARK);
                if (committed == null || Files.exists(current.resolve(PARTIAL)) || !PostIndex.hasCurrentAnalysis(data)) {
                    LOG.info("No complete search index of this version yet: building it from the database");
                    watermark = buildLater ? placeholder(current) : new Watermark(fill(index), patience);
                } else {
                    long mark = Long.parseLong(committed);
                    long logEnd = logEnd();
                    // Ahead of the log: the database lost commits the index had already taken (a power
                    // cut on a database that does not sync each commit). The index holds posts that
                    // are not there, and the numbers it has seen will be handed out again.
                    afresh = mark > logEnd;
                    if (afresh) {
                        LOG.warning("The search index is ahead of the database (change " + mark + " > " + logEnd
                                + "): the database lost commits; building the index again from the database");
                    } else {
                        watermark = new Watermark(mark, patience);
                    }
                }
            } catch (IOException | RuntimeException unreadable) {
                LOG.log(Level.WARNING, "The search index at " + current + " cannot be read; rebuilding it", unreadable);
                afresh = true;
            }
            if (afresh) {
                startAfresh(buildLater);
            }
            committedMark = watermark.value();
        }
        applyPending();
    }

    /** Replaces the serving index by a new, empty generation: built now, or a stand-in if {@code buildLater}. */
    private void startAfresh(boolean buildLater) throws IOException {
        closeQuietly(index);
        Path fresh = newGeneration();
        index = opener.open(fresh);
        watermark = buildLater ? placeholder(fresh) : new Watermark(fill(index), patience);
        deleteGenerationsBut(fresh);
    }

    /** Whether the index serving now is a stand-in, to be replaced by a {@link #rebuild()}. */
    boolean needsBuilding() {
        return needsBuilding;
    }

    /**
     * Makes {@code folder}'s index a stand-in: marked partial (so that a restart before the build
     * has finished builds again), caught up from the log's present end only.
     */
    private Watermark placeholder(Path folder) throws IOException {
        Files.writeString(folder.resolve(PARTIAL), "A stand-in until the index is built from the database.\n");
        needsBuilding = true;
        return new Watermark(logEnd(), patience);
    }

    /** Applies every committed change past the watermark; returns how many it applied. */
    int applyPending() {
        synchronized (writing) {
            try {
                int applied = catchUp(index, watermark);
                applying.succeeded();
                return applied;
            } catch (IOException | RuntimeException e) {
                // The database away, the disk full: retried from the watermark.
                applying.failed(e, "the changes are retried from the watermark, at growing intervals while this lasts");
                if (uncommitted || !index.isWritable()) {
                    retryFromLastCommit();
                }
                return 0;
            }
        }
    }

    /**
     * After a write to the index failed (a full disk): the changes since the last index commit
     * are applied again from the change log at the next attempt (a document written twice is
     * written once: an update by id), since the writer may have dropped some it had taken. A
     * writer that closed itself for good is replaced by the index opened again at its last
     * commit; until that works, searches are served from what was last visible.
     */
    private void retryFromLastCommit() {
        watermark = new Watermark(committedMark, patience);
        uncommitted = false;
        if (index.isWritable()) {
            return;
        }
        try {
            PostIndex reopened = opener.open(currentGeneration());
            String committed = reopened.committedData().get(WATERMARK);
            PostIndex closed = index;
            index = reopened;
            committedMark = committed == null ? 0 : Long.parseLong(committed);
            watermark = new Watermark(committedMark, patience);
            closeQuietly(closed);
            ContentGeneration.indexChanged();
            LOG.info("The search index was opened again after its writer had failed");
        } catch (IOException | RuntimeException e) {
            LOG.log(Level.FINE, "Opening the search index again failed; tried again at the next attempt", e);
        }
    }

    /**
     * The same, for the periodic safety net: while applying fails it is attempted at a growing
     * interval (see {@link FailureLog#isDue}) rather than every second.
     */
    int applyPendingWhenDue() {
        return applying.isDue(Instant.now()) ? applyPending() : 0;
    }

    /** Applies the changes past {@code mark} to {@code target}, then commits it with the new mark. */
    private int catchUp(PostIndex target, Watermark mark) throws IOException {
        int applied = 0;
        long from = mark.value();
        List<SearchChange> changes;
        do {
            changes = em.createQuery("select c from SearchChange c where c.seq > :from order by c.seq", SearchChange.class)
                    .setParameter("from", from).setMaxResults(BATCH).getResultList();
            Instant now = Instant.now();
            List<SearchChange> fresh = changes.stream().filter(c -> !mark.isApplied(c.getSeq())).toList();
            if (!fresh.isEmpty()) {
                uncommitted |= target == index;
                documents.upsert(target, documents.postsOf(fresh));
            }
            for (SearchChange change : fresh) {
                // A number below this one that is still missing was handed out before this change was
                // made: it has been outstanding at least since then. So after a restart a number that
                // was rolled back long ago is given up at once, not waited for anew at every start.
                Instant madeAt = change.getCreatedAt() == null || change.getCreatedAt().isAfter(now) ? now : change.getCreatedAt();
                mark.applied(change.getSeq(), madeAt);
            }
            applied += fresh.size();
            if (!changes.isEmpty()) {
                from = changes.get(changes.size() - 1).getSeq();
            }
        } while (changes.size() == BATCH);
        long before = mark.value();
        mark.advance(Instant.now());
        if (applied > 0 || mark.value() != before) {
            target.commit(Map.of(WATERMARK, Long.toString(mark.value())));
            target.refresh();
        }
        if (target == index) {
            committedMark = mark.value();
            uncommitted = false;
        }
        if (applied > 0) {
            // Search pages show the index, not the rows: cached ones are out of date now.
            ContentGeneration.indexChanged();
        }
        return applied;
    }

    /**
     * Builds a fresh generation from the database beside the current one, which keeps serving
     * searches, then swaps it in. Returns the number of posts indexed.
     */
    int rebuild() throws IOException {
        synchronized (rebuilding) {
            Path fresh = newGeneration();
            PostIndex built = opener.open(fresh);
            long rebuiltFrom;
            try {
                rebuiltFrom = fill(built);
            } catch (IOException | RuntimeException e) {
                closeQuietly(built);
                throw e;
            }
            // Caught up with what changed while it was built before it serves, so that no search
            // finds less than the old index had a moment before.
            Watermark builtMark = new Watermark(rebuiltFrom, patience);
            synchronized (writing) {
                catchUp(built, builtMark);
                PostIndex old = index;
                index = built;
                watermark = builtMark;
                committedMark = builtMark.value();
                uncommitted = false;
                ContentGeneration.indexChanged();
                needsBuilding = false;
                closeQuietly(old);
                deleteGenerationsBut(fresh);
            }
            return built.size();
        }
    }

    /**
     * Checks every file of the serving index against its checksum, and rebuilds the index from the
     * database (the damaged one serving meanwhile) if one does not match. Returns whether it was
     * intact. Lucene checks checksums only as far as it reads, so a damaged block in a segment
     * that no search has touched would otherwise go unnoticed until it is.
     */
    boolean verifyOrRebuild() throws IOException {
        Optional<String> damage = index.damage();
        if (damage.isEmpty()) {
            return true;
        }
        LOG.severe(() -> "The search index is damaged (" + damage.get() + "); rebuilding it from the database");
        int posts = rebuild();
        LOG.info(() -> "Search index rebuilt after damage: " + posts + " posts");
        return false;
    }

    PostIndex index() {
        return index;
    }

    /**
     * Searches the current index. A search that caught the old index of a rebuild just as it was
     * swapped out and closed runs again on the new one.
     */
    SearchResults search(SearchRequest request) throws IOException {
        PostIndex current = index;
        try {
            return current.search(request);
        } catch (IllegalStateException swapped) {
            // Lucene's AlreadyClosedException: the index was swapped out and closed under this search.
            if (index == current) {
                throw swapped;
            }
            return index.search(request);
        }
    }

    Path home() {
        return home;
    }

    /** The watermark the index is complete up to. */
    long watermark() {
        synchronized (writing) {
            return watermark.value();
        }
    }

    @Override
    public void close() {
        synchronized (writing) {
            closeQuietly(index);
        }
    }

    /** Indexes every post; returns the watermark it is complete up to (taken before reading posts). */
    private long fill(PostIndex target) throws IOException {
        long watermarkBefore = logEnd();
        long after = 0;
        List<Long> ids;
        do {
            ids = em.createQuery("select p.id from Post p where p.id > :after order by p.id", Long.class)
                    .setParameter("after", after).setMaxResults(BATCH).getResultList();
            documents.upsert(target, ids);
            if (!ids.isEmpty()) {
                after = ids.get(ids.size() - 1);
            }
            em.clear();  // a rebuild reads every post: keep the persistence context small
        } while (ids.size() == BATCH);
        target.commit(Map.of(WATERMARK, Long.toString(watermarkBefore)));
        target.refresh();
        LOG.info(() -> "Search index built from the database");
        return watermarkBefore;
    }

    /** How many changes of the log the serving index has not taken in yet (the log's end less the watermark). */
    long behind() {
        return Math.max(0, logEnd() - watermark());
    }

    /** The sequence number of the newest change in the log (0 for none). */
    private long logEnd() {
        Long upTo = em.createQuery("select max(c.seq) from SearchChange c", Long.class).getSingleResult();
        return upTo == null ? 0 : upTo;
    }

    private Path currentGeneration() throws IOException {
        try (Stream<Path> entries = Files.list(home)) {
            return entries.filter(IndexKeeper::isGeneration)
                    .max(Comparator.comparing(p -> p.getFileName().toString()))
                    .orElseGet(this::newGeneration);
        }
    }

    /** A generation folder name later than every existing one, even within the same millisecond. */
    private Path newGeneration() {
        long stamp = System.currentTimeMillis();
        Path candidate = home.resolve("gen-" + stamp);
        while (Files.exists(candidate)) {
            candidate = home.resolve("gen-" + ++stamp);
        }
        return candidate;
    }

    private void deleteGenerationsBut(Path keep) throws IOException {
        try (Stream<Path> entries = Files.list(home)) {
            for (Path generation : entries.filter(p -> !p.equals(keep) && isGeneration(p)).toList()) {
                try (Stream<Path> files = Files.walk(generation)) {
                    for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                        Files.deleteIfExists(file);
                    }
                }
            }
        }
    }

    private static boolean isGeneration(Path path) {
        return path.getFileName().toString().startsWith("gen-");
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
