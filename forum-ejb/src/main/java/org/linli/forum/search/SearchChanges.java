package org.linli.forum.search;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.time.Instant;

/**
 * Where services note that a post changed in a way search must see: a change-log row in their
 * own transaction, and a signal the indexer picks up once that transaction has committed.
 */
@ApplicationScoped
public class SearchChanges {

    /** Fired with every recorded change; observed after commit only. */
    public record Committed() {
    }

    @PersistenceContext
    private EntityManager em;

    @Inject
    private Event<Committed> committed;

    public void record(long postId) {
        em.persist(SearchChange.ofPost(postId, Instant.now()));
        committed.fire(new Committed());
    }

    /** Every post of the topic changed: it was hidden, restored, moved or renamed. */
    public void recordTopic(long topicId) {
        em.persist(SearchChange.ofTopic(topicId, Instant.now()));
        committed.fire(new Committed());
    }
}
