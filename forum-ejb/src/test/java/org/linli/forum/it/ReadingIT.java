package org.linli.forum.it;

import jakarta.ejb.EJB;
import jakarta.ejb.EJBAccessException;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.wildfly.security.auth.server.SecurityIdentity;
import org.linli.forum.board.Board;
import org.linli.forum.board.BoardService;
import org.linli.forum.member.MemberService;
import org.linli.forum.member.Registration;
import org.linli.forum.post.PostService;
import org.linli.forum.notify.NotificationService;
import org.linli.forum.reading.ReaderMarks;
import org.linli.forum.reading.ReadingService;
import org.linli.forum.reading.TopicProgress;
import org.linli.forum.topic.Topic;
import org.linli.forum.topic.TopicService;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Unread tracking: what is new to whom, and where reading picks up. */
@ExtendWith(ArquillianExtension.class)
class ReadingIT {

    @Deployment
    static WebArchive deployment() {
        return Deployments.forumDomain(ReadingIT.class);
    }

    @EJB
    private MemberService members;

    @EJB
    private BoardService boards;

    @EJB
    private TopicService topics;

    @EJB
    private PostService posts;

    @EJB
    private ReadingService reading;

    @EJB
    private NotificationService notifications;

    @Test
    void aMemberSeesWhatIsNewSinceTheyLastReadAndNewcomersStartCaughtUp() throws Exception {
        String unique = UUID.randomUUID().toString().substring(0, 8);
        String reader = "读者" + unique;
        String writer = "作者" + unique;
        register(reader, "r" + unique);
        register(writer, "w" + unique);
        long topicId = newTopic(writer, "未读 " + unique, "新话题 " + unique);

        assertThat(unread(reader, topicId)).as("never opened: unread from the start").isEqualTo(1);
        As.member(reader, "RESIDENT", () -> reading.markRead(topicId, 1));
        assertThat(unread(reader, topicId)).isNull();

        As.member(writer, "RESIDENT", () -> posts.reply(topicId, "第二帖"));
        As.member(writer, "RESIDENT", () -> posts.reply(topicId, "第三帖"));
        assertThat(unread(reader, topicId)).isEqualTo(2);
        As.member(reader, "RESIDENT", () -> reading.markRead(topicId, 3));
        As.member(reader, "RESIDENT", () -> reading.markRead(topicId, 1));
        assertThat(unread(reader, topicId)).as("an old page does not unread newer posts").isNull();

        // A member who registers now finds this topic read: it is older than their account.
        String newcomer = "新人" + unique;
        register(newcomer, "n" + unique);
        assertThat(unread(newcomer, topicId)).isNull();
        assertThat(reading.firstUnread(List.of(topics.getTopic(topicId)))).as("anonymous readers track nothing").isEmpty();
        assertThatThrownBy(() -> reading.markRead(topicId, 1)).isInstanceOf(EJBAccessException.class);
    }

    @Test
    void oneMemberOpeningATopicInSeveralSessionsAtOnceKeepsOneMarkAndNoErrors() throws Exception {
        String unique = UUID.randomUUID().toString().substring(0, 8);
        String reader = "多窗口" + unique;
        String writer = "写帖" + unique;
        register(reader, "m" + unique);
        register(writer, "w" + unique);
        long topicId = newTopic(writer, "并发阅读 " + unique, "多个窗口 " + unique);
        As.member(writer, "RESIDENT", () -> posts.reply(topicId, "第二帖"));
        As.member(writer, "RESIDENT", () -> posts.reply(topicId, "第三帖"));
        SecurityIdentity member = As.identity(reader, "RESIDENT");

        // Eight sessions of the same member open the topic for the first time at the same moment.
        ExecutorService pool = Executors.newFixedThreadPool(8);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<?>> views = new ArrayList<>();
        try {
            for (int i = 0; i < 8; i++) {
                int number = 1 + i % 3;
                views.add(pool.submit(() -> {
                    start.await();
                    member.runAs((Runnable) () -> reading.markRead(topicId, number));
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> view : views) {
                view.get(60, TimeUnit.SECONDS);  // none failed (a duplicate first mark would)
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(unread(reader, topicId)).as("read up to the furthest page any session saw").isNull();
    }

    @Test
    void aPageViewGetsAllOfItsReadersMarksInOneCall() throws Exception {
        String unique = UUID.randomUUID().toString().substring(0, 8);
        String reader = "一次" + unique;
        String writer = "回帖" + unique;
        String other = "另一位" + unique;
        register(reader, "o" + unique);
        register(writer, "w" + unique);
        register(other, "x" + unique);
        long topicId = newTopic(writer, "一次取齐 " + unique, "标记 " + unique);
        long otherId = newTopic(other, "另一版 " + unique, "没看过 " + unique);
        As.member(reader, "RESIDENT", () -> reading.markRead(topicId, 1));
        As.member(reader, "RESIDENT", () -> notifications.watchTopic(topicId, true));
        As.member(writer, "RESIDENT", () -> posts.reply(topicId, "第二帖"));
        As.member(writer, "RESIDENT", () -> posts.reply(topicId, "第三帖"));

        // A topic page: the topic itself is both on the page and the one being read.
        ReaderMarks onTopic = As.member(reader, "RESIDENT", () -> reading.marksFor(List.of(progress(topicId)), topicId));
        assertThat(onTopic.firstUnread()).containsExactly(Map.entry(topicId, 2));
        assertThat(onTopic.readMark()).as("read up to the first post before this view").isEqualTo(1);
        assertThat(onTopic.watching()).isTrue();
        assertThat(onTopic.unreadNotifications()).as("the same count as asked alone")
                .isEqualTo(As.member(reader, "RESIDENT", () -> notifications.unreadCount())).isPositive();

        // A board page lists topics and reads none.
        ReaderMarks onBoard = As.member(reader, "RESIDENT", () -> reading.marksFor(List.of(progress(topicId), progress(otherId)), 0));
        assertThat(onBoard.firstUnread()).containsOnly(Map.entry(topicId, 2), Map.entry(otherId, 1));
        assertThat(onBoard.readMark()).isZero();
        assertThat(onBoard.watching()).isFalse();

        // A topic never opened, asked for alone.
        ReaderMarks unopened = As.member(reader, "RESIDENT", () -> reading.marksFor(List.of(), otherId));
        assertThat(unopened.readMark()).isZero();
        assertThat(unopened.watching()).isFalse();

        assertThat(reading.marksFor(List.of(progress(topicId)), topicId)).as("anonymous").isEqualTo(ReaderMarks.NONE);
    }

    /** Registers {@code name} with the mail address {@code <local>@example.org}. */
    private void register(String name, String local) {
        members.register(new Registration(name, local + "@example.org", "password-" + local));
    }

    /** A topic with one post ("第一帖") by {@code writer}, on a new board of its own; returns its id. */
    private long newTopic(String writer, String boardName, String title) throws Exception {
        Board board = As.member("it-admin", "ADMIN", () -> boards.createBoard(boardName, ""));
        return As.member(writer, "RESIDENT", () -> posts.startTopic(board.getId(), title, "第一帖")).getTopic().getId();
    }

    private TopicProgress progress(long topicId) {
        return TopicProgress.of(topics.getTopic(topicId));
    }

    private Integer unread(String member, long topicId) throws Exception {
        return As.member(member, "RESIDENT", () -> {
            Topic topic = topics.getTopic(topicId);
            return reading.firstUnread(List.of(topic)).get(topicId);
        });
    }
}
