package org.linli.forum.post;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityGraph;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import org.linli.forum.board.Board;
import org.linli.forum.board.BoardKind;
import org.linli.forum.board.BoardPermissions;
import org.linli.forum.board.BoardService;
import org.linli.forum.common.NotFoundException;
import org.linli.forum.common.NotPermittedException;
import org.linli.forum.common.Page;
import org.linli.forum.content.Body;
import org.linli.forum.content.ContentRules;
import org.linli.forum.content.PostHtmlPolicy;
import org.linli.forum.content.PostRenderer;
import org.linli.forum.content.Title;
import org.linli.forum.member.CurrentMember;
import org.linli.forum.member.Member;
import org.linli.forum.member.Role;
import org.linli.forum.picture.Picture;
import org.linli.forum.picture.PictureCatalog;
import org.linli.forum.picture.PictureRules;
import org.linli.forum.picture.PictureService;
import org.linli.forum.content.PictureSizes;
import org.linli.forum.common.InvalidInputException;
import org.linli.forum.topic.Topic;
import org.linli.forum.topic.TopicPermissions;

import jakarta.annotation.PostConstruct;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Use cases of posts: start a topic (with its opening post), reply, preview, edit, delete one's
 * own, quote, read a topic page by page, the newest opening posts (home page, feeds), read a
 * post's revisions, and bring stored HTML up to the current sanitizer policy.
 */
@Stateless
public class PostService {

    @PersistenceContext
    private EntityManager em;

    @EJB
    private CurrentMember currentMember;

    @EJB
    private BoardService boardService;

    @Inject
    private Posting posting;

    @Inject
    private FloodControl floodControl;

    @Inject
    private Event<PostChanged> changed;

    @EJB
    private PictureService pictureService;

    @Inject
    private PictureCatalog pictureCatalog;

    private PostRenderer renderer;

    @PostConstruct
    void createRenderer() {
        renderer = new PostRenderer(pictureCatalog);
    }

    /** The signed-in member opens a topic on a board; returns its opening post. */
    @RolesAllowed({Role.RESIDENT_NAME, Role.MODERATOR_NAME, Role.STAFF_NAME, Role.ADMIN_NAME})
    public Post startTopic(long boardId, @Title String title, @Body String body) {
        return startTopic(boardId, title, body, List.of());
    }

    /**
     * A new topic showing the member's uploaded pictures {@code pictureIds}: those its text does
     * not place go under the text, in a row.
     */
    @RolesAllowed({Role.RESIDENT_NAME, Role.MODERATOR_NAME, Role.STAFF_NAME, Role.ADMIN_NAME})
    public Post startTopic(long boardId, @Title String title, @Body String body, List<Long> pictureIds) {
        Member author = currentMember.require();
        Board board = boardService.getBoard(boardId);
        BoardPermissions.checkStartTopic(author, board);
        String source = withPictures(ContentRules.uniformLineBreaks(body), pictureIds);

        Instant now = Instant.now();
        floodControl.check(author, source, now);
        return posting.openTopic(board, title, author, source, now, false);
    }

    /** The opening post of the newest visible announcement, for the home page. */
    @PermitAll
    public Optional<Post> findLatestAnnouncement() {
        return latestAnnouncements(1).stream().findFirst();
    }

    /** The opening posts of the newest visible announcements, newest first (the announcements feed). */
    @PermitAll
    public List<Post> latestAnnouncements(int max) {
        return em.createQuery("""
                select p from Post p join fetch p.topic join fetch p.author
                where p.number = 1 and p.hiding.hiddenAt is null and p.topic.hiding.hiddenAt is null and p.topic.board.kind = :kind
                order by p.createdAt desc, p.id desc""", Post.class)
                .setParameter("kind", BoardKind.ANNOUNCEMENTS)
                .setMaxResults(max)
                .getResultList();
    }

    /** The opening posts of a board's newest visible topics, newest first (the board's feed). */
    @PermitAll
    public List<Post> latestTopics(long boardId, int max) {
        boardService.getBoard(boardId);
        return em.createQuery("""
                select p from Post p join fetch p.topic join fetch p.author
                where p.number = 1 and p.topic.board.id = :board and p.topic.hiding.hiddenAt is null and p.hiding.hiddenAt is null
                order by p.createdAt desc, p.id desc""", Post.class)
                .setParameter("board", boardId)
                .setMaxResults(max)
                .getResultList();
    }

    /**
     * The signed-in member replies to a topic. The topic's row is locked for the rest of the
     * transaction, so concurrent replies get consecutive numbers and the counters stay exact.
     */
    @RolesAllowed({Role.RESIDENT_NAME, Role.MODERATOR_NAME, Role.STAFF_NAME, Role.ADMIN_NAME})
    public Post reply(long topicId, @Body String body) {
        return reply(topicId, body, false);
    }

    /**
     * A reply that is, when {@code official}, the topic's official answer from the start: staff
     * answer a problem in one step, and its watchers are told once, of an official answer.
     */
    @RolesAllowed({Role.RESIDENT_NAME, Role.MODERATOR_NAME, Role.STAFF_NAME, Role.ADMIN_NAME})
    public Post reply(long topicId, @Body String body, boolean official) {
        return reply(topicId, body, official, List.of());
    }

    /** A reply showing the member's uploaded pictures {@code pictureIds} (see {@link #startTopic(long, String, String, List)}). */
    @RolesAllowed({Role.RESIDENT_NAME, Role.MODERATOR_NAME, Role.STAFF_NAME, Role.ADMIN_NAME})
    public Post reply(long topicId, @Body String body, boolean official, List<Long> pictureIds) {
        Member author = currentMember.require();
        String source = withPictures(ContentRules.uniformLineBreaks(body), pictureIds);
        Topic topic = Optional.ofNullable(em.find(Topic.class, topicId, LockModeType.PESSIMISTIC_WRITE))
                .filter(t -> TopicPermissions.canSee(author, t))
                .orElseThrow(() -> new NotFoundException("topic", topicId));
        TopicPermissions.checkReply(author, topic);
        if (official) {
            TopicPermissions.checkAnswerOfficially(author, topic);
        }

        Instant now = Instant.now();
        floodControl.check(author, source, now);
        return official ? posting.officialAnswer(topic, author, source, now) : posting.reply(topic, author, source, now, false);
    }

    /**
     * The author (or a moderator) gives a post a new source. Every version is kept as a revision
     * and the post shows that it was edited. The post's row is locked, so two editors never get
     * the same revision number.
     */
    @RolesAllowed({Role.RESIDENT_NAME, Role.MODERATOR_NAME, Role.STAFF_NAME, Role.ADMIN_NAME})
    public Post edit(long postId, @Body String body) {
        return edit(postId, body, List.of());
    }

    /** An edit that also shows the editor's newly uploaded pictures {@code pictureIds}. */
    @RolesAllowed({Role.RESIDENT_NAME, Role.MODERATOR_NAME, Role.STAFF_NAME, Role.ADMIN_NAME})
    public Post edit(long postId, @Body String body, List<Long> pictureIds) {
        Member editor = currentMember.require();
        Post post = Optional.ofNullable(em.find(Post.class, postId, LockModeType.PESSIMISTIC_WRITE))
                .orElseThrow(() -> new NotFoundException("post", postId));
        PostPermissions.checkEdit(editor, post);
        String source = withPictures(ContentRules.uniformLineBreaks(body), pictureIds);
        if (!source.equals(post.getSource())) {
            post.revise(source, editor, Instant.now(), renderer).forEach(em::persist);
            changed.fire(new PostChanged(post, PostChanged.Change.EDITED, editor, null));
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
        PostPermissions.checkDelete(author, post);
        posting.hide(post, author, null);
        return post;
    }

    /** The HTML a body would be stored as, by the same renderer and policy as posting. */
    @RolesAllowed({Role.RESIDENT_NAME, Role.MODERATOR_NAME, Role.STAFF_NAME, Role.ADMIN_NAME})
    public String preview(@Body String body) {
        return preview(body, List.of());
    }

    /** The HTML a body with the member's uploaded pictures {@code pictureIds} would be stored as. */
    @RolesAllowed({Role.RESIDENT_NAME, Role.MODERATOR_NAME, Role.STAFF_NAME, Role.ADMIN_NAME})
    public String preview(@Body String body, List<Long> pictureIds) {
        return renderer.render(withPictures(ContentRules.uniformLineBreaks(body), pictureIds));
    }

    /**
     * {@code source} with the member's own pictures among {@code pictureIds} that it does not
     * place yet added in a row under it; refused when the text would then show more than
     * {@link PictureRules#PER_POST} pictures.
     */
    private String withPictures(String source, List<Long> pictureIds) {
        StringBuilder row = new StringBuilder();
        for (Picture picture : pictureService.ownPictures(pictureIds)) {
            if (!source.contains(picture.getAddress())) {
                row.append(row.isEmpty() ? "" : " ").append(picture.getMarkdown());
            }
        }
        String text = row.isEmpty() ? source : source.stripTrailing() + "\n\n" + row;
        if (PictureSizes.hashesIn(text).size() > PictureRules.PER_POST) {
            throw new InvalidInputException("pictures", "error.picture.perPost", PictureRules.PER_POST);
        }
        return text;
    }

    /** Every version of a post, oldest first (empty if it was never edited): for moderators and staff. */
    @RolesAllowed({Role.MODERATOR_NAME, Role.STAFF_NAME, Role.ADMIN_NAME})
    public List<PostRevision> listRevisions(long postId) {
        Post post = getPost(postId);
        if (!PostPermissions.canViewRevisions(currentMember.find().orElse(null), post)) {
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
        return visiblePost(id, currentMember.find().orElse(null));
    }

    /**
     * The post, for the page where the caller takes {@code action} on it: a post they may not
     * take it on is, to them, not there (a 404, as for every refusal a reader could probe).
     */
    @PermitAll
    public Post getPostTo(PostAction action, long id) {
        Member reader = currentMember.find().orElse(null);
        Post post = visiblePost(id, reader);
        boolean may = switch (action) {
            case EDIT -> PostPermissions.canEdit(reader, post);
            case DELETE -> PostPermissions.canDelete(reader, post);
            case REPORT -> PostPermissions.canReport(reader, post);
            case MARK_OFFICIAL -> PostPermissions.canMarkOfficial(reader, post);
        };
        if (!may) {
            throw new NotFoundException("post", id);
        }
        return post;
    }

    private Post visiblePost(long id, Member reader) {
        EntityGraph<Post> graph = em.createEntityGraph(Post.class);
        graph.addAttributeNodes("author");
        graph.addSubgraph("topic").addAttributeNodes("board");
        return Optional.ofNullable(em.find(Post.class, id, Map.of("jakarta.persistence.fetchgraph", graph)))
                .filter(post -> PostPermissions.canSee(reader, post))
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
        if (current == null || !TopicPermissions.canSee(reader, current)) {
            throw new NotFoundException("topic", topic.getId());
        }
        boolean seesHidden = BoardPermissions.canSeeHidden(reader, current.getBoard());
        int first = Page.firstIndex(number, Post.PAGE_SIZE) + 1;
        var posts = em.createQuery("""
                select p from Post p join fetch p.author left join fetch p.hiding.hiddenBy
                where p.topic.id = :topic and p.number between :first and :last
                  and (p.hiding.hiddenAt is null or :seesHidden = true)
                order by p.number""", Post.class)
                .setParameter("topic", topic.getId())
                .setParameter("seesHidden", seesHidden)
                .setParameter("first", first)
                .setParameter("last", first + Post.PAGE_SIZE - 1)
                .getResultList();
        return new Page<>(posts, number, Post.PAGE_SIZE, topic.postCount());
    }

    /**
     * Renders again up to {@code limit} posts whose HTML was made under an older policy
     * version; returns how many. Call until it returns 0; each call is one transaction.
     */
    @RolesAllowed(Role.ADMIN_NAME)
    public int rerenderOutdated(int limit) {
        List<Post> outdated = em.createQuery("select p from Post p where p.text.renderVersion <> :current order by p.id", Post.class)
                .setParameter("current", PostHtmlPolicy.VERSION)
                .setMaxResults(limit)
                .getResultList();
        outdated.forEach(post -> {
            post.rerender(renderer);
            changed.fire(new PostChanged(post, PostChanged.Change.RERENDERED, null, null));
        });
        return outdated.size();
    }
}
