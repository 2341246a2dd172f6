package org.linli.forum.it;

import jakarta.ejb.EJB;
import jakarta.ejb.EJBAccessException;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.linli.forum.board.Board;
import org.linli.forum.board.BoardKind;
import org.linli.forum.board.BoardService;
import org.linli.forum.common.InvalidInputException;
import org.linli.forum.common.NotPermittedException;
import org.linli.forum.member.MemberService;
import org.linli.forum.member.Registration;
import org.linli.forum.member.Role;
import org.linli.forum.moderation.ModerationService;
import org.linli.forum.notify.Notification;
import org.linli.forum.notify.NotificationKind;
import org.linli.forum.notify.NotificationService;
import org.linli.forum.post.Post;
import org.linli.forum.post.PostService;
import org.linli.forum.problem.EventLine;
import org.linli.forum.problem.ProblemService;
import org.linli.forum.topic.ProblemStatus;
import org.linli.forum.topic.Topic;
import org.linli.forum.topic.TopicService;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A resident's problem from report to resolution: who may move its status, the event lines it
 * leaves, official answers, and announcement boards where only staff start topics.
 */
@ExtendWith(ArquillianExtension.class)
class ProblemIT {

    @Deployment
    static WebArchive deployment() {
        return Deployments.forumDomain(ProblemIT.class);
    }

    private static final String ADMIN = "it-admin";

    @EJB
    private MemberService members;

    @EJB
    private BoardService boards;

    @EJB
    private TopicService topics;

    @EJB
    private PostService posts;

    @EJB
    private ProblemService problems;

    @EJB
    private ModerationService moderation;

    @EJB
    private NotificationService notifications;

    private String unique;
    private String resident;
    private String neighbour;
    private Board problemBoard;

    @BeforeEach
    void setUp() throws Exception {
        unique = UUID.randomUUID().toString().substring(0, 8);
        resident = "报告人" + unique;
        neighbour = "邻居" + unique;
        members.register(new Registration(resident, "r" + unique + "@example.org", "password-" + unique));
        members.register(new Registration(neighbour, "n" + unique + "@example.org", "password-" + unique));
        problemBoard = As.member(ADMIN, "ADMIN", () -> boards.createBoard("问题 " + unique, "problems", BoardKind.PROBLEMS));
    }

    @Test
    void aProblemIsAcknowledgedAnsweredResolvedAndReopenedByItsAuthor() throws Exception {
        Post report = As.member(resident, "RESIDENT", () -> posts.startTopic(problemBoard.getId(), "青年路路灯不亮 " + unique, "三天了"));
        long topicId = report.getTopic().getId();
        assertThat(topics.getTopic(topicId).getProblemStatus()).isEqualTo(ProblemStatus.OPEN);

        // Residents, even its author, do not move it forward; a moderator of another board neither.
        assertThatThrownBy(() -> As.member(resident, "RESIDENT", () -> problems.changeStatus(topicId, ProblemStatus.ACKNOWLEDGED, null)))
                .isInstanceOf(NotPermittedException.class);
        String otherModerator = "版主" + unique;
        long otherId = members.register(new Registration(otherModerator, "m" + unique + "@example.org", "password-" + unique)).getId();
        Board elsewhere = As.member(ADMIN, "ADMIN", () -> boards.createBoard("别处 " + unique, "", BoardKind.PROBLEMS));
        As.member(ADMIN, "ADMIN", () -> members.changeRole(otherId, Role.MODERATOR, Set.of(elsewhere.getId())));
        assertThatThrownBy(() -> As.member(otherModerator, "MODERATOR", () -> problems.changeStatus(topicId, ProblemStatus.ACKNOWLEDGED, null)))
                .isInstanceOf(NotPermittedException.class);

        As.member("staff", "STAFF", () -> problems.changeStatus(topicId, ProblemStatus.ACKNOWLEDGED, "已转交路灯所"));
        Post answer = As.member("staff", "STAFF", () -> posts.reply(topicId, "维修人员明天上午到场。"));
        As.member("staff", "STAFF", () -> problems.markOfficial(answer.getId()));
        assertThatThrownBy(() -> As.member("staff", "STAFF", () -> problems.changeStatus(topicId, ProblemStatus.RESOLVED, " ")))
                .as("a resolution needs a note").isInstanceOf(InvalidInputException.class);
        As.member("staff", "STAFF", () -> problems.changeStatus(topicId, ProblemStatus.RESOLVED, "已更换灯泡"));

        Topic resolved = topics.getTopic(topicId);
        assertThat(resolved.getProblemStatus()).isEqualTo(ProblemStatus.RESOLVED);
        assertThat(resolved.getResolvedAt()).isNotNull();
        assertThat(problems.findOfficialAnswer(resolved)).map(Post::getId).contains(answer.getId());

        // Someone else cannot reopen it; its author can, and it is open again.
        assertThatThrownBy(() -> As.member(neighbour, "RESIDENT", () -> problems.changeStatus(topicId, ProblemStatus.OPEN, "还是不亮")))
                .isInstanceOf(NotPermittedException.class);
        As.member(resident, "RESIDENT", () -> problems.changeStatus(topicId, ProblemStatus.OPEN, "晚上还是不亮"));
        assertThat(topics.getTopic(topicId).getProblemStatus()).isEqualTo(ProblemStatus.OPEN);
        assertThat(topics.getTopic(topicId).getResolvedAt()).isNull();
        assertThatThrownBy(() -> As.member("staff", "STAFF", () -> problems.changeStatus(topicId, ProblemStatus.OPEN, null)))
                .as("no change to the same status").isInstanceOf(InvalidInputException.class);

        List<EventLine> events = problems.listEvents(topicId);
        assertThat(events).extracting(line -> line.getEvent().getTo())
                .containsExactly(ProblemStatus.ACKNOWLEDGED, ProblemStatus.RESOLVED, ProblemStatus.OPEN);
        assertThat(events).extracting(line -> line.getEvent().getActor().getUsername()).containsExactly("staff", "staff", resident);
        assertThat(events).extracting(line -> line.getEvent().getNote()).containsExactly("已转交路灯所", "已更换灯泡", "晚上还是不亮");
        assertThat(events).extracting(EventLine::getAfterPost).containsExactly(1, 2, 2);
    }

    @Test
    void onlyStaffRepliesAreOfficialAndOnlyStaffMarkThem() throws Exception {
        Post report = As.member(resident, "RESIDENT", () -> posts.startTopic(problemBoard.getId(), "漏水 " + unique, "楼上漏水"));
        long topicId = report.getTopic().getId();
        Post residentReply = As.member(neighbour, "RESIDENT", () -> posts.reply(topicId, "我家也漏"));
        Post staffReply = As.member("staff", "STAFF", () -> posts.reply(topicId, "已联系物业"));

        assertThatThrownBy(() -> As.member("staff", "STAFF", () -> problems.markOfficial(residentReply.getId())))
                .as("a resident's reply is not official").isInstanceOf(NotPermittedException.class);
        assertThatThrownBy(() -> As.member("staff", "STAFF", () -> problems.markOfficial(report.getId())))
                .as("nor the report itself").isInstanceOf(NotPermittedException.class);
        assertThatThrownBy(() -> As.member(resident, "RESIDENT", () -> problems.markOfficial(staffReply.getId())))
                .isInstanceOf(EJBAccessException.class);
        assertThatThrownBy(() -> As.member("moderator", "MODERATOR", () -> problems.markOfficial(staffReply.getId())))
                .isInstanceOf(EJBAccessException.class);

        As.member("staff", "STAFF", () -> problems.markOfficial(staffReply.getId()));
        assertThat(topics.getTopic(topicId).getOfficialAnswerId()).isEqualTo(staffReply.getId());
        // Hidden by a moderator, it is no official answer to readers any more.
        As.member("moderator", "MODERATOR", () -> moderation.hidePost(staffReply.getId(), "发错了"));
        assertThat(problems.findOfficialAnswer(topics.getTopic(topicId))).isEmpty();
        As.member("staff", "STAFF", () -> problems.unmarkOfficial(topicId));
        assertThat(topics.getTopic(topicId).getOfficialAnswerId()).isNull();
    }

    @Test
    void staffAnswerOfficiallyInOneStepAndTheAuthorIsToldOnceOfAnOfficialAnswer() throws Exception {
        Post report = As.member(resident, "RESIDENT", () -> posts.startTopic(problemBoard.getId(), "井盖松动 " + unique, "走过去会响"));
        long topicId = report.getTopic().getId();

        assertThatThrownBy(() -> As.member(neighbour, "RESIDENT", () -> posts.reply(topicId, "我是官方", true)))
                .as("a resident's reply is no official answer").isInstanceOf(NotPermittedException.class);
        assertThatThrownBy(() -> As.member("moderator", "MODERATOR", () -> posts.reply(topicId, "版主答复", true)))
                .as("nor a moderator's").isInstanceOf(NotPermittedException.class);
        Board discussion = As.member(ADMIN, "ADMIN", () -> boards.createBoard("闲聊 " + unique, ""));
        Post chat = As.member(resident, "RESIDENT", () -> posts.startTopic(discussion.getId(), "闲聊 " + unique, "大家好"));
        assertThatThrownBy(() -> As.member("staff", "STAFF", () -> posts.reply(chat.getTopic().getId(), "官方的闲聊", true)))
                .as("official answers are for reported problems").isInstanceOf(NotPermittedException.class);
        assertThat(topics.getTopic(topicId).postCount()).as("nothing refused was stored").isEqualTo(1);

        Post answer = As.member("staff", "STAFF", () -> posts.reply(topicId, "已通知市政，本周内加固。", true));
        assertThat(topics.getTopic(topicId).getOfficialAnswerId()).isEqualTo(answer.getId());
        assertThat(problems.findOfficialAnswer(topics.getTopic(topicId))).map(Post::getId).contains(answer.getId());
        assertThat(As.member(resident, "RESIDENT", () -> notifications.list(1)).getItems().stream()
                .filter(n -> n.getTopic().getId() == topicId).map(Notification::getKind).toList())
                .as("one notification, of the official answer").containsExactly(NotificationKind.OFFICIAL);
    }

    @Test
    void onAnnouncementBoardsOnlyStaffStartTopicsAndResidentsReply() throws Exception {
        Board announcements = As.member(ADMIN, "ADMIN", () -> boards.createBoard("公告 " + unique, "", BoardKind.ANNOUNCEMENTS));
        assertThatThrownBy(() -> As.member(resident, "RESIDENT", () -> posts.startTopic(announcements.getId(), "我的公告", "内容")))
                .isInstanceOf(NotPermittedException.class);
        assertThatThrownBy(() -> As.member("moderator", "MODERATOR", () -> posts.startTopic(announcements.getId(), "版主公告", "内容")))
                .isInstanceOf(NotPermittedException.class);
        Post notice = As.member("staff", "STAFF", () -> posts.startTopic(announcements.getId(), "周六停水 " + unique, "上午九点到十二点停水"));
        As.member(resident, "RESIDENT", () -> posts.reply(notice.getTopic().getId(), "知道了"));
        assertThat(topics.getTopic(notice.getTopic().getId()).getProblemStatus()).as("announcements have no status").isNull();

        assertThat(posts.findLatestAnnouncement()).map(Post::getId).contains(notice.getId());
        As.member("moderator", "MODERATOR", () -> moderation.hideTopic(notice.getTopic().getId(), "发错了"));
        assertThat(posts.findLatestAnnouncement().map(Post::getId)).isNotEqualTo(Optional.of(notice.getId()));
    }

    @Test
    void aTopicMovedOntoAProblemBoardBecomesAnOpenProblem() throws Exception {
        Board discussion = As.member(ADMIN, "ADMIN", () -> boards.createBoard("闲聊 " + unique, ""));
        Post chat = As.member(resident, "RESIDENT", () -> posts.startTopic(discussion.getId(), "路灯的事 " + unique, "谁知道找谁"));
        assertThat(topics.getTopic(chat.getTopic().getId()).getProblemStatus()).isNull();
        As.member(ADMIN, "ADMIN", () -> moderation.move(chat.getTopic().getId(), problemBoard.getId(), "是问题反映"));
        assertThat(topics.getTopic(chat.getTopic().getId()).getProblemStatus()).isEqualTo(ProblemStatus.OPEN);
    }
}
