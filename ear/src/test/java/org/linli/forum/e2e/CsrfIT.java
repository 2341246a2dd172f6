package org.linli.forum.e2e;

import org.htmlunit.HttpMethod;
import org.htmlunit.WebClient;
import org.htmlunit.WebRequest;
import org.htmlunit.WebResponse;
import org.htmlunit.html.HtmlAnchor;
import org.htmlunit.html.HtmlForm;
import org.htmlunit.html.HtmlPage;
import org.htmlunit.util.NameValuePair;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.IOException;
import java.net.URL;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every change is a POST carrying its form's per-session token (the Faces view state). A POST
 * with the token missing, stale (from an earlier session) or foreign (from another member's
 * session) is refused with 400 and changes nothing; the same POST with its own token works.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class CsrfIT {

    @ArquillianResource
    private URL base;

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return ForumDeployment.ear();
    }

    @Test
    void repliesNeedTheirOwnSessionsToken() throws Exception {
        try (WebClient alice = client(); WebClient bob = client()) {
            String aliceName = signUp(alice);
            signUp(bob);
            HtmlPage posted = startTopic(alice, "CSRF " + aliceName);
            String topic = posted.getUrl().getQuery().replaceAll("^id=(\\d+).*", "$1");
            String aliceToken = token(alice.getPage(url("/post/reply?topic=" + topic)));

            // Missing: the right session, no token.
            assertThat(postReply(alice, null).getStatusCode()).isEqualTo(400);
            // Foreign: Bob's session with Alice's token.
            bob.getPage(url("/post/reply?topic=" + topic));
            assertThat(postReply(bob, aliceToken).getStatusCode()).isEqualTo(400);
            // Stale: Alice's token after she signed out and in again.
            String staleToken = aliceToken;
            ((HtmlPage) alice.getPage(url("/"))).getHtmlElementById("signOut:submit").click();
            signIn(alice, aliceName);
            assertThat(postReply(alice, staleToken).getStatusCode()).isEqualTo(400);
            assertThat(posts(alice, topic)).as("nothing was posted").isEqualTo(1);

            // Her own fresh token: the reply goes through.
            String freshToken = token(alice.getPage(url("/post/reply?topic=" + topic)));
            WebResponse accepted = postReply(alice, freshToken);
            assertThat(accepted.getStatusCode()).isEqualTo(200);
            assertThat(posts(alice, topic)).isEqualTo(2);
        }
    }

    @Test
    void signingOutAndRegisteringNeedATokenToo() throws Exception {
        try (WebClient web = client()) {
            signUp(web);
            // The sign-out form's token is the session's own: without it, or with another, nothing happens.
            assertThat(web.loadWebResponse(post("/member/sign-out")).getStatusCode()).isEqualTo(400);
            WebResponse forged = web.loadWebResponse(post("/member/sign-out", new NameValuePair("token", "f".repeat(48))));
            assertThat(forged.getStatusCode()).isEqualTo(400);
            assertThat(((HtmlPage) web.getPage(url("/"))).querySelectorAll(".who")).as("still signed in").hasSize(1);

            WebResponse register = web.loadWebResponse(post("/member/register", new NameValuePair("form", "form"),
                    new NameValuePair("form:username", "forged" + UUID.randomUUID().toString().substring(0, 6)),
                    new NameValuePair("form:email", "forged@example.org"), new NameValuePair("form:password", "password-2026"),
                    new NameValuePair("form:confirmation", "password-2026"), new NameValuePair("form:submit", "x"),
                    new NameValuePair("jakarta.faces.ViewState", "-1:-1")));
            assertThat(register.getStatusCode()).isEqualTo(400);
        }
    }

    private WebResponse postReply(WebClient web, String token) throws IOException {
        List<NameValuePair> fields = new java.util.ArrayList<>(List.of(new NameValuePair("form", "form"),
                new NameValuePair("form:body", "伪造的回复 " + token), new NameValuePair("form:submit", "x")));
        if (token != null) {
            fields.add(new NameValuePair("jakarta.faces.ViewState", token));
        }
        return web.loadWebResponse(post("/post/reply", fields.toArray(NameValuePair[]::new)));
    }

    private int posts(WebClient web, String topic) throws IOException {
        return ((HtmlPage) web.getPage(url("/topic?id=" + topic))).querySelectorAll("article.post").size();
    }

    private static String token(HtmlPage page) {
        return page.getFormByName("form").getInputByName("jakarta.faces.ViewState").getValue();
    }

    private String signUp(WebClient web) throws IOException {
        String name = "csrf" + UUID.randomUUID().toString().substring(0, 8);
        HtmlForm form = ((HtmlPage) web.getPage(url("/member/register"))).getFormByName("form");
        form.getInputByName("form:username").setValue(name);
        form.getInputByName("form:email").setValue(name + "@example.org");
        form.getInputByName("form:password").setValue("password-" + name);
        form.getInputByName("form:confirmation").setValue("password-" + name);
        form.getInputByName("form:submit").click();
        return name;
    }

    private void signIn(WebClient web, String name) throws IOException {
        WebClients.signIn(web, base, name, "password-" + name);
    }

    private HtmlPage startTopic(WebClient web, String title) throws IOException {
        HtmlPage index = web.getPage(url("/"));
        String board = ((HtmlAnchor) index.getFirstByXPath("//a[@class='board-name'][text()='物业管理']")).getHrefAttribute().replaceAll(".*id=", "");
        HtmlForm form = ((HtmlPage) web.getPage(url("/post/new-topic?board=" + board))).getFormByName("form");
        form.getInputByName("form:title").setValue(title);
        form.getTextAreaByName("form:body").setText("正文");
        return form.getInputByName("form:submit").click();
    }

    private WebRequest post(String path, NameValuePair... fields) throws IOException {
        WebRequest request = new WebRequest(url(path), HttpMethod.POST);
        request.setRequestParameters(List.of(fields));
        return request;
    }

    private static WebClient client() {
        return WebClients.visitor();
    }

    private URL url(String path) throws IOException {
        return new URL(base.toString().replaceAll("/$", "") + path);
    }
}
