package org.linli.forum.it;

import jakarta.ejb.EJB;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.linli.forum.audit.AuditAction;
import org.linli.forum.audit.AuditEntry;
import org.linli.forum.audit.AuditService;
import org.linli.forum.board.Board;
import org.linli.forum.board.BoardService;
import org.linli.forum.common.InvalidInputException;
import org.linli.forum.common.NotFoundException;
import org.linli.forum.common.RateLimitedException;
import org.linli.forum.member.MemberService;
import org.linli.forum.member.MemberSuspendedException;
import org.linli.forum.member.Registration;
import org.linli.forum.member.Role;
import org.linli.forum.moderation.ModerationService;
import org.linli.forum.moderation.Report;
import org.linli.forum.moderation.ReportService;
import org.linli.forum.post.Post;
import org.linli.forum.post.PostService;
import org.linli.forum.search.SearchRequest;
import org.linli.forum.search.SearchResults;
import org.linli.forum.sitesearch.SearchIndexer;
import org.linli.forum.sitesearch.SearchService;
import org.linli.forum.topic.Topic;
import org.linli.forum.topic.TopicService;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Moderation beyond yes and no: what each action does to counters, search and the log; the
 * report workflow; suspensions; flood control.
 */
@ExtendWith(ArquillianExtension.class)
class ModerationIT {

    @Deployment
    static WebArchive deployment() {
        return Deployments.forumDomain(ModerationIT.class);
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
    private ModerationService moderation;

    @EJB
    private ReportService reports;

    @EJB
    private AuditService audit;

    @EJB
    private SearchService search;

    @EJB
    private SearchIndexer indexer;

    private String unique;
    private String resident;

    @BeforeEach
    void registerResident() {
        unique = UUID.randomUUID().toString().substring(0, 8);
        resident = "住户" + unique;
        members.register(new Registration(resident, unique + "@example.org", "password-" + unique));
    }

    @Test
    void movingATopicMovesItsCountsAndHidingItTakesItOffTheBoard() throws Exception {
        Board from = As.member(ADMIN, "ADMIN", () -> boards.createBoard("移出 " + unique, "from"));
        Board to = As.member(ADMIN, "ADMIN", () -> boards.createBoard("移入 " + unique, "to"));
        Post opening = As.member(resident, "RESIDENT", () -> posts.startTopic(from.getId(), "放错了 " + unique, "路灯"));
        long topicId = opening.getTopic().getId();
        As.member(resident, "RESIDENT", () -> posts.reply(topicId, "补充一句"));

        As.member("moderator", "MODERATOR", () -> moderation.move(topicId, to.getId(), "属于城市建设"));

        assertThat(boards.getBoard(from.getId())).extracting(Board::getTopicCount, Board::getPostCount).containsExactly(0, 0L);
        assertThat(boards.getBoard(from.getId()).getLastTopic()).isNull();
        assertThat(boards.getBoard(to.getId())).extracting(Board::getTopicCount, Board::getPostCount).containsExactly(1, 2L);
        assertThat(topics.listTopics(to.getId(), 1).getItems()).extracting(Topic::getId).containsExactly(topicId);
        assertThatThrownBy(() -> As.member("moderator", "MODERATOR", () -> moderation.move(topicId, to.getId(), null)))
                .isInstanceOf(InvalidInputException.class);

        As.member("moderator", "MODERATOR", () -> moderation.hideTopic(topicId, "重复"));
        Board hiddenFrom = boards.getBoard(to.getId());
        assertThat(hiddenFrom.getTopicCount()).isZero();
        assertThat(hiddenFrom.getHiddenTopicCount()).isEqualTo(1);
        assertThat(hiddenFrom.getLastTopic()).as("the board index must not show a hidden title").isNull();
        assertThatThrownBy(() -> topics.getTopic(topicId)).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> As.member(resident, "RESIDENT", () -> topics.getTopic(topicId))).isInstanceOf(NotFoundException.class);
        assertThat(As.member("staff", "STAFF", () -> topics.getTopic(topicId)).isHidden()).isTrue();
        assertThat(As.member("moderator", "MODERATOR", () -> topics.listTopics(to.getId(), 1)).getItems()).hasSize(1);
        assertThatThrownBy(() -> topics.listTopics(to.getId(), 2)).isInstanceOf(NotFoundException.class);

        As.member("moderator", "MODERATOR", () -> moderation.restoreTopic(topicId, "误判"));
        assertThat(boards.getBoard(to.getId())).extracting(Board::getTopicCount, Board::getHiddenTopicCount).containsExactly(1, 0);
        assertThat(boards.getBoard(to.getId()).getLastTopic().getId()).isEqualTo(topicId);

        assertThat(As.member("staff", "STAFF", () -> audit.list("moderator", to.getId(), null, 1)).getItems())
                .extracting(AuditEntry::getAction)
                .containsExactly(AuditAction.TOPIC_RESTORED, AuditAction.TOPIC_HIDDEN, AuditAction.TOPIC_MOVED);
        assertThat(As.member("staff", "STAFF", () -> audit.list(null, null, AuditAction.TOPIC_HIDDEN, 1)).getItems())
                .allSatisfy(entry -> assertThat(entry.getAction()).isEqualTo(AuditAction.TOPIC_HIDDEN))
                .anySatisfy(entry -> {
                    assertThat(entry.getTargetId()).isEqualTo(topicId);
                    assertThat(entry.getReason()).isEqualTo("重复");
                    assertThat(entry.getActor().getUsername()).isEqualTo("moderator");
                });
    }

    @Test
    void reportsAreCountedOnceQueuedOldestFirstAndTheReporterSeesTheOutcome() throws Exception {
        Board board = As.member(ADMIN, "ADMIN", () -> boards.createBoard("举报 " + unique, "reports"));
        String scoped = "版主" + unique;
        long scopedId = members.register(new Registration(scoped, "m" + unique + "@example.org", "password-" + unique)).getId();
        As.member(ADMIN, "ADMIN", () -> members.changeRole(scopedId, Role.MODERATOR, Set.of(board.getId())));
        String other = "邻居" + unique;
        members.register(new Registration(other, "o" + unique + "@example.org", "password-" + unique));

        Post first = As.member(resident, "RESIDENT", () -> posts.startTopic(board.getId(), "广告 " + unique, "买买买"));
        Post second = As.member(resident, "RESIDENT", () -> posts.reply(first.getTopic().getId(), "再来一次"));
        Report firstReport = As.member(other, "RESIDENT", () -> reports.report(first.getId(), "广告"));
        Report again = As.member(other, "RESIDENT", () -> reports.report(first.getId(), "还是广告"));
        assertThat(again.getId()).isEqualTo(firstReport.getId());
        As.member(other, "RESIDENT", () -> reports.report(second.getId(), "也是广告"));
        assertThatThrownBy(() -> As.member(resident, "RESIDENT", () -> reports.report(first.getId(), "举报自己")))
                .as("nobody reports their own post").isInstanceOf(org.linli.forum.common.NotPermittedException.class);
        assertThatThrownBy(() -> As.member(other, "RESIDENT", () -> reports.report(second.getId(), " ")))
                .isInstanceOf(InvalidInputException.class);

        var queue = As.member(scoped, "MODERATOR", () -> reports.queue(1)).getItems();
        assertThat(queue).extracting(r -> r.getPost().getId()).containsExactly(first.getId(), second.getId());
        assertThat(queue).extracting(Report::getReason).containsExactly("广告", "也是广告");

        As.member(scoped, "MODERATOR", () -> moderation.hideReportedPost(queue.get(0).getId(), "已删除广告"));
        As.member(scoped, "MODERATOR", () -> moderation.dismissReport(queue.get(1).getId(), "回复本身没有问题"));
        assertThat(As.member(scoped, "MODERATOR", () -> reports.queue(1)).getItems()).isEmpty();
        // The hidden post opened the topic: the topic is hidden with it, for the moderator to see only.
        assertThatThrownBy(() -> As.member(resident, "RESIDENT", () -> topics.getTopic(first.getTopic().getId())))
                .isInstanceOf(NotFoundException.class);
        assertThat(As.member(scoped, "MODERATOR", () -> posts.listPosts(topics.getTopic(first.getTopic().getId()), 1)).getItems())
                .extracting(Post::getNumber, Post::isHidden).containsExactly(
                        org.assertj.core.groups.Tuple.tuple(1, true), org.assertj.core.groups.Tuple.tuple(2, false));

        assertThat(As.member(other, "RESIDENT", () -> reports.myReports()))
                .extracting(Report::getStatus, Report::getResolutionNote)
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple(Report.Status.POST_HIDDEN, "已删除广告"),
                        org.assertj.core.groups.Tuple.tuple(Report.Status.DISMISSED, "回复本身没有问题"));
    }

    @Test
    void hiddenPostsAreFoundOnlyBySearchersWhoMaySeeThem() throws Exception {
        String word = "隐形" + unique;
        Post post = As.member(resident, "RESIDENT", () -> posts.startTopic(boards.listBoards().get(0).getId(), "搜索 " + unique, word));
        indexer.applyPending();
        assertThat(hits(word)).isEqualTo(1);

        As.member("moderator", "MODERATOR", () -> moderation.hidePost(post.getId(), "隐私"));
        indexer.applyPending();
        assertThat(hits(word)).as("anonymous").isZero();
        assertThat(hits(resident, "RESIDENT", word)).as("even its author").isZero();
        assertThat(hits("moderator", "MODERATOR", word)).isEqualTo(1);
        assertThat(hits("staff", "STAFF", word)).isEqualTo(1);
        String elsewhere = "别版" + unique;
        long elsewhereId = members.register(new Registration(elsewhere, "e" + unique + "@example.org", "password-" + unique)).getId();
        Board other = As.member(ADMIN, "ADMIN", () -> boards.createBoard("别版 " + unique, ""));
        As.member(ADMIN, "ADMIN", () -> members.changeRole(elsewhereId, Role.MODERATOR, Set.of(other.getId())));
        assertThat(hits(elsewhere, "MODERATOR", word)).as("a moderator of another board searches as a reader").isZero();

        As.member("moderator", "MODERATOR", () -> moderation.restorePost(post.getId(), "误判"));
        As.member("moderator", "MODERATOR", () -> moderation.hideTopic(post.getTopic().getId(), "整个主题"));
        indexer.applyPending();
        assertThat(hits(word)).as("a hidden topic hides its posts").isZero();
        assertThat(hits("staff", "STAFF", word)).isEqualTo(1);
    }

    @Test
    void aSuspendedMemberCannotSignInOrPostUntilReinstated() throws Exception {
        long id = members.findByUsername(resident).orElseThrow().getId();
        As.member("moderator", "MODERATOR", () -> moderation.suspend(id, Instant.now().plusSeconds(86_400), "辱骂邻居"));

        assertThatThrownBy(() -> members.authenticate(resident, "password-" + unique, "192.0.2.44"))
                .isInstanceOf(MemberSuspendedException.class)
                .satisfies(e -> assertThat(((MemberSuspendedException) e).getReason()).isEqualTo("辱骂邻居"));
        assertThat(members.authenticate(resident, "wrong-password", "192.0.2.45")).as("no hint without the password").isEmpty();
        assertThat(members.sessionMember(resident)).as("open sessions end").isEmpty();
        assertThatThrownBy(() -> As.member(resident, "RESIDENT",
                () -> posts.startTopic(boards.listBoards().get(0).getId(), "还想发", "内容")))
                .isInstanceOf(org.linli.forum.member.NotSignedInException.class);
        assertThatThrownBy(() -> As.member("moderator", "MODERATOR", () -> moderation.suspend(id, Instant.now().minusSeconds(5), "过去")))
                .isInstanceOf(InvalidInputException.class);

        As.member("moderator", "MODERATOR", () -> moderation.reinstate(id, "已道歉"));
        assertThat(members.authenticate(resident, "password-" + unique, "192.0.2.44")).isPresent();
        assertThat(As.member("staff", "STAFF", () -> audit.list("moderator", null, AuditAction.MEMBER_REINSTATED, 1)).getItems())
                .anySatisfy(entry -> assertThat(entry.getTargetLabel()).isEqualTo(resident));
    }

    @Test
    void authorsDeleteTheirOwnPostsOnlyAndModeratorsStillReadAndRestoreThem() throws Exception {
        Post opening = As.member(resident, "RESIDENT", () -> posts.startTopic(boards.listBoards().get(0).getId(), "删帖 " + unique, "原帖"));
        Post reply = As.member(resident, "RESIDENT", () -> posts.reply(opening.getTopic().getId(), "说错了 " + unique));
        String other = "路人" + unique;
        members.register(new Registration(other, "d" + unique + "@example.org", "password-" + unique));
        assertThatThrownBy(() -> As.member(other, "RESIDENT", () -> posts.delete(reply.getId())))
                .isInstanceOf(org.linli.forum.common.NotPermittedException.class);

        Post deleted = As.member(resident, "RESIDENT", () -> posts.delete(reply.getId()));
        assertThat(deleted.isHidden()).isTrue();
        assertThat(deleted.isDeletedByAuthor()).isTrue();
        assertThatThrownBy(() -> posts.getPost(reply.getId())).as("anonymous").isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> As.member(resident, "RESIDENT", () -> posts.getPost(reply.getId())))
                .as("gone for its author too").isInstanceOf(NotFoundException.class);
        assertThat(As.member("moderator", "MODERATOR", () -> posts.getPost(reply.getId())).getSource()).isEqualTo("说错了 " + unique);
        assertThat(As.member("staff", "STAFF", () -> audit.list(resident, null, AuditAction.POST_DELETED_BY_AUTHOR, 1)).getItems())
                .extracting(AuditEntry::getTargetId).containsExactly(reply.getId());

        As.member("moderator", "MODERATOR", () -> moderation.restorePost(reply.getId(), "作者要求恢复"));
        assertThat(posts.getPost(reply.getId()).isDeletedByAuthor()).isFalse();
    }

    @Test
    void floodControlSpacesAMembersPostsAndRefusesRepeats() throws Exception {
        String previous = System.getProperty("linli.flood.interval");
        System.setProperty("linli.flood.interval", "15");
        try {
            long board = boards.listBoards().get(0).getId();
            Post opening = As.member(resident, "RESIDENT", () -> posts.startTopic(board, "刷屏 " + unique, "第一帖"));
            assertThatThrownBy(() -> As.member(resident, "RESIDENT", () -> posts.reply(opening.getTopic().getId(), "第二帖")))
                    .isInstanceOf(RateLimitedException.class)
                    .satisfies(e -> assertThat(((RateLimitedException) e).getRetryAfterSeconds()).isBetween(1L, 15L));
            // Moderators and staff are exempt.
            As.member("staff", "STAFF", () -> posts.reply(opening.getTopic().getId(), "工作人员答复"));
            As.member("staff", "STAFF", () -> posts.reply(opening.getTopic().getId(), "工作人员补充"));

            System.setProperty("linli.flood.interval", "0");
            assertThatThrownBy(() -> As.member(resident, "RESIDENT", () -> posts.reply(opening.getTopic().getId(), "第一帖")))
                    .as("the same text again within ten minutes")
                    .isInstanceOf(RateLimitedException.class).extracting("messageKey").isEqualTo("error.flood.duplicate");
            As.member(resident, "RESIDENT", () -> posts.reply(opening.getTopic().getId(), "第二帖"));
            assertThat(topics.getTopic(opening.getTopic().getId()).getReplyCount()).isEqualTo(3);
        } finally {
            if (previous == null) {
                System.clearProperty("linli.flood.interval");
            } else {
                System.setProperty("linli.flood.interval", previous);
            }
        }
    }

    /** Posts that have the words as asked (not the looser fallback's posts with some of them). */
    private long hits(String text) {
        var results = search.search(SearchRequest.of(text));
        return results.relaxed() ? 0 : results.totalPosts();
    }

    private long hits(String username, String role, String text) throws Exception {
        if (username == null) {
            return hits(text);
        }
        return As.member(username, role, () -> hits(text));
    }
}
