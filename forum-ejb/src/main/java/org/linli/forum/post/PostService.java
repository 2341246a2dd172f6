package org.linli.forum.post;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityGraph;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import org.linli.forum.audit.AuditAction;
import org.linli.forum.audit.AuditLog;
import org.linli.forum.board.BoardActivity;
import org.linli.forum.common.NotFoundException;
import org.linli.forum.common.Page;
import org.linli.forum.content.ContentRules;
import org.linli.forum.content.PostRenderer;
import org.linli.forum.member.Member;
import org.linli.forum.member.Role;
import org.linli.forum.notify.NotificationKind;
import org.linli.forum.notify.Notifier;
import org.linli.forum.search.SearchChanges;
import org.linli.forum.security.CurrentMember;
import org.linli.forum.security.NotPermittedException;
import org.linli.forum.security.Permissions;
import org.linli.forum.topic.Topic;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Use cases of posts: reply, edit, delete one's own, quote, read a topic page by page, read a post's revisions. */
@Stateless
public class PostService {

    @PersistenceContext
    private EntityManager em;

    @EJB
    private CurrentMember currentMember;

    @Inject
    private SearchChanges searchChanges;

    private final PostRenderer renderer = new PostRenderer();

    /**
     * The signed-in member replies to a topic. The topic's row is locked for the rest of the
     * transaction, so concurrent replies get consecutive numbers and the counters stay exact.
     */
    @RolesAllowed({Role.RESIDENT_NAME, Role.MODERATOR_NAME, Role.STAFF_NAME, Role.ADMIN_NAME})
    public Post reply(long topicId, String body) {
        Member author = currentMember.require();
        String source = ContentRules.checkBody(body);
        Topic topic = Optional.ofNullable(em.find(Topic.class, topicId, LockModeType.PESSIMISTIC_WRITE))
                .filter(t -> Permissions.canSee(author, t))
                .orElseThrow(() -> new NotFoundException("topic", topicId));
        Permissions.checkReply(author, topic);

        Instant now = Instant.now();
        FloodControl.check(em, author, source, now);
        int number = topic.recordReply(author, now);
        Post post = new Post(topic, number, author, source, renderer, now);
        em.persist(post);
        em.flush();
        BoardActivity.recordPost(em, topic, now, false);
        searchChanges.record(post.getId());
        Notifier.notify(em, NotificationKind.REPLY, topic, post, author);
        Notifier.watch(em, author, topic);
        return post;
    }

    /**
     * The author (or a moderator) gives a post a new source. Every version is kept as a revision
     * and the post shows that it was edited. The post's row is locked, so two editors never get
     * the same revision number.
     */
    @RolesAllowed({Role.RESIDENT_NAME, Role.MODERATOR_NAME, Role.STAFF_NAME, Role.ADMIN_NAME})
    public Post edit(long postId, String body) {
        Member editor = currentMember.require();
        Post post = Optional.ofNullable(em.find(Post.class, postId, LockModeType.PESSIMISTIC_WRITE))
                .orElseThrow(() -> new NotFoundException("post", postId));
        Permissions.checkEdit(editor, post);
        String source = ContentRules.checkBody(body);
        if (!source.equals(post.getSource())) {
            post.revise(source, editor, Instant.now(), renderer).forEach(em::persist);
            searchChanges.record(post.getId());
            if (!editor.getId().equals(post.getAuthor().getId())) {
                AuditLog.post(em, editor, AuditAction.POST_EDITED_BY_MODERATOR, post, null);
            }
        }
        return post;
    }

    /**
     * The author takes back their own post: a soft delete, so moderators can still read it (and
     * restore it). It is on record like a moderator's hide. Taking back the opening post takes
     * the topic with it.
     */
    @RolesAllowed({Role.RESIDENT_NAME, Role.MODERATOR_NAME, Role.STAFF_NAME, Role.ADMIN_NAME})
    public Post delete(long postId) {
        Member author = currentMember.require();
        Post post = Optional.ofNullable(em.find(Post.class, postId, LockModeType.PESSIMISTIC_WRITE))
                .orElseThrow(() -> new NotFoundException("post", postId));
        Permissions.checkDelete(author, post);
        post.hide(author, Instant.now(), null);
        searchChanges.record(post.getId());
        AuditLog.post(em, author, AuditAction.POST_DELETED_BY_AUTHOR, post, null);
        if (post.isOpening()) {
            // Its topic went with it (Post.hide): the board counts it no more, search drops it.
            BoardActivity.recount(em, post.getTopic().getBoard());
            searchChanges.recordTopic(post.getTopic().getId());
            AuditLog.topic(em, author, AuditAction.TOPIC_HIDDEN, post.getTopic(), null);
        }
        return post;
    }

    /** Every version of a post, oldest first (empty if it was never edited): for moderators and staff. */
    @RolesAllowed({Role.MODERATOR_NAME, Role.STAFF_NAME, Role.ADMIN_NAME})
    public List<PostRevision> listRevisions(long postId) {
        Post post = getPost(postId);
        if (!Permissions.canViewRevisions(currentMember.find().orElse(null), post)) {
            throw new NotPermittedException("error.notPermitted.revisions");
        }
        return em.createQuery("""
                select r from PostRevision r join fetch r.editor
                where r.post.id = :post order by r.number""", PostRevision.class)
                .setParameter("post", postId)
                .getResultList();
    }

    /** The text that starts a reply to {@code topicId} quoting one of its posts. */
    @PermitAll
    public String quote(long topicId, long postId) {
        Post post = getPost(postId);
        if (post.getTopic().getId() != topicId) {
            throw new NotFoundException("post", postId);
        }
        return renderer.quote(post.getAuthor().getDisplayName(), post.getNumber(), post.getId(), post.getSource());
    }

    /**
     * A post with its topic (and the topic's board) and author loaded, if the caller may see it:
     * a hidden post, or one in a hidden topic, is not found for readers without the right.
     */
    @PermitAll
    public Post getPost(long id) {
        EntityGraph<Post> graph = em.createEntityGraph(Post.class);
        graph.addAttributeNodes("author");
        graph.addSubgraph("topic").addAttributeNodes("board");
        Member reader = currentMember.find().orElse(null);
        return Optional.ofNullable(em.find(Post.class, id, Map.of("jakarta.persistence.fetchgraph", graph)))
                .filter(post -> Permissions.canSee(reader, post))
                .orElseThrow(() -> new NotFoundException("post", id));
    }

    /**
     * Page {@code number} of a topic, {@link Post#PAGE_SIZE} posts in order. A page is a range of
     * post numbers, read through the (topic, number) index however deep it is. Hidden posts are
     * on it only for readers who may see them; for others their numbers are simply missing.
     */
    @PermitAll
    public Page<Post> listPosts(Topic topic, int number) {
        int totalPages = Page.totalPages(topic.postCount(), Post.PAGE_SIZE);
        if (number < 1 || number > totalPages) {
            throw new NotFoundException("page", number);
        }
        Member reader = currentMember.find().orElse(null);
        // Loaded here, so that every post's topic is this initialised instance, not a proxy.
        Topic current = em.find(Topic.class, topic.getId());
        if (current == null || !Permissions.canSee(reader, current)) {
            throw new NotFoundException("topic", topic.getId());
        }
        boolean seesHidden = Permissions.canSeeHidden(reader, current.getBoard());
        int first = Page.firstIndex(number, Post.PAGE_SIZE) + 1;
        var posts = em.createQuery("""
                select p from Post p join fetch p.author left join fetch p.hiddenBy
                where p.topic.id = :topic and p.number between :first and :last
                  and (p.hiddenAt is null or :seesHidden = true)
                order by p.number""", Post.class)
                .setParameter("topic", topic.getId())
                .setParameter("seesHidden", seesHidden)
                .setParameter("first", first)
                .setParameter("last", first + Post.PAGE_SIZE - 1)
                .getResultList();
        return new Page<>(posts, number, Post.PAGE_SIZE, topic.postCount());
    }
}
