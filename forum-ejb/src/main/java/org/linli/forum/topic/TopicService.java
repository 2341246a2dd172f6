package org.linli.forum.topic;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.linli.forum.board.Board;
import org.linli.forum.board.BoardKind;
import org.linli.forum.board.BoardService;
import org.linli.forum.common.NotFoundException;
import org.linli.forum.common.Page;
import org.linli.forum.content.ContentRules;
import org.linli.forum.member.Member;
import org.linli.forum.member.Role;
import org.linli.forum.post.FloodControl;
import org.linli.forum.post.Post;
import org.linli.forum.post.Posting;
import org.linli.forum.security.CurrentMember;
import org.linli.forum.security.Permissions;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/** Use cases of topics: start one, list a board's topics, look one up. */
@Stateless
public class TopicService {

    public static final int PAGE_SIZE = 25;

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

    /** The signed-in member opens a topic on a board; returns its opening post. */
    @RolesAllowed({Role.RESIDENT_NAME, Role.MODERATOR_NAME, Role.STAFF_NAME, Role.ADMIN_NAME})
    public Post startTopic(long boardId, String title, String body) {
        Member author = currentMember.require();
        Board board = boardService.getBoard(boardId);
        Permissions.checkStartTopic(author, board);
        String checkedTitle = ContentRules.checkTitle(title);
        String source = ContentRules.checkBody(body);

        Instant now = Instant.now();
        floodControl.check(author, source, now);
        return posting.openTopic(board, checkedTitle, author, source, now, false);
    }

    /**
     * A topic with its board, author and last poster loaded, if the caller may see it: a hidden
     * topic is not found for anyone but its board's moderators and staff.
     */
    @PermitAll
    public Optional<Topic> findTopic(long id) {
        Member reader = currentMember.find().orElse(null);
        return em.createQuery("""
                select t from Topic t join fetch t.board join fetch t.author join fetch t.lastPoster
                left join fetch t.hiding.hiddenBy
                where t.id = :id""", Topic.class)
                .setParameter("id", id)
                .getResultStream().findFirst()
                .filter(topic -> Permissions.canSee(reader, topic));
    }

    @PermitAll
    public Topic getTopic(long id) {
        return findTopic(id).orElseThrow(() -> new NotFoundException("topic", id));
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
     * Page {@code number} of a board's topics: pinned first, then the most recently active.
     * Hidden topics are listed only to those who may see them. A page past the end is not found.
     */
    @PermitAll
    public Page<Topic> listTopics(long boardId, int number) {
        Board board = boardService.getBoard(boardId);
        boolean seesHidden = Permissions.canSeeHidden(currentMember.find().orElse(null), board);
        long total = board.getTopicCount() + (seesHidden ? board.getHiddenTopicCount() : 0);
        int totalPages = Page.totalPages(total, PAGE_SIZE);
        if (number < 1 || number > totalPages) {
            throw new NotFoundException("page", number);
        }
        // Two steps, so that a deep page stays cheap: the page's ids straight off the listing index
        // (ix_topic_board_listing: ordered by all its columns, the fixed ones too, so the database
        // reads them in index order and sorts nothing), then those 25 topics with their members.
        // Moderators, who also see hidden topics, are few: their listing is sorted.
        List<Long> ids = em.createQuery(seesHidden ? """
                select t.id from Topic t where t.board.id = :board
                order by t.pinned desc, t.lastPostAt desc, t.id desc""" : """
                select t.id from Topic t where t.board.id = :board and t.hiding.hiddenAt is null
                order by t.board.id, t.hiding.hiddenAt, t.pinned desc, t.lastPostAt desc, t.id desc""", Long.class)
                .setParameter("board", boardId)
                .setFirstResult(Page.firstIndex(number, PAGE_SIZE))
                .setMaxResults(PAGE_SIZE)
                .getResultList();
        Map<Long, Topic> byId = new HashMap<>();
        if (!ids.isEmpty()) {
            em.createQuery("""
                    select t from Topic t join fetch t.author join fetch t.lastPoster
                    where t.id in :ids""", Topic.class)
                    .setParameter("ids", ids)
                    .getResultList()
                    .forEach(topic -> byId.put(topic.getId(), topic));
        }
        List<Topic> topics = ids.stream().map(byId::get).filter(Objects::nonNull).toList();
        return new Page<>(topics, number, PAGE_SIZE, total);
    }
}
