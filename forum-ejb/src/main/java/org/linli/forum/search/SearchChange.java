package org.linli.forum.search;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

import java.time.Instant;

/**
 * "Post N changed in a way search must see": one row of the search outbox, written in the same
 * transaction as the change, so that if the change commits its indexing is owed, and if not,
 * neither exists. Sequence numbers are handed out one at a time, before commit.
 */
@Entity
@Table(name = "search_change")
public class SearchChange {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "search_change_seq")
    @SequenceGenerator(name = "search_change_seq", sequenceName = "search_change_seq", allocationSize = 1)
    private Long seq;

    @Column(name = "post_id", nullable = false)
    private long postId;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    protected SearchChange() {
    }

    SearchChange(long postId, Instant createdAt) {
        this.postId = postId;
        this.createdAt = createdAt;
    }

    public long getSeq() {
        return seq;
    }

    public long getPostId() {
        return postId;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }
}
