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
import org.linli.forum.common.InvalidInputException;
import org.linli.forum.common.NotFoundException;
import org.linli.forum.guest.GuestForms;
import org.linli.forum.guest.GuestReply;
import org.linli.forum.guest.GuestReplyInput;
import org.linli.forum.guest.GuestReplyService;
import org.linli.forum.member.MemberService;
import org.linli.forum.moderation.ModerationService;
import org.linli.forum.post.Post;
import org.linli.forum.post.PostService;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Guest replies in the server: where guests may reply, who decides, and what approval makes. */
@ExtendWith(ArquillianExtension.class)
class GuestReplyServiceIT {

    @Deployment
    static WebArchive deployment() {
        return Deployments.forumDomain(GuestReplyServiceIT.class);
    }

    @EJB
    private GuestReplyService guests;

    @EJB
    private BoardService boards;

    @EJB
    private PostService posts;

    @EJB
    private MemberService members;

    @EJB
    private ModerationService moderation;

    private final String unique = UUID.randomUUID().toString().substring(0, 8);

    @Test
    void guestsReplyOnlyWhereAnAdministratorAllowsItAndOnlyToOpenTopics() throws Exception {
        Board closed = As.member("it-admin", "ADMIN", () -> boards.createBoard("不收游客 " + unique, "", BoardKind.DISCUSSION));
        long topic = As.member("it-admin", "ADMIN", () -> posts.startTopic(closed.getId(), "话题 " + unique, "内容")).getTopic().getId();
        assertThatThrownBy(() -> guests.submit(input(topic, "路人", "a." + unique + "@example.org", "10.0.0.1")))
                .isInstanceOf(NotFoundException.class);

        As.member("it-admin", "ADMIN", () -> boards.allowGuestReplies(closed.getId(), true));
        assertThat(guests.submit(input(topic, "路人", "a." + unique + "@example.org", "10.0.0.1"))).isPresent();
        // A form sent at once, or with a time this forum did not sign, is refused.
        assertThatThrownBy(() -> guests.submit(new GuestReplyInput(topic, "快", "c." + unique + "@example.org", "内容", "",
                GuestForms.formTime(Instant.now()), "10.0.0.3", "zh-CN")))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.getMessageKey()).isEqualTo("error.guest.tooFast"));
        assertThatThrownBy(() -> guests.submit(new GuestReplyInput(topic, "假", "d." + unique + "@example.org", "内容", "",
                "1700000000.forged", "10.0.0.4", "zh-CN")))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.getMessageKey()).isEqualTo("error.guest.expired"));
        // A filled honeypot: nothing is kept, and nothing is said.
        assertThat(guests.submit(new GuestReplyInput(topic, "机器", "e." + unique + "@example.org", "广告", "http://spam.example",
                GuestForms.formTime(Instant.now().minusSeconds(10)), "10.0.0.5", "zh-CN"))).isEmpty();

        As.member("it-admin", "ADMIN", () -> moderation.lock(topic, "够了"));
        assertThatThrownBy(() -> guests.submit(input(topic, "路人", "b." + unique + "@example.org", "10.0.0.2")))
                .as("a locked topic").isInstanceOf(NotFoundException.class);
    }

    @Test
    void onlyModeratorsOfTheBoardDecideAndApprovalPublishesAPostByTheGuestsOneMember() throws Exception {
        Board board = As.member("it-admin", "ADMIN", () -> boards.createBoard("游客 " + unique, "", BoardKind.DISCUSSION));
        Board other = As.member("it-admin", "ADMIN", () -> boards.createBoard("别处 " + unique, "", BoardKind.DISCUSSION));
        As.member("it-admin", "ADMIN", () -> boards.allowGuestReplies(board.getId(), true));
        long topic = As.member("it-admin", "ADMIN", () -> posts.startTopic(board.getId(), "问路 " + unique, "内容")).getTopic().getId();
        String address = "guest." + unique + "@example.org";
        GuestReply first = guests.submit(input(topic, "李叔", address, "10.1.0.1")).orElseThrow();
        GuestReply second = guests.submit(input(topic, "李叔叔", address, "10.1.0.2")).orElseThrow();

        assertThatThrownBy(() -> As.member("resident", "RESIDENT", () -> guests.approve(first.getId())))
                .isInstanceOf(EJBAccessException.class);
        String elsewhere = "别处版主" + unique;
        members.register(new org.linli.forum.member.Registration(elsewhere, elsewhere.hashCode() + unique + "@example.org", "password-" + unique));
        long elsewhereId = members.findByUsername(elsewhere).orElseThrow().getId();
        As.member("it-admin", "ADMIN", () -> members.changeRole(elsewhereId, org.linli.forum.member.Role.MODERATOR, java.util.Set.of(other.getId())));
        assertThatThrownBy(() -> As.member(elsewhere, "MODERATOR", () -> guests.approve(first.getId())))
                .isInstanceOf(NotFoundException.class);
        assertThat(As.member(elsewhere, "MODERATOR", () -> guests.listHeld())).noneMatch(g -> g.getId().equals(first.getId()));

        Post one = As.member("it-admin", "ADMIN", () -> guests.approve(first.getId()));
        Post two = As.member("it-admin", "ADMIN", () -> guests.approve(second.getId()));
        assertThat(one.getAuthor().isGuest()).isTrue();
        assertThat(two.getAuthor().getId()).as("one member per guest address").isEqualTo(one.getAuthor().getId());
        assertThat(two.getAuthor().getDisplayName()).isEqualTo("李叔叔");
        assertThat(one.getAuthor().getEmail()).doesNotContain(unique).endsWith("@guest.invalid");
        assertThat(one.getAuthor().canSignIn()).isFalse();
        assertThatThrownBy(() -> As.member("it-admin", "ADMIN", () -> guests.approve(first.getId())))
                .as("decided once").isInstanceOf(NotFoundException.class);
    }

    private static GuestReplyInput input(long topic, String name, String email, String address) {
        return new GuestReplyInput(topic, name, email, "我也遇到了 " + name, "", GuestForms.formTime(Instant.now().minusSeconds(10)),
                address, "zh-CN");
    }
}
