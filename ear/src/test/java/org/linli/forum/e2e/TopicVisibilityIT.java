package org.linli.forum.e2e;

import org.htmlunit.WebClient;
import org.htmlunit.html.DomNode;
import org.htmlunit.html.HtmlForm;
import org.htmlunit.html.HtmlPage;
import org.htmlunit.html.HtmlSelect;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What readers see of a topic whose opening post is gone, and the board counts on the home page
 * as topics are hidden, restored, deleted and moved: a title is never listed over nothing, and
 * the counts are always those of what a reader can open.
 */
class TopicVisibilityIT extends SeededPagesTest {

    private final String unique = UUID.randomUUID().toString().substring(0, 6);

    @Test
    void deletingTheOpeningPostDeletesTheTopicForReaders() throws Exception {
        Seeder seeder = new Seeder(seederUrl);
        String boardName = "首帖 " + unique;
        long board = seeder.board(boardName);
        String author = "author" + unique;
        seeder.member(author, "RESIDENT", null);
        seeder.member("admin" + unique, "ADMIN", null);
        String title = "路灯不亮 " + unique;

        try (WebClient web = signedIn(author); WebClient anonymous = WebClients.visitor()) {
            HtmlForm form = ((HtmlPage) web.getPage(url("/post/new-topic?board=" + board))).getFormByName("form");
            form.getInputByName("form:title").setValue(title);
            form.getTextAreaByName("form:body").setText("青年路的路灯坏了");
            HtmlPage topic = form.getInputByName("form:submit").click();
            String topicPath = topic.getUrl().getFile();
            assertThat(boardRow(anonymous, boardName)).isEqualTo(List.of("1", "1", title));

            HtmlPage confirm = web.getPage(url("/post/delete?post=" + firstPostOf(topic)));
            assertThat(confirm.getHtmlElementById("confirm").getTextContent()).contains("整个主题");
            HtmlPage after = confirm.getFormByName("form").getInputByName("form:submit").click();

            assertThat(after.getUrl().getFile()).isEqualTo("/board?id=" + board);
            assertThat(after.getWebResponse().getContentAsString()).doesNotContain(title);
            assertThat(anonymous.getPage(url(topicPath)).getWebResponse().getStatusCode()).isEqualTo(404);
            assertThat(boardRow(anonymous, boardName)).isEqualTo(List.of("0", "0", ""));
            assertThat(((HtmlPage) anonymous.getPage(url("/"))).asNormalizedText()).doesNotContain(title);
        }
        try (WebClient admin = signedIn("admin" + unique)) {
            HtmlPage hidden = admin.getPage(url("/board?id=" + board));
            assertThat(hidden.getWebResponse().getContentAsString()).as("moderators still see it").contains(title);
        }
    }

    @Test
    void boardCountsFollowHideRestoreAndMove() throws Exception {
        Seeder seeder = new Seeder(seederUrl);
        String from = "计数甲 " + unique;
        String to = "计数乙 " + unique;
        long boardFrom = seeder.board(from);
        long boardTo = seeder.board(to);
        List<Seeder.Result> topics = seeder.topics(boardFrom, List.of("一 " + unique, "二 " + unique));
        seeder.replies(topics.get(0).id(), List.of("回复 " + unique));
        seeder.member("mover" + unique, "ADMIN", null);

        try (WebClient admin = signedIn("mover" + unique); WebClient anonymous = WebClients.visitor()) {
            assertThat(counts(anonymous, from)).isEqualTo(List.of("2", "3"));

            moderate(admin, topics.get(0).id(), "form:hide", null);
            assertThat(counts(anonymous, from)).as("hidden").isEqualTo(List.of("1", "1"));

            moderate(admin, topics.get(0).id(), "form:restore", null);
            assertThat(counts(anonymous, from)).as("restored").isEqualTo(List.of("2", "3"));

            moderate(admin, topics.get(0).id(), "form:move", boardTo);
            assertThat(counts(anonymous, from)).as("moved away").isEqualTo(List.of("1", "1"));
            assertThat(counts(anonymous, to)).as("moved here").isEqualTo(List.of("1", "2"));

            moderate(admin, topics.get(0).id(), "form:hide", null);
            assertThat(counts(anonymous, to)).as("hidden after the move").isEqualTo(List.of("0", "0"));
        }
    }

    private void moderate(WebClient admin, long topic, String button, Long targetBoard) throws Exception {
        HtmlForm form = ((HtmlPage) admin.getPage(url("/mod/topic?id=" + topic))).getFormByName("form");
        form.getTextAreaByName("form:reason").setText("计数测试");
        if (targetBoard != null) {
            HtmlSelect select = form.getSelectByName("form:board");
            select.setSelectedAttribute(select.getOptionByValue(Long.toString(targetBoard)), true);
        }
        HtmlPage after = form.getInputByName(button).click();
        assertThat(after.getWebResponse().getStatusCode()).as(button).isEqualTo(200);
    }

    /** Topics and posts of the board as the home page counts them. */
    private List<String> counts(WebClient web, String boardName) throws Exception {
        return boardRow(web, boardName).subList(0, 2);
    }

    /** The home page's row of the board: topics, posts, and the title of its latest topic ("" for none). */
    private List<String> boardRow(WebClient web, String boardName) throws Exception {
        HtmlPage home = web.getPage(url("/"));
        for (DomNode row : home.querySelectorAll("tr.board")) {
            if (row.querySelector("a.board-name").getTextContent().strip().equals(boardName)) {
                List<String> cells = row.querySelectorAll("td.count").stream().map(c -> c.getTextContent().strip()).toList();
                DomNode latest = row.querySelector("td.activity a");
                return List.of(cells.get(0), cells.get(1), latest == null ? "" : latest.getTextContent().strip());
            }
        }
        throw new AssertionError("no board " + boardName + " on the home page");
    }

    private static long firstPostOf(HtmlPage topic) {
        return Long.parseLong(topic.querySelector("#p1 a.number").getAttributes().getNamedItem("href").getNodeValue()
                .replaceAll(".*id=", ""));
    }

    private WebClient signedIn(String member) throws Exception {
        WebClient web = WebClients.visitor();
        WebClients.signIn(web, forum, member, "password-" + member);
        return web;
    }
}
