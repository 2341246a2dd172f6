package org.linli.forum.e2e;

import org.htmlunit.WebClient;
import org.htmlunit.html.HtmlForm;
import org.htmlunit.html.HtmlPage;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every XSS payload of the shared corpus, as a topic title and as a post body, through the real
 * services, then every page that shows them read in real headless Chromium with alert, confirm
 * and prompt hooked and CSP violations recorded; plus a random sample through the real form. No
 * script may run, no dangerous element, attribute or URL may reach the page, and every stored
 * title reads exactly as typed.
 */
class XssCorpusIT extends SeededPagesTest {

    private static final int FORM_SAMPLE = 200;
    private static final Set<String> TITLE_RULES = Set.of("error.title.required", "error.title.tooLong", "error.title.characters");
    private static final Set<String> BODY_RULES = Set.of("error.body.required", "error.body.tooLong", "error.body.characters");

    @Test
    void noPayloadRunsAsTitleOrBodyAndTitlesReadAsTyped() throws Exception {
        long started = System.nanoTime();
        List<String> payloads = Corpora.xssPayloads();
        assertThat(payloads).hasSizeGreaterThan(7000);
        Seeder seeder = new Seeder(seederUrl);
        String unique = UUID.randomUUID().toString().substring(0, 6);
        long board = seeder.board("XSS " + unique);

        List<Seeder.Result> titles = seeder.topics(board, payloads);
        Map<Long, String> titleOf = new HashMap<>();
        for (Seeder.Result result : titles) {
            if (result.stored()) {
                titleOf.put(result.id(), result.input());
            } else {
                assertThat(TITLE_RULES).as("refusal of title %s", result.input()).contains(result.messageKey());
            }
        }
        long bodyTopic = seeder.topics(board, List.of("XSS 正文 " + unique)).get(0).id();
        List<Seeder.Result> bodies = seeder.replies(bodyTopic, payloads);
        bodies.stream().filter(result -> !result.stored())
                .forEach(result -> assertThat(BODY_RULES).as("refusal of body %s", result.input()).contains(result.messageKey()));

        ScriptWatch.Report report = new ScriptWatch.Report();
        // The board's pages list every stored title, 25 a page.
        Map<Long, String> shown = new HashMap<>();
        int boardPages = (titleOf.size() + 1 + 24) / 25;
        for (int page = 1; page <= boardPages; page++) {
            shown.putAll(ScriptWatch.read(browser, url("/board?id=" + board + "&page=" + page), report));
        }
        // The body topic's pages show every stored body, 20 a page.
        long storedBodies = bodies.stream().filter(Seeder.Result::stored).count();
        int topicPages = (int) ((storedBodies + 1 + 19) / 20);
        for (int page = 1; page <= topicPages; page++) {
            ScriptWatch.read(browser, url("/topic?id=" + bodyTopic + "&page=" + page), report);
        }
        // A topic's own page shows its title as the heading: a random sample of them.
        List<Long> ids = new ArrayList<>(titleOf.keySet());
        java.util.Collections.shuffle(ids, new Random(7));
        for (long id : ids.subList(0, Math.min(FORM_SAMPLE, ids.size()))) {
            Map<Long, String> heading = ScriptWatch.read(browser, url("/topic?id=" + id), report);
            assertThat(heading.get(id)).as("heading of topic %d", id).isEqualTo(titleOf.get(id));
        }

        // Titles read exactly as typed, on the board's pages.
        titleOf.forEach((id, title) -> assertThat(shown.get(id)).as("title of topic %d", id).isEqualTo(title));
        long formTried = sendSampleThroughTheForm(payloads, report);

        long seconds = (System.nanoTime() - started) / 1_000_000_000;
        System.out.printf("XSS corpus: %d payloads, %d stored as titles and %d as bodies (%d and %d refused by the"
                        + " length and character rules); %d pages read in Chromium; %d more through the real form;"
                        + " %d got through; %d s%n",
                payloads.size(), titleOf.size(), storedBodies, payloads.size() - titleOf.size(), payloads.size() - storedBodies,
                report.pages(), formTried, report.problems().size(), seconds);
        assertThat(report.problems()).as("what got through").isEmpty();
        assertThat(titleOf.size()).isGreaterThan(payloads.size() * 9 / 10);
        // Bodies are refused only for control characters (checked above), which a few payloads hold.
        assertThat(storedBodies).isGreaterThan(payloads.size() * 99 / 100);
    }

    /** A random sample of payloads typed into the real new-topic form, as title and body at once. */
    private long sendSampleThroughTheForm(List<String> payloads, ScriptWatch.Report report) throws Exception {
        List<String> sample = new ArrayList<>(payloads);
        java.util.Collections.shuffle(sample, new Random(42));
        sample = sample.subList(0, FORM_SAMPLE);
        try (WebClient web = WebClients.visitor()) {
            WebClients.signIn(web, forum, "staff", "linli-staff");
            long boardId = Long.parseLong(((HtmlPage) web.getPage(url("/"))).getAnchorByText("社区公告")
                    .getHrefAttribute().replaceAll(".*id=", ""));
            for (String payload : sample) {
                HtmlPage page = web.getPage(url("/post/new-topic?board=" + boardId));
                HtmlForm topic = page.getFormByName("form");
                topic.getInputByName("form:title").setValue(payload);
                topic.getTextAreaByName("form:body").setText(payload);
                HtmlPage result = topic.getInputByName("form:submit").click();
                int status = result.getWebResponse().getStatusCode();
                assertThat(status).as("status for %s", payload).isIn(200, 422);
                if (result.getUrl().getPath().equals("/topic")) {
                    long id = Long.parseLong(result.getUrl().getQuery().replaceAll("^id=(\\d+).*", "$1"));
                    Map<Long, String> heading = ScriptWatch.read(browser, url("/topic?id=" + id), report);
                    assertThat(heading.get(id)).as("title typed into the form").isEqualTo(payload);
                } else {
                    assertThat(result.getWebResponse().getStatusCode()).isEqualTo(422);
                    assertThat(result.querySelectorAll(".field-error")).as("a message for %s", payload).isNotEmpty();
                }
            }
        }
        return sample.size();
    }
}
