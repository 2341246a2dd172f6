package org.linli.forum.topic;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.linli.forum.board.Board;
import org.linli.forum.board.BoardPermissions;
import org.linli.forum.board.BoardService;
import org.linli.forum.common.NotFoundException;
import org.linli.forum.common.Page;
import org.linli.forum.member.CurrentMember;
import org.linli.forum.member.Member;
import org.linli.forum.member.Role;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

/** Use cases of topics: list a board's topics, look one up. */
@Stateless
public class TopicService {

    public static final int PAGE_SIZE = 25;

    @PersistenceContext
    private EntityManager em;

    @EJB
    private CurrentMember currentMember;

    @EJB
    private BoardService boardService;


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
                .filter(topic -> TopicPermissions.canSee(reader, topic));
    }

    /**
     * The status and official-answer marks of the given topics, for a listing that does not carry
     * them (search results), in one statement. Topics the reader may not see are left out.
     */
    @PermitAll
    public Map<Long, TopicMarks> marksOf(Collection<Long> topicIds) {
        if (topicIds.isEmpty()) {
            return Map.of();
        }
        Member reader = currentMember.find().orElse(null);
        return em.createQuery("select t from Topic t join fetch t.board where t.id in :ids", Topic.class)
                .setParameter("ids", topicIds)
                .getResultStream()
                .filter(topic -> TopicPermissions.canSee(reader, topic))
                .collect(Collectors.toMap(Topic::getId, TopicMarks::of));
    }

    @PermitAll
    public Topic getTopic(long id) {
        return findTopic(id).orElseThrow(() -> new NotFoundException("topic", id));
    }

    /**
     * Page {@code number} of the signed-in member's own topics, newest activity first, with their
     * boards: their reported problems with where each stands. Topics hidden since are left out
     * unless the member may see them; an empty list is page 1 of nothing.
     */
    @RolesAllowed({Role.RESIDENT_NAME, Role.MODERATOR_NAME, Role.STAFF_NAME, Role.ADMIN_NAME})
    public Page<Topic> listMyTopics(int number) {
        Member me = currentMember.require();
        long total = em.createQuery("select count(t) from Topic t where t.author = :me and t.hiding.hiddenAt is null", Long.class)
                .setParameter("me", me).getSingleResult();
        int totalPages = Math.max(1, Page.totalPages(total, PAGE_SIZE));
        if (number < 1 || number > totalPages) {
            throw new NotFoundException("page", number);
        }
        List<Topic> topics = em.createQuery("""
                select t from Topic t join fetch t.board join fetch t.lastPoster
                where t.author = :me and t.hiding.hiddenAt is null
                order by t.lastPostAt desc, t.id desc""", Topic.class)
                .setParameter("me", me)
                .setFirstResult(Page.firstIndex(number, PAGE_SIZE))
                .setMaxResults(PAGE_SIZE)
                .getResultList();
        return new Page<>(topics, number, PAGE_SIZE, total);
    }

    /**
     * Page {@code number} of a board's topics: pinned first, then the most recently active.
     * Hidden topics are listed only to those who may see them. A page past the end is not found.
     */
    @PermitAll
    public Page<Topic> listTopics(long boardId, int number) {
        Board board = boardService.getBoard(boardId);
        boolean seesHidden = BoardPermissions.canSeeHidden(currentMember.find().orElse(null), board);
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
