package org.linli.forum.e2e;

import org.htmlunit.WebClient;
import org.htmlunit.WebResponse;
import org.htmlunit.html.DomNode;
import org.htmlunit.html.HtmlAnchor;
import org.htmlunit.html.HtmlForm;
import org.htmlunit.html.HtmlPage;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.IOException;
import java.net.URL;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The search page as a reader uses it: the box on every page, results with title, board,
 * author, date and a marked snippet, a link to the exact post, filters, an empty-result hint,
 * the query echoed as text, and every hostile query answered with an ordinary page.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class SearchPageIT {

    @ArquillianResource
    private URL base;

    private WebClient web;
    private String unique;

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return ForumDeployment.ear();
    }

    @BeforeEach
    void visitor() {
        web = WebClients.visitor();
        unique = UUID.randomUUID().toString().replace("-", "").substring(0, 8);
    }

    @AfterEach
    void close() {
        web.close();
    }

    @Test
    void aReplyIsFoundFromTheBoxOnAnyPageAndLeadsToThePost() throws Exception {
        String topicUrl = postTopicAndReply();
        web.getCookieManager().clearCookies();  // search as an anonymous reader

        HtmlPage board = web.getPage(url("/"));
        HtmlForm box = board.getForms().stream().filter(f -> f.getActionAttribute().endsWith("/search")).findFirst().orElseThrow();
        box.getInputByName("q").setValue("路灯 z" + unique);
        HtmlPage results = waitForHits(box);

        assertThat(results.getUrl().toString()).contains("/search?q=");
        assertThat(results.querySelector(".hit-title").getTextContent()).isEqualTo("青年路路灯不亮了 " + unique);
        assertThat(results.querySelector(".search-hit .meta").getTextContent()).contains("城市建设", "居民" + unique);
        assertThat(results.querySelector(".snippet").asXml()).contains("<mark>", "路灯");
        HtmlPage post = results.getAnchorByText("青年路路灯不亮了 " + unique).click();
        assertThat(post.getUrl().toString()).startsWith(topicUrl).endsWith("#p2");
    }

    @Test
    void filtersNarrowAndEmptyResultsHelp() throws Exception {
        postTopicAndReply();
        String byAuthor = "/search?q=" + enc("z" + unique) + "&author=" + enc("居民" + unique);
        waitForHits(byAuthor);
        assertThat(hits("/search?q=" + enc("z" + unique) + "&author=nobody")).isZero();
        assertThat(hits("/search?q=" + enc("z" + unique) + "&board=987654")).isZero();
        assertThat(hits("/search?q=" + enc("z" + unique) + "&from=2000-01-01&to=2000-01-02")).isZero();
        assertThat(hits("/search?q=" + enc("z" + unique) + "&sort=newest&from=bad&to=worse&page=x")).isEqualTo(1);

        // Words no post has, not even loosely (x + this run's unique would be half the pairs of its own title).
        HtmlPage none = web.getPage(url("/search?q=" + enc("鼹鼷 qzxjvkw")));
        assertThat(none.getElementById("noResults").getTextContent()).contains("没有找到相关内容");
        assertThat(none.getElementById("relaxed")).isNull();
    }

    @Test
    void whenNoPostHasEnoughOfTheWordsThePageShowsThoseWithSomeAndSaysSoInBothLanguages() throws Exception {
        postTopicAndReply();
        String query = "/search?q=" + enc("z" + unique + " y" + unique);
        // Wait for the reply itself (the only post with z…): the topic's title alone can already
        // answer the relaxed query, before the reply is in the index.
        String reply = "/search?q=" + enc("z" + unique);
        for (int i = 0; i < 50 && !foundAsAsked(reply); i++) {
            Thread.sleep(100);
        }

        HtmlPage chinese = web.getPage(url(query));
        assertThat(chinese.querySelectorAll(".search-hit")).hasSize(1);
        assertThat(chinese.getElementById("relaxed").getTextContent()).contains("没有帖子包含足够多的这些词");

        web.getPage(url("/?lang=en"));
        HtmlPage english = web.getPage(url(query));
        assertThat(english.querySelectorAll(".search-hit")).hasSize(1);
        assertThat(english.getElementById("relaxed").getTextContent()).contains("No post has enough of these words");

        assertThat(((HtmlPage) web.getPage(url("/search?q=" + enc("z" + unique)))).getElementById("relaxed"))
                .as("a query that matches as asked").isNull();
    }

    @Test
    void aMisspeltWordGetsADidYouMeanLink() throws Exception {
        String topicUrl = postTopicAndReply();
        HtmlForm reply = ((HtmlPage) web.getPage(url(topicUrl.replaceAll(".*/topic\\?id=", "/post/reply?topic=")))).getFormByName("form");
        reply.getTextAreaByName("form:body").setText("The drainage is blocked again, w" + unique);
        reply.getInputByName("form:submit").click();
        waitForHits("/search?q=" + enc("w" + unique));

        HtmlPage misspelt = web.getPage(url("/search?q=" + enc("drainaeg")));

        HtmlAnchor suggestion = (HtmlAnchor) misspelt.querySelector("#suggestion a");
        assertThat(suggestion.getTextContent()).isEqualTo("drainage");
        HtmlPage corrected = suggestion.click();
        assertThat(corrected.querySelectorAll(".search-hit")).isNotEmpty();
        assertThat(corrected.getElementById("suggestion")).isNull();
    }

    @Test
    void aResidentsQuestionInTheirOwnWordsFindsTheTopicThatAnswersIt() throws Exception {
        postTopicAndReply();
        waitForHits("/search?q=" + enc("z" + unique));

        // Their own posts only (other tests post similar titles), asked as a resident would ask.
        HtmlPage results = web.getPage(url("/search?q=" + enc("青年路的灯不亮了怎么办") + "&author=" + enc("居民" + unique)));

        assertThat(results.getElementById("relaxed")).isNull();
        assertThat(results.querySelectorAll(".hit-title")).extracting(DomNode::getTextContent)
                .first().isEqualTo("青年路路灯不亮了 " + unique);
    }

    @Test
    void theQueryIsEchoedAsText() throws Exception {
        HtmlPage page = web.getPage(url("/search?q=" + enc("\"><script>alert(1)</script>")));

        assertThat(page.getWebResponse().getStatusCode()).isEqualTo(200);
        assertThat(page.getElementById("q").getAttribute("value")).isEqualTo("\"><script>alert(1)</script>");
        assertThat(page.querySelectorAll("main script")).isEmpty();
    }

    @Test
    void hostileQueriesGetOrdinaryPages() throws Exception {
        List<String> queries = new ArrayList<>(Corpora.naughtyStrings());
        queries.addAll(Corpora.sqlInjections());
        for (String query : queries) {
            WebResponse response = web.loadWebResponse(new org.htmlunit.WebRequest(url("/search?q=" + enc(query))));
            assertThat(response.getStatusCode()).as(query).isEqualTo(200);
            assertThat(response.getContentAsString()).as(query).contains("id=\"searchForm\"").doesNotContain("Exception");
        }
        System.out.printf("Search page: %d hostile queries, every one an ordinary page%n", queries.size());
    }

    /** Registers, starts a topic on 城市建设 and replies; returns the topic's address. */
    private String postTopicAndReply() throws IOException {
        String name = "居民" + unique;
        HtmlForm register = ((HtmlPage) web.getPage(url("/member/register"))).getFormByName("form");
        register.getInputByName("form:username").setValue(name);
        register.getInputByName("form:email").setValue("s" + unique + "@example.org");
        register.getInputByName("form:password").setValue("password-" + unique);
        register.getInputByName("form:confirmation").setValue("password-" + unique);
        register.getInputByName("form:submit").click();
        HtmlPage index = web.getPage(url("/"));
        String board = ((HtmlAnchor) index.getFirstByXPath("//a[@class='board-name'][text()='城市建设']")).getHrefAttribute().replaceAll(".*id=", "");
        HtmlForm topic = ((HtmlPage) web.getPage(url("/post/new-topic?board=" + board))).getFormByName("form");
        topic.getInputByName("form:title").setValue("青年路路灯不亮了 " + unique);
        topic.getTextAreaByName("form:body").setText("晚上很黑。");
        HtmlPage posted = topic.getInputByName("form:submit").click();
        String topicUrl = posted.getUrl().toString().replaceAll("#.*", "");
        HtmlForm reply = ((HtmlPage) web.getPage(url(topicUrl.replaceAll(".*/topic\\?id=", "/post/reply?topic=")))).getFormByName("form");
        reply.getTextAreaByName("form:body").setText("路灯还是不亮 z" + unique);
        reply.getInputByName("form:submit").click();
        return topicUrl;
    }

    private HtmlPage waitForHits(HtmlForm box) throws Exception {
        for (int i = 0; i < 50; i++) {
            HtmlPage page = box.getOwnerDocument() instanceof HtmlPage ? submit(box) : null;
            // Until the post is indexed, the page may show posts with only some of the words.
            if (page != null && !page.querySelectorAll(".search-hit").isEmpty() && page.getElementById("relaxed") == null) {
                return page;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("no hits");
    }

    private HtmlPage submit(HtmlForm box) throws IOException {
        return web.getPage(url("/search?q=" + enc(box.getInputByName("q").getValue())));
    }

    private void waitForHits(String path) throws Exception {
        for (int i = 0; i < 50 && (hits(path) == 0 || relaxed(path)); i++) {
            Thread.sleep(100);
        }
        assertThat(hits(path)).isEqualTo(1);
        assertThat(relaxed(path)).isFalse();
    }

    private boolean relaxed(String path) throws IOException {
        return ((HtmlPage) web.getPage(url(path))).getElementById("relaxed") != null;
    }

    /** The query finds posts with all it asks for (not only, relaxed, some of it). */
    private boolean foundAsAsked(String path) throws IOException {
        HtmlPage page = web.getPage(url(path));
        return page.getElementById("relaxed") == null && !page.querySelectorAll(".search-hit").isEmpty();
    }

    private int hits(String path) throws IOException {
        return ((HtmlPage) web.getPage(url(path))).querySelectorAll(".search-hit").size();
    }

    private static String enc(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    private URL url(String path) throws IOException {
        return new URL(path.startsWith("http") ? path : base.toString().replaceAll("/$", "") + path);
    }
}
