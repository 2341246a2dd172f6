package org.linli.forum.sitesearch;

import jakarta.persistence.EntityManager;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;

/** For benchmark tools outside the server: builds (or catches up) the search index of a database, as the server would. */
public final class IndexBuild {

    private IndexBuild() {
    }

    /** Opens the index under {@code home}, building it from the database if it is missing; returns the posts it holds. */
    public static int openOrBuild(EntityManager em, Path home) throws IOException {
        try (IndexKeeper keeper = new IndexKeeper(em, home, Duration.ofSeconds(60))) {
            keeper.open();
            return keeper.index().size();
        }
    }
}
