package org.linli.forum.problem;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.linli.forum.board.Board;
import org.linli.forum.board.BoardKind;
import org.linli.forum.common.NotPermittedException;
import org.linli.forum.member.CurrentMember;
import org.linli.forum.member.Member;
import org.linli.forum.member.MemberPermissions;
import org.linli.forum.member.Role;
import org.linli.forum.topic.ProblemStatus;
import org.linli.forum.topic.Topic;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The staff dashboard of problems: every figure from a few grouped queries over the indexed
 * status column, never a row count per board per view. Hidden topics are left out.
 */
@Stateless
@RolesAllowed({Role.STAFF_NAME, Role.MODERATOR_NAME, Role.ADMIN_NAME})
public class DashboardService {

    /** The most waiting problems one view lists (the CSV export has them all). */
    public static final int WAITING_MAX = 500;

    @PersistenceContext
    private EntityManager em;

    @EJB
    private CurrentMember currentMember;

    /**
     * The dashboard, for one board or (null) every problem board, and for waiting problems in
     * one status or (null) both open and acknowledged.
     */
    public Dashboard dashboard(Long boardId, ProblemStatus waitingStatus) {
        check();
        List<Board> boards = em.createQuery("select b from Board b where b.kind = :kind order by b.position, b.id", Board.class)
                .setParameter("kind", BoardKind.PROBLEMS)
                .getResultList();
        Map<Long, Map<ProblemStatus, Long>> counts = new HashMap<>();
        for (Object[] row : em.createQuery("""
                select t.board.id, t.problemStatus, count(t) from Topic t
                where t.problemStatus is not null and t.hiding.hiddenAt is null and t.board.kind = :kind
                group by t.board.id, t.problemStatus""", Object[].class)
                .setParameter("kind", BoardKind.PROBLEMS)
                .getResultList()) {
            counts.computeIfAbsent((Long) row[0], board -> new EnumMap<>(ProblemStatus.class))
                    .put((ProblemStatus) row[1], (Long) row[2]);
        }
        Instant now = Instant.now();
        List<Duration> year = resolutionTimes(boardId, now.minus(Duration.ofDays(365)));
        Instant monthAgo = now.minus(Duration.ofDays(30));
        List<Duration> month = resolutionTimes(boardId, monthAgo);
        return new Dashboard(waiting(boardId, waitingStatus, WAITING_MAX), boards, counts,
                Dashboard.median(month), month.size(), Dashboard.median(year), year.size());
    }

    /** Every waiting problem matching the filters, oldest first, for the CSV export. */
    public List<Topic> waitingProblems(Long boardId, ProblemStatus waitingStatus) {
        check();
        return waiting(boardId, waitingStatus, Integer.MAX_VALUE);
    }

    private List<Topic> waiting(Long boardId, ProblemStatus waitingStatus, int max) {
        Set<ProblemStatus> statuses = waitingStatus == null || waitingStatus == ProblemStatus.RESOLVED
                ? Set.of(ProblemStatus.OPEN, ProblemStatus.ACKNOWLEDGED) : Set.of(waitingStatus);
        return em.createQuery("""
                select t from Topic t join fetch t.board join fetch t.author join fetch t.lastPoster
                where t.problemStatus in :statuses and t.hiding.hiddenAt is null and t.board.kind = :kind
                  and (:board is null or t.board.id = :board)
                order by t.createdAt, t.id""", Topic.class)
                .setParameter("statuses", statuses)
                .setParameter("kind", BoardKind.PROBLEMS)
                .setParameter("board", boardId)
                .setMaxResults(max)
                .getResultList();
    }

    /** How long each problem resolved since {@code since} took, from report to (last) resolution. */
    private List<Duration> resolutionTimes(Long boardId, Instant since) {
        return em.createQuery("""
                select t.createdAt, t.resolvedAt from Topic t
                where t.problemStatus = :resolved and t.resolvedAt >= :since and t.hiding.hiddenAt is null
                  and t.board.kind = :kind and (:board is null or t.board.id = :board)""", Object[].class)
                .setParameter("resolved", ProblemStatus.RESOLVED)
                .setParameter("since", since)
                .setParameter("kind", BoardKind.PROBLEMS)
                .setParameter("board", boardId)
                .getResultStream()
                .map(row -> Duration.between((Instant) row[0], (Instant) row[1]))
                .toList();
    }

    private void check() {
        Member reader = currentMember.require();
        if (!MemberPermissions.canViewDashboard(reader)) {
            throw new NotPermittedException("error.notPermitted.dashboard");
        }
    }
}
