package org.linli.forum.it;

import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import jakarta.ejb.EJBAccessException;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.linli.forum.board.Board;
import org.linli.forum.board.BoardKind;
import org.linli.forum.board.BoardService;
import org.linli.forum.member.MemberService;
import org.linli.forum.member.Registration;
import org.linli.forum.post.PostService;
import org.linli.forum.problem.Dashboard;
import org.linli.forum.problem.DashboardService;
import org.linli.forum.problem.ProblemService;
import org.linli.forum.topic.ProblemStatus;
import org.linli.forum.topic.Topic;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The staff dashboard's figures against problems whose ages and resolution times are known. */
@ExtendWith(ArquillianExtension.class)
class DashboardIT {

    @Deployment
    static WebArchive deployment() {
        return Deployments.forumDomain(DashboardIT.class);
    }

    @EJB
    private MemberService members;

    @EJB
    private BoardService boards;


    @EJB
    private PostService posts;

    @EJB
    private ProblemService problems;

    @EJB
    private DashboardService dashboards;

    @Resource(lookup = "java:jboss/datasources/LinliDS")
    private DataSource dataSource;

    @Test
    void countsAgesAndMediansMatchTheProblems() throws Exception {
        String unique = UUID.randomUUID().toString().substring(0, 8);
        String resident = "看板" + unique;
        members.register(new Registration(resident, unique + "@example.org", "password-" + unique));
        Board board = As.member("it-admin", "ADMIN", () -> boards.createBoard("看板 " + unique, "", BoardKind.PROBLEMS));
        Instant now = Instant.now();

        long oldest = problem(board, resident, "最早 " + unique, now.minus(Duration.ofDays(40)));
        long newer = problem(board, resident, "较新 " + unique, now.minus(Duration.ofDays(3)));
        long acknowledged = problem(board, resident, "已受理 " + unique, now.minus(Duration.ofDays(10)));
        As.member("staff", "STAFF", () -> problems.changeStatus(acknowledged, ProblemStatus.ACKNOWLEDGED, null));
        // Resolved after 2, 4 and 12 days; the last one 100 days ago (only in the year's median).
        resolved(board, resident, "两天 " + unique, now.minus(Duration.ofDays(5)), Duration.ofDays(2));
        resolved(board, resident, "四天 " + unique, now.minus(Duration.ofDays(8)), Duration.ofDays(4));
        resolved(board, resident, "十二天 " + unique, now.minus(Duration.ofDays(112)), Duration.ofDays(12));

        Dashboard dashboard = As.member("staff", "STAFF", () -> dashboards.dashboard(board.getId(), null));
        assertThat(dashboard.count(board.getId(), ProblemStatus.OPEN)).isEqualTo(2);
        assertThat(dashboard.count(board.getId(), ProblemStatus.ACKNOWLEDGED)).isEqualTo(1);
        assertThat(dashboard.count(board.getId(), ProblemStatus.RESOLVED)).isEqualTo(3);
        assertThat(dashboard.getWaiting()).extracting(Topic::getId).containsExactly(oldest, acknowledged, newer);
        assertThat(dashboard.getResolvedLast30Days()).isEqualTo(2);
        assertThat(dashboard.getMedianLast30Days()).isEqualTo(Duration.ofDays(3));
        assertThat(dashboard.getResolvedLast365Days()).isEqualTo(3);
        assertThat(dashboard.getMedianLast365Days()).isEqualTo(Duration.ofDays(4));

        assertThat(As.member("moderator", "MODERATOR", () -> dashboards.dashboard(board.getId(), ProblemStatus.ACKNOWLEDGED))
                .getWaiting()).extracting(Topic::getId).containsExactly(acknowledged);
        assertThat(As.member("staff", "STAFF", () -> dashboards.waitingProblems(board.getId(), ProblemStatus.OPEN)))
                .extracting(Topic::getId).containsExactly(oldest, newer);
        assertThatThrownBy(() -> As.member(resident, "RESIDENT", () -> dashboards.dashboard(null, null)))
                .isInstanceOf(EJBAccessException.class);
        assertThatThrownBy(() -> dashboards.waitingProblems(null, null)).isInstanceOf(EJBAccessException.class);
    }

    private long problem(Board board, String author, String title, Instant reportedAt) throws Exception {
        long id = As.member(author, "RESIDENT", () -> posts.startTopic(board.getId(), title, "详情：" + title)).getTopic().getId();
        update("UPDATE topic SET created_at = ? WHERE id = ?", reportedAt, id);
        return id;
    }

    private void resolved(Board board, String author, String title, Instant reportedAt, Duration took) throws Exception {
        long id = problem(board, author, title, reportedAt);
        As.member("staff", "STAFF", () -> problems.changeStatus(id, ProblemStatus.RESOLVED, "已处理"));
        update("UPDATE topic SET resolved_at = ? WHERE id = ?", reportedAt.plus(took), id);
    }

    private void update(String sql, Instant at, long id) throws Exception {
        try (Connection connection = dataSource.getConnection(); PreparedStatement update = connection.prepareStatement(sql)) {
            update.setTimestamp(1, Timestamp.from(at));
            update.setLong(2, id);
            update.executeUpdate();
        }
    }
}
