package org.linli.forum.post;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import org.linli.forum.member.Member;

import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;

/** One version of an edited post: what it said, who wrote that version, and when. */
@Entity
@Table(name = "post_revision")
public class PostRevision implements Serializable {

    private static final long serialVersionUID = 1L;


    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "post_revision_seq")
    @SequenceGenerator(name = "post_revision_seq", sequenceName = "post_revision_seq", allocationSize = 50)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "post_id", nullable = false)
    private Post post;

    @Column(name = "revision_number", nullable = false)
    private int number;

    @Column(nullable = false, length = 100_000)
    private String source;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "editor_id", nullable = false)
    private Member editor;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    protected PostRevision() {
    }

    PostRevision(Post post, int number, String source, Member editor, Instant createdAt) {
        this.post = Objects.requireNonNull(post);
        this.number = number;
        this.source = Objects.requireNonNull(source);
        this.editor = Objects.requireNonNull(editor);
        this.createdAt = Objects.requireNonNull(createdAt);
    }

    public Long getId() {
        return id;
    }

    public Post getPost() {
        return post;
    }

    public int getNumber() {
        return number;
    }

    public String getSource() {
        return source;
    }

    public Member getEditor() {
        return editor;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }
}
