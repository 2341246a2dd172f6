package org.linli.forum.post;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.linli.forum.board.Board;
import org.linli.forum.board.BoardCounters;
import org.linli.forum.content.PostRenderer;
import org.linli.forum.member.Member;
import org.linli.forum.picture.PictureCatalog;
import org.linli.forum.topic.Topic;
import org.linli.forum.topic.TopicChanged;

import java.time.Instant;
import java.util.Collection;

/**
 * The one way a post comes into the forum and the one way its visibility changes, whoever
 * asks: a member starting a topic or replying, or an archive import. It stores the post, keeps
 * the topic's and the board's counters, and raises the event that search, notifications and
 * the audit log observe in the same transaction. The caller has checked who may do it.
 */
@ApplicationScoped
public class Posting {

    @PersistenceContext
    private EntityManager em;

    @Inject
    private BoardCounters boardCounters;

    @Inject
    private Event<PostAdded> added;

    @Inject
    private Event<PostChanged> changed;

    @Inject
    private Event<TopicChanged> topicChanged;

    @Inject
    private PictureCatalog pictureCatalog;

    private PostRenderer renderer = new PostRenderer();

    protected Posting() {
    }

    @PostConstruct
    void createRenderer() {
        renderer = new PostRenderer(pictureCatalog);
    }

    /** For use outside a container (the archive import's tests), with the events delivered by hand. */
    public Posting(EntityManager em, BoardCounters boardCounters, Event<PostAdded> added) {
        this.em = em;
        this.boardCounters = boardCounters;
        this.added = added;
    }

    /** A new topic on {@code board} with its opening post; returns the post. */
    public Post openTopic(Board board, String title, Member author, String source, Instant at, boolean imported) {
        Topic topic = new Topic(board, title, author, at);
        em.persist(topic);
        return add(topic, 1, author, source, at, imported);
    }

    /**
     * A reply to {@code topic}. The caller holds the topic's row lock, so concurrent replies get
     * consecutive numbers and the counters stay exact.
     */
    public Post reply(Topic topic, Member author, String source, Instant at, boolean imported) {
        return add(topic, topic.recordReply(author, at), author, source, at, imported);
    }

    /**
     * A staff reply that is the topic's official answer from the moment it exists, so observers
     * of the new post see it as the answer (the notifier tells watchers of an official answer,
     * not of a reply and then of its mark). The caller holds the topic's row lock.
     */
    public Post officialAnswer(Topic topic, Member author, String source, Instant at) {
        Post post = store(topic, topic.recordReply(author, at), author, source, at);
        topic.markOfficialAnswer(post.getId(), topic.getId());
        added.fire(new PostAdded(post, false));
        return post;
    }

    /**
     * Counts {@code boards} again, after posts were added to them out of time order (an archive's
     * messages): each one's latest topic is then truly its latest.
     */
    public void recount(Collection<Board> boards) {
        boards.forEach(boardCounters::recount);
    }

    private Post add(Topic topic, int number, Member author, String source, Instant at, boolean imported) {
        Post post = store(topic, number, author, source, at);
        added.fire(new PostAdded(post, imported));
        return post;
    }

    private Post store(Topic topic, int number, Member author, String source, Instant at) {
        Post post = new Post(topic, number, author, source, renderer, at);
        em.persist(post);
        em.flush();
        boardCounters.recordPost(topic, at, number == 1);
        return post;
    }

    /**
     * Hides a post (by its author: deletes it). The opening post is the topic's body: its topic
     * goes with it, and that is a change of the topic too.
     */
    public void hide(Post post, Member by, String reason) {
        if (post.isHidden()) {
            return;
        }
        boolean topicWasHidden = post.getTopic().isHidden();
        post.hide(by, Instant.now(), reason);
        changed.fire(new PostChanged(post, post.isDeletedByAuthor() ? PostChanged.Change.DELETED_BY_AUTHOR : PostChanged.Change.HIDDEN,
                by, reason));
        topicVisibilityChanged(post.getTopic(), topicWasHidden, by, reason);
    }

    /** Shows a hidden post again; the opening post brings its topic back with it. */
    public void restore(Post post, Member by, String reason) {
        if (!post.isHidden()) {
            return;
        }
        boolean topicWasHidden = post.getTopic().isHidden();
        post.restore();
        changed.fire(new PostChanged(post, PostChanged.Change.RESTORED, by, reason));
        topicVisibilityChanged(post.getTopic(), topicWasHidden, by, reason);
    }

    private void topicVisibilityChanged(Topic topic, boolean wasHidden, Member by, String reason) {
        if (topic.isHidden() != wasHidden) {
            topicChanged.fire(new TopicChanged(topic, topic.isHidden() ? TopicChanged.Change.HIDDEN : TopicChanged.Change.RESTORED,
                    by, reason));
        }
    }
}
