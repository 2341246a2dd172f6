package org.linli.forum.post;

import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Version;
import org.linli.forum.content.PostRenderer;
import org.linli.forum.member.Member;
import org.linli.forum.topic.Hideable;
import org.linli.forum.topic.Topic;

import java.io.Serializable;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * One message in a topic. Its {@link RenderedText} keeps the source its author typed and the
 * safe HTML rendered from it, always together: pages print only the HTML, and only the renderer
 * produces it.
 */
@Entity
public class Post extends Hideable implements Serializable {

    private static final long serialVersionUID = 1L;


    public static final int PAGE_SIZE = 20;

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "post_seq")
    @SequenceGenerator(name = "post_seq", sequenceName = "post_seq", allocationSize = 50)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "topic_id", nullable = false)
    private Topic topic;

    @Column(name = "post_number", nullable = false)
    private int number;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "author_id", nullable = false)
    private Member author;

    @Embedded
    private RenderedText text;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "edited_at")
    private Instant editedAt;

    @Column(name = "revision_count", nullable = false)
    private int revisionCount = 1;

    @Column(name = "deleted_by_author", nullable = false)
    private boolean deletedByAuthor;

    @Version
    private long version;

    protected Post() {
    }

    public Post(Topic topic, int number, Member author, String source, PostRenderer renderer, Instant createdAt) {
        this.topic = Objects.requireNonNull(topic);
        this.number = number;
        this.author = Objects.requireNonNull(author);
        this.createdAt = Objects.requireNonNull(createdAt);
        setSource(source, renderer);
    }

    /**
     * The post gets a new source from {@code editor}. Returns the revisions to store: on the
     * first edit the original as revision 1 too, so that every version can be read again.
     */
    public List<PostRevision> revise(String newSource, Member editor, Instant at, PostRenderer renderer) {
        List<PostRevision> revisions = new ArrayList<>();
        if (editedAt == null) {
            revisions.add(new PostRevision(this, 1, text.getSource(), author, createdAt));
        }
        revisionCount++;
        revisions.add(new PostRevision(this, revisionCount, newSource, editor, at));
        setSource(newSource, renderer);
        editedAt = at;
        return revisions;
    }

    /**
     * Hides the post from readers (a soft delete: moderators still see it). By its author, it
     * counts as deleted by the author. The opening post is the topic's body: hiding it hides
     * the topic too, so that no title stays listed over nothing.
     */
    @Override
    public void hide(Member by, Instant at, String reason) {
        super.hide(by, at, reason);
        this.deletedByAuthor = by.getId().equals(author.getId());
        if (isOpening() && !topic.isHidden()) {
            topic.hide(by, at, reason);
        }
    }

    /** Shows the post again; the opening post brings its topic back with it. */
    @Override
    public void restore() {
        super.restore();
        this.deletedByAuthor = false;
        if (isOpening() && topic.isHidden()) {
            topic.restore();
        }
    }

    /** The topic's first post, its body. */
    public boolean isOpening() {
        return number == 1;
    }

    public boolean isDeletedByAuthor() {
        return deletedByAuthor;
    }

    /** Renders the stored source again, under the current policy. */
    public void rerender(PostRenderer renderer) {
        setSource(text.getSource(), renderer);
    }

    public boolean isRenderedUnderCurrentPolicy() {
        return text.isUnderCurrentPolicy();
    }

    private void setSource(String newSource, PostRenderer renderer) {
        this.text = RenderedText.of(newSource, renderer);
    }

    /** The page of its topic that shows this post. */
    public int pageInTopic() {
        return pageOf(number);
    }

    public static int pageOf(int postNumber) {
        return (postNumber - 1) / PAGE_SIZE + 1;
    }

    public Long getId() {
        return id;
    }

    public Topic getTopic() {
        return topic;
    }

    public int getNumber() {
        return number;
    }

    public Member getAuthor() {
        return author;
    }

    public String getSource() {
        return text.getSource();
    }

    public String getHtml() {
        return text.getHtml();
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getEditedAt() {
        return editedAt;
    }

    public boolean isEdited() {
        return editedAt != null;
    }

    public int getRevisionCount() {
        return revisionCount;
    }
}
