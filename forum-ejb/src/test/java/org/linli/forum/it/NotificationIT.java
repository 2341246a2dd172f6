package org.linli.forum.it;

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
import org.linli.forum.common.NotFoundException;
import org.linli.forum.member.MemberService;
import org.linli.forum.member.Registration;
import org.linli.forum.moderation.ModerationService;
import org.linli.forum.notify.Notification;
import org.linli.forum.notify.NotificationKind;
import org.linli.forum.notify.NotificationService;
import org.linli.forum.post.Post;
import org.linli.forum.post.PostService;
import org.linli.forum.problem.ProblemService;
import org.linli.forum.topic.ProblemStatus;

import java.util.EnumSet;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Who is told about what: watching, the kinds of notification, opting out, reading. */
@ExtendWith(ArquillianExtension.class)
class NotificationIT {

    @Deployment
    static WebArchive deployment() {
        return Deployments.forumDomain(NotificationIT.class);
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
    private NotificationService notifications;

    @EJB
    private ModerationService moderation;

    @Test
    void watchersAreToldOfRepliesStatusAndOfficialAnswersButNotOfTheirOwnActs() throws Exception {
        String unique = UUID.randomUUID().toString().substring(0, 8);
        String author = "提问" + unique;
        String neighbour = "邻居" + unique;
        String follower = "关注" + unique;
        for (String name : List.of(author, neighbour, follower)) {
            members.register(new Registration(name, name.hashCode() + unique + "@example.org", "password-" + unique));
        }
        Board board = As.member("it-admin", "ADMIN", () -> boards.createBoard("通知 " + unique, "", BoardKind.PROBLEMS));
        As.member(follower, "RESIDENT", () -> notifications.watchBoard(board.getId(), true));

        Post report = As.member(author, "RESIDENT", () -> posts.startTopic(board.getId(), "路灯 " + unique, "不亮了"));
        long topicId = report.getTopic().getId();
        assertThat(kinds(follower)).containsExactly(NotificationKind.NEW_TOPIC);
        assertThat(kinds(author)).as("not told of one's own topic").isEmpty();

        As.member(neighbour, "RESIDENT", () -> posts.reply(topicId, "我家门口也是"));
        assertThat(kinds(author)).containsExactly(NotificationKind.REPLY);
        assertThat(kinds(follower)).as("a board watcher does not follow every reply").containsExactly(NotificationKind.NEW_TOPIC);

        // The neighbour now watches the topic (they posted in it) but turned status changes off.
        As.member(neighbour, "RESIDENT", () -> notifications.choose(EnumSet.of(NotificationKind.REPLY, NotificationKind.OFFICIAL)));
        As.member("staff", "STAFF", () -> problems.changeStatus(topicId, ProblemStatus.ACKNOWLEDGED, "已受理"));
        Post answer = As.member("staff", "STAFF", () -> posts.reply(topicId, "明天修"));
        As.member("staff", "STAFF", () -> problems.markOfficial(answer.getId()));

        assertThat(kinds(author)).containsExactly(NotificationKind.OFFICIAL, NotificationKind.REPLY, NotificationKind.STATUS,
                NotificationKind.REPLY);
        assertThat(kinds(neighbour)).containsExactly(NotificationKind.OFFICIAL, NotificationKind.REPLY);
        // The demo staff account is shared with other tests: only this topic's notifications count.
        assertThat(As.member("staff", "STAFF", () -> notifications.list(1)).getItems().stream()
                .filter(n -> n.getTopic().getId() == topicId).map(Notification::getKind).toList())
                .as("staff are not told of their own acts").isEmpty();

        assertThat(As.member(author, "RESIDENT", () -> notifications.unreadCount())).isEqualTo(4);
        Notification newest = As.member(author, "RESIDENT", () -> notifications.list(1)).getItems().get(0);
        assertThat(As.member(author, "RESIDENT", () -> notifications.open(newest.getId())).getPost().getId()).isEqualTo(answer.getId());
        assertThat(As.member(author, "RESIDENT", () -> notifications.unreadCount())).isEqualTo(3);
        assertThatThrownBy(() -> As.member(neighbour, "RESIDENT", () -> notifications.open(newest.getId())))
                .as("nobody opens another's notification").isInstanceOf(NotFoundException.class);
        As.member(author, "RESIDENT", () -> notifications.markAllRead());
        assertThat(As.member(author, "RESIDENT", () -> notifications.unreadCount())).isZero();

        // A topic hidden since is no longer in anyone's notifications.
        As.member(neighbour, "RESIDENT", () -> posts.reply(topicId, "还有一件事"));
        assertThat(As.member(author, "RESIDENT", () -> notifications.unreadCount())).isEqualTo(1);
        As.member("moderator", "MODERATOR", () -> moderation.hideTopic(topicId, "涉及隐私"));
        assertThat(As.member(author, "RESIDENT", () -> notifications.unreadCount())).isZero();
        assertThat(kinds(author)).isEmpty();
        As.member("moderator", "MODERATOR", () -> moderation.restoreTopic(topicId, "已处理"));
        As.member(author, "RESIDENT", () -> notifications.markAllRead());

        // Unwatching stops it.
        As.member(author, "RESIDENT", () -> notifications.watchTopic(topicId, false));
        As.member(neighbour, "RESIDENT", () -> posts.reply(topicId, "谢谢"));
        assertThat(As.member(author, "RESIDENT", () -> notifications.unreadCount())).isZero();
        assertThat(notifications.unreadCount()).as("anonymous").isZero();
        assertThatThrownBy(() -> notifications.list(1)).isInstanceOf(EJBAccessException.class);
    }

    private List<NotificationKind> kinds(String member) throws Exception {
        return As.member(member, "RESIDENT", () -> notifications.list(1).getItems().stream().map(Notification::getKind).toList());
    }
}
