package org.linli.forum.e2e;

import org.htmlunit.WebClient;
import org.htmlunit.html.HtmlForm;
import org.htmlunit.html.HtmlPage;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every line of the Big List of Naughty Strings as a title and as a body, through the real
 * service and through the real form: each is stored or gets a clear validation message, never
 * an error, and every stored title reads back exactly as typed.
 */
class NaughtyStringsIT extends SeededPagesTest {

    private static final Set<String> RULES = Set.of("error.title.required", "error.title.tooLong", "error.title.characters",
            "error.body.required", "error.body.tooLong", "error.body.characters");

    @Test
    void throughTheServiceEveryLineIsStoredOrRefusedByARuleAndTitlesRoundTrip() throws Exception {
        List<String> lines = Corpora.naughtyStrings();
        assertThat(lines).hasSizeGreaterThan(400);
        Seeder seeder = new Seeder(seederUrl);
        long board = seeder.board("BLNS " + UUID.randomUUID().toString().substring(0, 6));

        Map<Long, String> titleOf = new HashMap<>();
        for (Seeder.Result result : seeder.topics(board, lines)) {
            if (result.stored()) {
                titleOf.put(result.id(), result.input());
            } else {
                assertThat(RULES).as("refusal of %s", result.input()).contains(result.messageKey());
            }
        }
        long topic = seeder.topics(board, List.of("BLNS bodies")).get(0).id();
        for (Seeder.Result result : seeder.replies(topic, lines)) {
            assertThat(result.stored() || RULES.contains(result.messageKey())).as("body %s", result.input()).isTrue();
        }

        ScriptWatch.Report report = new ScriptWatch.Report();
        Map<Long, String> shown = new HashMap<>();
        for (int page = 1; page <= (titleOf.size() + 1 + 24) / 25; page++) {
            shown.putAll(ScriptWatch.read(browser, url("/board?id=" + board + "&page=" + page), report));
        }
        for (int page = 1; page <= (lines.size() + 1 + 19) / 20; page++) {
            ScriptWatch.read(browser, url("/topic?id=" + topic + "&page=" + page), report);
        }
        titleOf.forEach((id, title) -> assertThat(shown.get(id)).as("title of topic %d", id).isEqualTo(title));
        assertThat(report.problems()).isEmpty();
        System.out.printf("Naughty strings through the service: %d lines, %d stored as titles%n", lines.size(), titleOf.size());
    }

    @Test
    void throughTheFormEveryLineIsStoredOrGetsAMessageNeverAnError() throws Exception {
        List<String> lines = Corpora.naughtyStrings();
        int stored = 0;
        try (WebClient web = WebClients.visitor()) {
            WebClients.signIn(web, forum, "staff", "linli-staff");
            long board = Long.parseLong(((HtmlPage) web.getPage(url("/"))).getAnchorByText("社区公告")
                    .getHrefAttribute().replaceAll(".*id=", ""));
            for (String line : lines) {
                HtmlForm topic = ((HtmlPage) web.getPage(url("/post/new-topic?board=" + board))).getFormByName("form");
                topic.getInputByName("form:title").setValue(line);
                topic.getTextAreaByName("form:body").setText(line);
                HtmlPage result = topic.getInputByName("form:submit").click();
                assertThat(result.getWebResponse().getStatusCode()).as("status for %s", line).isIn(200, 422);
                if (result.getUrl().getPath().equals("/topic")) {
                    stored++;
                    assertThat(result.querySelector("h1.topic-title").getTextContent()).as("title").isEqualTo(line);
                } else {
                    assertThat(result.getWebResponse().getStatusCode()).isEqualTo(422);
                    assertThat(result.querySelectorAll(".field-error")).as("a message for %s", line).isNotEmpty();
                }
            }
        }
        System.out.printf("Naughty strings through the form: %d lines, %d stored, %d refused with a message%n",
                lines.size(), stored, lines.size() - stored);
        assertThat(stored).isGreaterThan(lines.size() / 2);
    }
}
