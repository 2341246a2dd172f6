package org.linli.forum.web.common;

import org.junit.jupiter.api.Test;
import org.linli.forum.web.common.PersonalParts.Kind;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** A shared members' page is cut at its holes and filled per member; text that only looks like a hole stays text. */
class PersonalTemplateTest {

    private final PersonalParts parts = new PersonalParts();

    @Test
    void everyHoleIsFilledWithTheMembersOwnValueAndTheRestIsSentAsRendered() throws IOException {
        String rendered = "<span class=\"who\">" + parts.hole(Kind.WHO) + "</span><a>通知" + parts.hole(Kind.NOTES) + "</a>"
                + "<article class=\"post" + parts.hole(Kind.NEWPOST, 3) + "\" id=\"p3\">路灯坏了</article>"
                + "<article class=\"post" + parts.hole(Kind.NEWPOST, 4) + "\" id=\"p4\">已修好</article>";
        PersonalTemplate page = PersonalTemplate.of(rendered.getBytes(StandardCharsets.UTF_8), "text/html;charset=UTF-8",
                parts, 5, Instant.EPOCH);

        String forLi = fill(page, "李<明>", 2, 4);
        String forWang = fill(page, "王芳", 0, 3);

        assertThat(forLi).isEqualTo("<span class=\"who\">李&lt;明&gt;</span><a>通知 <span class=\"count\" id=\"unreadCount\">2</span></a>"
                + "<article class=\"post\" id=\"p3\">路灯坏了</article><article class=\"post new\" id=\"p4\">已修好</article>");
        assertThat(forWang).isEqualTo("<span class=\"who\">王芳</span><a>通知</a>"
                + "<article class=\"post new\" id=\"p3\">路灯坏了</article><article class=\"post new\" id=\"p4\">已修好</article>");
    }

    @Test
    void textThatLooksLikeAHoleWithoutTheServersSecretIsLeftAsItIs() throws IOException {
        String hole = parts.hole(Kind.WHO);
        String forged = hole.substring(0, 4) + "000000000000000000000000:WHO~";
        PersonalTemplate page = PersonalTemplate.of(("<p>" + forged + "</p>").getBytes(StandardCharsets.UTF_8), "text/html",
                parts, 1, Instant.EPOCH);

        assertThat(fill(page, "李明", 0, 0)).isEqualTo("<p>" + forged + "</p>");
        assertThat(forged).isNotEqualTo(hole);
    }

    @Test
    void thePartsGatheredWhileRenderingTravelWithThePage() {
        parts.authoredBy(List.of(7L, 9L));
        PersonalTemplate page = PersonalTemplate.of("<p></p>".getBytes(StandardCharsets.UTF_8), "text/html", parts, 1, Instant.EPOCH);

        assertThat(page.authors()).containsExactlyInAnyOrder(7L, 9L);
        assertThat(page.size()).isEqualTo(7);
    }

    @Test
    void theUnreadLinkPointsAtThePageOfTheFirstUnreadPost() {
        assertThat(PersonalParts.unreadLink("/forum", 12, 45, "有新帖")).isEqualTo(
                "<a class=\"unread\" href=\"/forum/topic?id=12&amp;page=3#p45\">有新帖</a>");
        assertThat(PersonalParts.unreadLink("/forum", 12, null, "有新帖")).isEmpty();
    }

    /** The page as a member named {@code who} with {@code notes} unread notifications, first unread post {@code first}, gets it. */
    private static String fill(PersonalTemplate page, String who, long notes, int first) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        page.write(out, hole -> switch (hole.kind()) {
            case WHO -> PersonalParts.escape(who);
            case NOTES -> PersonalParts.notificationBadge(notes);
            case NEWPOST -> PersonalParts.newPostClass(first > 0 && hole.argument() >= first);
            default -> "";
        });
        return out.toString(StandardCharsets.UTF_8);
    }
}
