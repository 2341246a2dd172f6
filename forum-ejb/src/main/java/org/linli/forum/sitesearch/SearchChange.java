package org.linli.forum.sitesearch;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

import java.io.Serializable;
import java.time.Instant;

/**
 * "post N (or every post of topic T) changed in a way search must see": one row of the search outbox, written in the same
 * transaction as the change, so that if the change commits its indexing is owed, and if not,
 * neither exists. Sequence numbers are handed out one at a time, before commit.
 */
@Entity
@Table(name = "search_change")
public class SearchChange implements Serializable {

    private static final long serialVersionUID = 1L;


    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "search_change_seq")
    @SequenceGenerator(name = "search_change_seq", sequenceName = "search_change_seq", allocationSize = 1)
    private Long seq;

    /** The post that changed; null when {@link #topicId} names a whole topic. */
    @Column(name = "post_id")
    private Long postId;

    /** A topic all of whose posts changed for search (hidden, restored, moved). */
    @Column(name = "topic_id")
    private Long topicId;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    protected SearchChange() {
    }

    public static SearchChange ofPost(long postId, Instant createdAt) {
        SearchChange change = new SearchChange();
        change.postId = postId;
        change.createdAt = createdAt;
        return change;
    }

    static SearchChange ofTopic(long topicId, Instant createdAt) {
        SearchChange change = new SearchChange();
        change.topicId = topicId;
        change.createdAt = createdAt;
        return change;
    }

    public long getSeq() {
        return seq;
    }

    public Long getPostId() {
        return postId;
    }

    public Long getTopicId() {
        return topicId;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }
}
