package org.linli.forum.moderation;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityGraph;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.Subgraph;
import org.linli.forum.common.NotFoundException;
import org.linli.forum.common.NotPermittedException;
import org.linli.forum.common.Page;
import org.linli.forum.content.ContentRules;
import org.linli.forum.member.CurrentMember;
import org.linli.forum.member.Member;
import org.linli.forum.member.MemberPermissions;
import org.linli.forum.member.Role;
import org.linli.forum.post.Post;
import org.linli.forum.post.PostPermissions;
import org.linli.forum.topic.TopicPermissions;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Members report posts; moderators work through the reports of their boards, oldest first (see
 * {@link ModerationService} for resolving them); reporters see what became of theirs.
 */
@Stateless
public class ReportService {

    public static final int PAGE_SIZE = 25;

    @PersistenceContext
    private EntityManager em;

    @EJB
    private CurrentMember currentMember;

    /**
     * Reports a post. Reporting the same post again changes nothing: the first report stands
     * and is returned.
     */
    @RolesAllowed({Role.RESIDENT_NAME, Role.MODERATOR_NAME, Role.STAFF_NAME, Role.ADMIN_NAME})
    public Report report(long postId, String reason) {
        Member reporter = currentMember.require();
        Post post = Optional.ofNullable(em.find(Post.class, postId))
                .filter(p -> PostPermissions.canSee(reporter, p))
                .orElseThrow(() -> new NotFoundException("post", postId));
        PostPermissions.checkReport(reporter, post);
        String why = ContentRules.checkReason(reason, true);
        // The reporter's row serialises their own reports, so a double click makes one report.
        em.lock(reporter, LockModeType.PESSIMISTIC_WRITE);
        Optional<Report> earlier = em.createQuery("select r from Report r where r.post = :post and r.reporter = :reporter", Report.class)
                .setParameter("post", post)
                .setParameter("reporter", reporter)
                .getResultStream().findFirst();
        if (earlier.isPresent()) {
            return earlier.get();
        }
        Report report = new Report(post, reporter, why, Instant.now());
        em.persist(report);
        return report;
    }

    /** The caller's report of a post, if they made one. */
    @RolesAllowed({Role.RESIDENT_NAME, Role.MODERATOR_NAME, Role.STAFF_NAME, Role.ADMIN_NAME})
    public Optional<Report> findMyReport(long postId) {
        Member reporter = currentMember.require();
        return em.createQuery("select r from Report r where r.post.id = :post and r.reporter = :reporter", Report.class)
                .setParameter("post", postId)
                .setParameter("reporter", reporter)
                .getResultStream().findFirst();
    }

    /** The caller's reports, newest first, with what became of them. */
    @RolesAllowed({Role.RESIDENT_NAME, Role.MODERATOR_NAME, Role.STAFF_NAME, Role.ADMIN_NAME})
    public List<Report> myReports() {
        Member reporter = currentMember.require();
        return em.createQuery("""
                select r from Report r
                where r.reporter = :reporter order by r.createdAt desc, r.id desc""", Report.class)
                .setParameter("reporter", reporter)
                .setHint("jakarta.persistence.fetchgraph", withPostAndTopic())
                .setMaxResults(100)
                .getResultList();
    }

    /** Loads a report's post with its author, topic and board, and the reporter, in the same query. */
    private EntityGraph<Report> withPostAndTopic() {
        EntityGraph<Report> graph = em.createEntityGraph(Report.class);
        graph.addAttributeNodes("reporter");
        Subgraph<Post> post = graph.addSubgraph("post");
        post.addAttributeNodes("author");
        post.addSubgraph("topic").addAttributeNodes("board");
        return graph;
    }

    /** Open reports on the boards the caller moderates, oldest first. */
    @RolesAllowed({Role.MODERATOR_NAME, Role.ADMIN_NAME})
    public Page<Report> queue(int number) {
        Member moderator = currentMember.require();
        if (!MemberPermissions.isModerator(moderator)) {
            throw new NotPermittedException("error.notPermitted.moderate");
        }
        Set<Long> boards = moderator.getRole() == Role.ADMIN ? Set.of() : moderator.getModeratedBoardIds();
        String scope = boards.isEmpty() ? "" : " and p.topic.board.id in :boards";
        var count = em.createQuery("select count(r) from Report r join r.post p where r.status = :open" + scope, Long.class)
                .setParameter("open", Report.Status.OPEN);
        var list = em.createQuery("select r from Report r join r.post p where r.status = :open" + scope
                        + " order by r.createdAt, r.id", Report.class)
                .setParameter("open", Report.Status.OPEN)
                .setHint("jakarta.persistence.fetchgraph", withPostAndTopic());
        if (!boards.isEmpty()) {
            count.setParameter("boards", boards);
            list.setParameter("boards", boards);
        }
        long total = count.getSingleResult();
        if (number < 1 || number > Page.totalPages(total, PAGE_SIZE)) {
            throw new NotFoundException("page", number);
        }
        List<Report> reports = list.setFirstResult(Page.firstIndex(number, PAGE_SIZE)).setMaxResults(PAGE_SIZE).getResultList();
        return new Page<>(reports, number, PAGE_SIZE, total);
    }
}
