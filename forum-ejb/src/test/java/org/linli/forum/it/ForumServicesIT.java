package org.linli.forum.it;

import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import jakarta.ejb.EJBAccessException;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.linli.forum.board.Board;
import org.linli.forum.board.BoardService;
import org.linli.forum.common.InvalidInputException;
import org.linli.forum.common.NotFoundException;
import org.linli.forum.common.NotPermittedException;
import org.linli.forum.common.Page;
import org.linli.forum.member.EmailTakenException;
import org.linli.forum.member.Member;
import org.linli.forum.member.MemberService;
import org.linli.forum.member.NotSignedInException;
import org.linli.forum.member.Registration;
import org.linli.forum.member.Role;
import org.linli.forum.member.UsernameTakenException;
import org.linli.forum.post.Post;
import org.linli.forum.post.PostRevision;
import org.linli.forum.post.PostService;
import org.linli.forum.topic.Topic;
import org.linli.forum.topic.TopicService;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The use-case services in the real server: registration and credentials, starting topics and
 * replying, the container's role checks, and transactions that leave nothing half-done.
 */
@ExtendWith(ArquillianExtension.class)
class ForumServicesIT {

    @Deployment
    static WebArchive deployment() {
        return Deployments.forumDomain(ForumServicesIT.class);
    }

    @EJB
    private MemberService members;

    @EJB
    private BoardService boards;

    @EJB
    private TopicService topics;

    @EJB
    private PostService posts;


    @Resource(lookup = "java:jboss/datasources/LinliDS")
    private DataSource dataSource;

    private String unique;
    private String username;

    @BeforeEach
    void registerResident() {
        unique = UUID.randomUUID().toString().substring(0, 8);
        username = "居民" + unique;
        members.register(new Registration(username, unique + "@example.org", "青年路十二号 " + unique));
    }

    @Test
    void demoModeSeedsThreeBoardsAndTheDemoAccounts() {
        assertThat(boards.listBoards()).extracting(Board::getName).contains("物业管理", "城市建设", "社区公告");
        assertThat(members.findByUsername("resident")).map(Member::getRole).contains(Role.RESIDENT);
        assertThat(members.findByUsername("moderator")).map(Member::getRole).contains(Role.MODERATOR);
        assertThat(members.findByUsername("staff")).map(Member::getRole).contains(Role.STAFF);
        assertThat(members.authenticate("staff", "linli-staff", "192.0.2.1")).isPresent();
    }

    @Test
    void theFirstAdministratorComesFromTheSettings() {
        // arquillian.xml starts the server with linli.admin.username=it-admin and so on.
        assertThat(members.findByUsername("it-admin")).map(Member::getRole).contains(Role.ADMIN);
        assertThat(members.authenticate("it-admin", "it-admin-password-2026", "192.0.2.1")).isPresent();
        assertThat(members.findByUsername("admin")).map(Member::getRole).contains(Role.ADMIN);
    }

    @Test
    void registeredMembersSignInWithTheirPasswordOnly() throws Exception {
        assertThat(members.authenticate(username, "青年路十二号 " + unique, "192.0.2.1")).map(Member::getUsername).contains(username);
        assertThat(members.authenticate(username.toUpperCase(), "青年路十二号 " + unique, "192.0.2.1")).isPresent();
        assertThat(members.authenticate(username, "wrong password", "192.0.2.1")).isEmpty();
        assertThat(members.authenticate("nobody-" + unique, "whatever123", "192.0.2.1")).isEmpty();

        // Stored as a PBKDF2 hash, never as typed.
        try (Connection connection = dataSource.getConnection();
             PreparedStatement query = connection.prepareStatement("select password_hash from forum_member where username = ?")) {
            query.setString(1, username);
            try (ResultSet row = query.executeQuery()) {
                assertThat(row.next()).isTrue();
                assertThat(row.getString(1)).startsWith("PBKDF2WithHmacSHA256:210000:").doesNotContain("青年路");
            }
        }
    }

    @Test
    void usernamesAndEmailsAreTakenOnce() {
        assertThatThrownBy(() -> members.register(new Registration(username.toUpperCase(), "other" + unique + "@example.org", "password-123")))
                .isInstanceOf(UsernameTakenException.class);
        assertThatThrownBy(() -> members.register(new Registration("other" + unique, unique.toUpperCase() + "@EXAMPLE.org", "password-123")))
                .isInstanceOf(EmailTakenException.class);
        assertThatThrownBy(() -> members.register(new Registration("x" + unique, "x" + unique + "@example.org", "x" + unique)))
                .isInstanceOf(InvalidInputException.class)
                .extracting("messageKey").isEqualTo("error.password.sameAsUsername");
    }

    @Test
    void aResidentStartsATopicAndRepliesAndTheCountersFollow() throws Exception {
        Board board = board("城市建设");
        Post opening = As.member(username, "RESIDENT", () -> posts.startTopic(board.getId(), "青年路路灯不亮了 " + unique, "晚上十点以后整条路都是黑的。"));
        long topicId = opening.getTopic().getId();
        Post reply = As.member(username, "RESIDENT", () -> posts.reply(topicId, "已经报修了。\n\n谢谢！"));

        Topic topic = topics.getTopic(topicId);
        assertThat(opening.getNumber()).isEqualTo(1);
        assertThat(reply.getNumber()).isEqualTo(2);
        assertThat(topic.getTitle()).isEqualTo("青年路路灯不亮了 " + unique);
        assertThat(topic.getReplyCount()).isEqualTo(1);
        assertThat(topic.getLastPoster().getUsername()).isEqualTo(username);
        // The sanitizer writes full-width punctuation as character references; browsers show it as typed.
        assertThat(reply.getHtml()).isEqualTo("<p>已经报修了。</p>\n<p>谢谢&#xff01;</p>\n");

        Board after = board("城市建设");
        assertThat(after.getTopicCount()).isEqualTo(board.getTopicCount() + 1);
        assertThat(after.getPostCount()).isEqualTo(board.getPostCount() + 2);
        assertThat(boards.listBoards()).filteredOn(b -> b.getId().equals(board.getId()))
                .singleElement().extracting(b -> b.getLastTopic().getId()).isEqualTo(topicId);

        Page<Topic> firstPage = topics.listTopics(board.getId(), 1);
        assertThat(firstPage.getItems()).first().extracting(Topic::getId).isEqualTo(topicId);
        assertThat(firstPage.getTotalItems()).isEqualTo(after.getTopicCount());
    }

    @Test
    void quotingAPostStartsTheReplyWithItsAuthorAndText() throws Exception {
        Post opening = As.member(username, "RESIDENT", () -> posts.startTopic(board("物业管理").getId(), "漏水 " + unique, "楼上漏水\n已经三天了"));

        assertThat(posts.quote(opening.getTopic().getId(), opening.getId()))
                .isEqualTo("> [" + username + " #1](/p?id=" + opening.getId() + ")\n>\n> 楼上漏水\n> 已经三天了\n\n");
    }

    @Test
    void authorsEditTheirPostsAndEveryVersionIsKept() throws Exception {
        Post opening = As.member(username, "RESIDENT", () -> posts.startTopic(board("物业管理").getId(), "编辑 " + unique, "电梯坏了"));
        long postId = opening.getId();

        Post edited = As.member(username, "RESIDENT", () -> posts.edit(postId, "**电梯**坏了，三号楼"));
        As.member(username, "RESIDENT", () -> posts.edit(postId, "**电梯**坏了，三号楼"));  // unchanged: no revision
        assertThat(edited.isEdited()).isTrue();
        assertThat(edited.getHtml()).isEqualTo("<p><strong>电梯</strong>坏了&#xff0c;三号楼</p>\n");

        String other = "邻居" + unique;
        members.register(new Registration(other, "n" + unique + "@example.org", "password-" + unique));
        assertThatThrownBy(() -> As.member(other, "RESIDENT", () -> posts.edit(postId, "改别人的帖子")))
                .isInstanceOf(NotPermittedException.class);
        assertThatThrownBy(() -> As.member(username, "RESIDENT", () -> posts.listRevisions(postId)))
                .isInstanceOf(EJBAccessException.class);
        assertThatThrownBy(() -> As.member(username, "RESIDENT", () -> posts.edit(postId, "  ")))
                .isInstanceOf(InvalidInputException.class);

        As.member("moderator", "MODERATOR", () -> posts.edit(postId, "**电梯**坏了，三号楼（已核实）"));
        List<PostRevision> revisions = As.member("staff", "STAFF", () -> posts.listRevisions(postId));
        assertThat(revisions).extracting(PostRevision::getNumber).containsExactly(1, 2, 3);
        assertThat(revisions).extracting(PostRevision::getSource)
                .containsExactly("电梯坏了", "**电梯**坏了，三号楼", "**电梯**坏了，三号楼（已核实）");
        assertThat(revisions).extracting(r -> r.getEditor().getUsername()).containsExactly(username, username, "moderator");
        assertThat(posts.getPost(postId).getRevisionCount()).isEqualTo(3);
    }

    @Test
    void previewIsExactlyWhatPostingStores() throws Exception {
        String body = "# 通知\n\n[链接](https://example.org) <script>alert(1)</script>";
        String preview = As.member(username, "RESIDENT", () -> posts.preview(body));
        Post posted = As.member(username, "RESIDENT", () -> posts.startTopic(board("城市建设").getId(), "预览 " + unique, body));

        assertThat(preview).isEqualTo(posted.getHtml()).contains("<h2>通知</h2>").doesNotContain("<script");
        assertThatThrownBy(() -> posts.preview(body)).isInstanceOf(EJBAccessException.class);
    }

    @Test
    void postsStoredUnderAnOlderPolicyAreRenderedAgain() throws Exception {
        Post post = As.member(username, "RESIDENT", () -> posts.startTopic(board("物业管理").getId(), "重渲染 " + unique, "*旧*帖子"));
        try (Connection connection = dataSource.getConnection();
             PreparedStatement update = connection.prepareStatement("update post set html = ?, render_version = 0 where id = ?")) {
            update.setString(1, "<p>stale</p>");
            update.setLong(2, post.getId());
            assertThat(update.executeUpdate()).isEqualTo(1);
        }

        int rendered = 0;
        int batch;
        do {
            batch = As.member("admin", "ADMIN", () -> posts.rerenderOutdated(100));
            rendered += batch;
        } while (batch > 0);

        assertThat(rendered).isGreaterThanOrEqualTo(1);
        assertThat(posts.getPost(post.getId()).getHtml()).isEqualTo("<p><em>旧</em>帖子</p>\n");
        assertThatThrownBy(() -> As.member(username, "RESIDENT", () -> posts.rerenderOutdated(1)))
                .isInstanceOf(EJBAccessException.class);
    }

    @Test
    void topicPagesHoldTwentyPostsInOrder() throws Exception {
        Post opening = As.member(username, "RESIDENT", () -> posts.startTopic(board("物业管理").getId(), "分页 " + unique, "第 1 楼"));
        long topicId = opening.getTopic().getId();
        As.member(username, "RESIDENT", () -> {
            for (int n = 2; n <= 45; n++) {
                posts.reply(topicId, "第 " + n + " 楼");
            }
        });
        Topic topic = topics.getTopic(topicId);

        assertThat(posts.listPosts(topic, 1).getItems()).extracting(Post::getNumber).containsExactlyElementsOf(range(1, 20));
        assertThat(posts.listPosts(topic, 2).getItems()).extracting(Post::getNumber).containsExactlyElementsOf(range(21, 40));
        Page<Post> last = posts.listPosts(topic, 3);
        assertThat(last.getItems()).extracting(Post::getSource).containsExactly("第 41 楼", "第 42 楼", "第 43 楼", "第 44 楼", "第 45 楼");
        assertThat(last.getTotalPages()).isEqualTo(3);
        assertThatThrownBy(() -> posts.listPosts(topic, 4)).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> posts.listPosts(topic, 0)).isInstanceOf(NotFoundException.class);
    }

    @Test
    void anonymousCallersCannotWrite() {
        long boardId = board("物业管理").getId();

        assertThatThrownBy(() -> posts.startTopic(boardId, "匿名", "不行"))
                .isInstanceOf(EJBAccessException.class);
        assertThatThrownBy(() -> posts.reply(1L, "不行"))
                .isInstanceOf(EJBAccessException.class);
    }

    @Test
    void onlyAdministratorsCreateBoards() throws Exception {
        assertThatThrownBy(() -> As.member(username, "RESIDENT", () -> boards.createBoard("新版块", "")))
                .isInstanceOf(EJBAccessException.class);
        Board created = As.member("admin-" + unique, "ADMIN", () -> boards.createBoard("新版块 " + unique, "测试"));
        assertThat(boards.getBoard(created.getId()).getName()).isEqualTo("新版块 " + unique);
    }

    @Test
    void aRoleWithoutAMemberBehindItCannotPost() {
        // A forged or stale identity whose member does not exist gets no further than the service.
        assertThatThrownBy(() -> As.member("ghost-" + unique, "RESIDENT", () -> posts.startTopic(board("物业管理").getId(), "t", "b")))
                .isInstanceOf(NotSignedInException.class);
    }

    @Test
    void rejectedInputRollsBackAndChangesNothing() throws Exception {
        Board before = board("物业管理");
        Post opening = As.member(username, "RESIDENT", () -> posts.startTopic(before.getId(), "回滚 " + unique, "正文"));
        long topicId = opening.getTopic().getId();

        assertThatThrownBy(() -> As.member(username, "RESIDENT", () -> posts.startTopic(before.getId(), " ", "正文")))
                .isInstanceOf(InvalidInputException.class).extracting("messageKey").isEqualTo("error.title.required");
        assertThatThrownBy(() -> As.member(username, "RESIDENT", () -> posts.startTopic(before.getId(), "t".repeat(201), "正文")))
                .isInstanceOf(InvalidInputException.class).extracting("messageKey").isEqualTo("error.title.tooLong");
        assertThatThrownBy(() -> As.member(username, "RESIDENT", () -> posts.reply(topicId, "长".repeat(50_001))))
                .isInstanceOf(InvalidInputException.class).extracting("messageKey").isEqualTo("error.body.tooLong");
        assertThatThrownBy(() -> As.member(username, "RESIDENT", () -> posts.reply(987_654_321L, "没有这个主题")))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> As.member(username, "RESIDENT", () -> posts.startTopic(987_654_321L, "t", "b")))
                .isInstanceOf(NotFoundException.class);

        Board after = board("物业管理");
        assertThat(after.getTopicCount()).isEqualTo(before.getTopicCount() + 1);
        assertThat(after.getPostCount()).isEqualTo(before.getPostCount() + 1);
        assertThat(topics.getTopic(topicId).getReplyCount()).isZero();
    }

    private Board board(String name) {
        return boards.listBoards().stream().filter(b -> b.getName().equals(name)).findFirst().orElseThrow();
    }

    private static java.util.List<Integer> range(int from, int to) {
        return java.util.stream.IntStream.rangeClosed(from, to).boxed().toList();
    }
}
