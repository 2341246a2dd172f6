package org.linli.forum.cluster;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.EJB;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import java.util.concurrent.ThreadLocalRandom;
import org.infinispan.Cache;
import org.infinispan.notifications.Listener;
import org.infinispan.notifications.cachelistener.annotation.CacheEntryCreated;
import org.infinispan.notifications.cachelistener.annotation.CacheEntryModified;
import org.infinispan.notifications.cachelistener.event.CacheEntryEvent;
import org.linli.forum.common.ContentGeneration;
import org.linli.forum.sitesearch.SearchIndexer;

/**
 * Puts the content generation into the cache {@code content-generation} (configure-server.cli):
 * local on one server, replicated synchronously to every node of a cluster. A commit on any node
 * thus outdates every node's cached pages before the request that made it is answered, and the
 * next request sees the change whichever node it reaches. Reading the generation, as every
 * cached page view does, is a read of this node's copy.
 *
 * <p>Why a replicated cache rather than a row in the database: a cached page view must not cost
 * a query, and the value must be on every node the moment the change commits. When another node
 * changes it, this node also takes in the search changes at once (its own index follows the
 * shared change log), rather than at its next once-a-second look.
 */
@Singleton
@Startup
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class SharedState {

    private static final String CONTENT = "content";

    @Resource(lookup = "java:jboss/infinispan/cache/linli/content-generation")
    private Cache<String, Long> generations;

    @EJB
    private SearchIndexer indexer;

    private CachedGeneration shared;
    private OtherNodesCommitted listener;

    @PostConstruct
    void share() {
        shared = new CachedGeneration(generations);
        listener = new OtherNodesCommitted(indexer);
        generations.addListener(listener);
        ContentGeneration.share(shared);
    }

    @PreDestroy
    void unshare() {
        ContentGeneration.unshare(shared);
        generations.removeListener(listener);
    }

    private record CachedGeneration(Cache<String, Long> cache) implements ContentGeneration.Shared {

        @Override
        public long get() {
            Long value = cache.get(CONTENT);
            return value == null ? 0 : value;
        }

        @Override
        public void change() {
            // Any value but the one before will do; a random one needs no read and no lock, and
            // two nodes changing it at once still leave a value neither page was stamped with.
            long next;
            do {
                next = ThreadLocalRandom.current().nextLong();
            } while (next == 0);
            cache.put(CONTENT, next);
        }
    }

    /** Another node committed a change: its search changes are in the log for this node's index. */
    @Listener(sync = false)
    public static final class OtherNodesCommitted {

        private final SearchIndexer indexer;

        OtherNodesCommitted(SearchIndexer indexer) {
            this.indexer = indexer;
        }

        @CacheEntryCreated
        @CacheEntryModified
        public void changed(CacheEntryEvent<String, Long> event) {
            if (!event.isPre() && !event.isOriginLocal()) {
                indexer.applyPendingSoon();
            }
        }
    }
}
