package org.linli.forum.sitesearch;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.linli.forum.post.PostAdded;
import org.linli.forum.post.PostChanged;
import org.linli.forum.topic.TopicChanged;

import java.time.Instant;

/**
 * The search change log's writer: every change search must see becomes a change-log row in the
 * transaction that made it (CDI observers run in the firing transaction), and a signal the
 * indexer picks up once that transaction has committed.
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

    protected SearchChanges() {
    }

    /** For use outside a container (the archive import's tests). */
    public SearchChanges(EntityManager em, Event<Committed> committed) {
        this.em = em;
        this.committed = committed;
    }

    public void postAdded(@Observes PostAdded event) {
        record(event.post().getId());
    }

    void postChanged(@Observes PostChanged event) {
        record(event.post().getId());
    }

    /** Every post of the topic changed where it shows: it was hidden, restored or moved. */
    void topicChanged(@Observes TopicChanged event) {
        if (event.change().changesWhereItShows()) {
            em.persist(SearchChange.ofTopic(event.topic().getId(), Instant.now()));
            committed.fire(new Committed());
        }
    }

    private void record(long postId) {
        em.persist(SearchChange.ofPost(postId, Instant.now()));
        committed.fire(new Committed());
    }
}
