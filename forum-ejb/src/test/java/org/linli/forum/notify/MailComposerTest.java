package org.linli.forum.notify;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.linli.forum.board.Board;
import org.linli.forum.board.BoardKind;
import org.linli.forum.content.PostRenderer;
import org.linli.forum.member.Member;
import org.linli.forum.member.Role;
import org.linli.forum.post.Post;
import org.linli.forum.topic.Topic;

import java.lang.reflect.Field;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class MailComposerTest {

    @BeforeAll
    static void settings() {
        System.setProperty("linli.secret", "a test secret");
        System.setProperty("linli.base.url", "https://linli.example.org/");
    }

    @AfterAll
    static void clear() {
        System.clearProperty("linli.secret");
        System.clearProperty("linli.base.url");
    }

    private final Member resident = withId(new Member("张伟", "zhang@example.org", "hash", Role.RESIDENT, Instant.now()), 7L);
    private final Member staff = withId(new Member("街道办", "staff@example.org", "hash", Role.STAFF, Instant.now()), 8L);
    private final Topic topic = withId(new Topic(new Board("城市建设", "", 1, BoardKind.PROBLEMS), "青年路路灯 <b>不亮</b>", resident,
            Instant.now()), 11L);
    private final Post answer = withId(new Post(topic, 2, staff, "明天修", new PostRenderer(), Instant.now()), 12L);

    /** An entity as if it had been stored (the id is the database's to give). */
    private static <T> T withId(T entity, long id) {
        try {
            Field field = entity.getClass().getDeclaredField("id");
            field.setAccessible(true);
            field.set(entity, id);
            return entity;
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void mailsAreWrittenInTheMembersLanguageAsPlainText() {
        OutgoingMail chinese = MailComposer.compose(resident, "zh-CN", NotificationKind.OFFICIAL, topic, answer, staff);
        assertThat(chinese.getTo()).isEqualTo("zhang@example.org");
        assertThat(chinese.getSubject()).isEqualTo("官方答复：青年路路灯 <b>不亮</b>");
        assertThat(chinese.getBody()).startsWith("街道办 在「青年路路灯 <b>不亮</b>」中给出了官方答复：\nhttps://linli.example.org/p?id=12\n")
                .contains("不再接收此类邮件：https://linli.example.org/unsubscribe?m=7&k=OFFICIAL&t=" + MailTokens.sign(7, "OFFICIAL"))
                .contains("https://linli.example.org/member/settings");

        OutgoingMail english = MailComposer.compose(resident, "en", NotificationKind.STATUS, topic, null, staff);
        assertThat(english.getSubject()).isEqualTo("Status changed: 青年路路灯 <b>不亮</b>");
        assertThat(english.getBody()).startsWith("街道办 changed the status of \"青年路路灯 <b>不亮</b>\" to: open\n")
                .contains("No more mails of this kind: https://linli.example.org/unsubscribe?");
    }

    @Test
    void aPostsPicturesAreLinkedInFullOneALine() {
        String lamp = "a".repeat(64);
        String sign = "b".repeat(64);
        PostRenderer renderer = new PostRenderer(hashes -> java.util.Map.of(
                lamp, new org.linli.forum.content.PictureSizes.Size("/pictures/" + lamp + ".jpg", 2048, 1536, "/pictures/" + lamp + "-t.jpg", 480, 360),
                sign, new org.linli.forum.content.PictureSizes.Size("/pictures/" + sign + ".png", 100, 50, "/pictures/" + sign + ".png", 100, 50)));
        Post withPictures = withId(new Post(topic, 3, staff, "修好了：![路灯](/pictures/" + lamp + ".jpg) ![](/pictures/" + sign + ".png)",
                renderer, Instant.now()), 13L);

        OutgoingMail mail = MailComposer.compose(resident, "en", NotificationKind.REPLY, topic, withPictures, staff);

        assertThat(mail.getBody()).contains("Pictures in the post:\nhttps://linli.example.org/pictures/" + lamp + ".jpg\n"
                + "https://linli.example.org/pictures/" + sign + ".png\n");
        assertThat(MailComposer.compose(resident, "en", NotificationKind.REPLY, topic, answer, staff).getBody())
                .doesNotContain("Pictures");
    }

    @Test
    void unsubscribeTokensAreBoundToTheMemberAndTheKind() {
        String token = MailTokens.sign(42, "REPLY");
        assertThat(MailTokens.verify(42, "REPLY", token)).isTrue();
        assertThat(MailTokens.verify(43, "REPLY", token)).isFalse();
        assertThat(MailTokens.verify(42, "STATUS", token)).isFalse();
        assertThat(MailTokens.verify(42, "REPLY", token + "x")).isFalse();
        assertThat(MailTokens.verify(42, "REPLY", null)).isFalse();
    }
}
