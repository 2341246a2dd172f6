package org.linli.forum.e2e;

import org.htmlunit.WebClient;
import org.htmlunit.html.DomElement;
import org.htmlunit.html.HtmlPage;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Unread tracking on the pages: the board marks topics with new posts and links to the first of them. */
class ReadingPagesIT extends SeededPagesTest {

    private final String unique = UUID.randomUUID().toString().substring(0, 6);

    @Test
    void theBoardMarksNewPostsAndJumpsToTheFirstUnread() throws Exception {
        Seeder seeder = new Seeder(seederUrl);
        String reader = "reader" + unique;
        seeder.member(reader, "RESIDENT", null);
        long board = seeder.board("未读 " + unique);
        long topic = seeder.topics(board, List.of("停车位 " + unique)).get(0).id();
        seeder.replies(topic, List.of("第二帖 " + unique));

        try (WebClient web = WebClients.visitor()) {
            WebClients.signIn(web, forum, reader, "password-" + reader);
            assertThat(unreadLink(web, board)).endsWith("/topic?id=" + topic + "#p1");

            HtmlPage read = web.getPage(url("/topic?id=" + topic));
            assertThat(read.querySelectorAll("article.post.new")).hasSize(2);
            assertThat(unreadLink(web, board)).isNull();
            HtmlPage again = web.getPage(url("/topic?id=" + topic));
            assertThat(again.querySelectorAll("article.post.new")).isEmpty();

            seeder.replies(topic, List.of("第三帖 " + unique, "第四帖 " + unique));
            assertThat(unreadLink(web, board)).endsWith("/topic?id=" + topic + "#p3");
            HtmlPage jumped = web.getPage(url(unreadLink(web, board).replaceAll("#.*", "")));
            assertThat(jumped.querySelectorAll("article.post.new")).extracting(n -> ((DomElement) n).getId()).containsExactly("p3", "p4");
        }
        try (WebClient anonymous = WebClients.visitor()) {
            HtmlPage page = anonymous.getPage(url("/board?id=" + board));
            assertThat(page.querySelectorAll("a.unread")).as("nothing is new to nobody").isEmpty();
        }
    }

    private String unreadLink(WebClient web, long board) throws Exception {
        HtmlPage page = web.getPage(url("/board?id=" + board));
        DomElement link = page.querySelector("tr.has-unread a.unread");
        return link == null ? null : link.getAttribute("href");
    }
}
