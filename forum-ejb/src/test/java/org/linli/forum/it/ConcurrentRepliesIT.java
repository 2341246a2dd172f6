package org.linli.forum.it;

import jakarta.ejb.EJB;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.linli.forum.board.Board;
import org.linli.forum.board.BoardService;
import org.linli.forum.member.MemberService;
import org.linli.forum.member.Registration;
import org.linli.forum.post.Post;
import org.linli.forum.post.PostService;
import org.linli.forum.topic.Topic;
import org.linli.forum.topic.TopicService;
import org.wildfly.security.auth.server.SecurityIdentity;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** Twenty members reply to one topic at the same moment: every reply counts, once. */
@ExtendWith(ArquillianExtension.class)
class ConcurrentRepliesIT {

    private static final int REPLIES = 20;

    @Deployment
    static WebArchive deployment() {
        return Deployments.forumDomain(ConcurrentRepliesIT.class);
    }

    @EJB
    private MemberService members;

    @EJB
    private BoardService boards;

    @EJB
    private TopicService topics;

    @EJB
    private PostService posts;

    @Test
    void twentyConcurrentRepliesAreNumberedTwoToTwentyOne() throws Exception {
        String unique = UUID.randomUUID().toString().substring(0, 8);
        Board board = boards.listBoards().get(0);
        members.register(new Registration("opener" + unique, "opener" + unique + "@example.org", "password-" + unique));
        long topicId = As.member("opener" + unique, "RESIDENT",
                () -> posts.startTopic(board.getId(), "并发回复 " + unique, "开始")).getTopic().getId();
        List<SecurityIdentity> repliers = new ArrayList<>();
        for (int i = 0; i < REPLIES; i++) {
            String name = "r" + i + "-" + unique;
            members.register(new Registration(name, name + "@example.org", "password-" + unique));
            repliers.add(As.identity(name, "RESIDENT"));
        }
        long boardPostsBefore = boards.getBoard(board.getId()).getPostCount();

        ExecutorService pool = Executors.newFixedThreadPool(REPLIES);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Integer>> numbers = new ArrayList<>();
        try {
            for (SecurityIdentity replier : repliers) {
                numbers.add(pool.submit(() -> {
                    start.await();
                    return replier.runAs((Callable<Integer>) () -> posts.reply(topicId, "我也看到了").getNumber());
                }));
            }
            start.countDown();
            List<Integer> assigned = new ArrayList<>();
            for (Future<Integer> number : numbers) {
                assigned.add(number.get(60, TimeUnit.SECONDS));
            }
            assertThat(assigned).containsExactlyInAnyOrderElementsOf(
                    java.util.stream.IntStream.rangeClosed(2, REPLIES + 1).boxed().toList());
        } finally {
            pool.shutdownNow();
        }

        Topic topic = topics.getTopic(topicId);
        assertThat(topic.getReplyCount()).isEqualTo(REPLIES);
        List<Post> all = new ArrayList<>(posts.listPosts(topic, 1).getItems());
        all.addAll(posts.listPosts(topic, 2).getItems());
        assertThat(all).extracting(Post::getNumber).containsExactlyElementsOf(
                java.util.stream.IntStream.rangeClosed(1, REPLIES + 1).boxed().toList());
        assertThat(boards.getBoard(board.getId()).getPostCount()).isEqualTo(boardPostsBefore + REPLIES);
    }
}
