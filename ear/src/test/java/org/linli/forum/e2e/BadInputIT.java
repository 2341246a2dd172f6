package org.linli.forum.e2e;

import org.htmlunit.WebClient;
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
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.net.URL;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Bad input is normal input: every case gets a clear message in the reader's language or the
 * forum's 404 page, never a stack trace, a server version or an error 500, and what was typed or
 * saved is not lost. Driven through the real forms with HtmlUnit.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class BadInputIT {

    @ArquillianResource
    private URL base;

    private WebClient web;
    private String unique;

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return ForumDeployment.ear();
    }

    @BeforeEach
    void newVisitor() {
        web = WebClients.visitor();
        unique = UUID.randomUUID().toString().substring(0, 6);
    }

    @AfterEach
    void close() {
        web.close();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
            "/topic?id=abc", "/topic?id=", "/topic", "/topic?id=-1", "/topic?id=99999999999999999999",
            "/topic?id=987654321", "/board?id=abc", "/board?id=987654321", "/board?id=1&page=0",
            "/board?id=1&page=x", "/board?id=1&page=999", "/no/such/page",
    })
    void unknownAddressesGetTheForumsNotFoundPage(String path) throws IOException {
        HtmlPage page = web.getPage(url(path));

        assertThat(page.getWebResponse().getStatusCode()).isEqualTo(404);
        assertThat(page.querySelector("h1").getTextContent()).isEqualTo("页面不存在");
        assertNothingLeaks(page.getWebResponse());
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
            "/search?q=linli&from=%2B999999999-12-31", "/search?q=linli&to=%2B999999999-12-31",
            "/search?q=linli&from=-999999999-01-01&to=-999999999-01-01", "/search?q=linli&to=0000-01-01",
            "/search?q=linli+after:%2B999999999-12-31", "/search?q=linli+before:%2B999999999-12-31",
            "/search?q=linli+after:-999999999-01-01+before:0001-01-01",
    })
    void extremeDatesInASearchAreClampedOrSearchedAsWords(String path) throws IOException {
        HtmlPage page = web.getPage(url(path));

        assertThat(page.getWebResponse().getStatusCode()).isEqualTo(200);
        assertThat(page.getElementById("q")).isNotNull();
        assertNothingLeaks(page.getWebResponse());
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"/jakarta.faces.resource/.xhtml", "/jakarta.faces.resource/.xhtml?ln=linli",
            "/jakarta.faces.resource/%2F.xhtml?ln=linli", "/jakarta.faces.resource/..%2F..%2FWEB-INF%2Fweb.xml.xhtml"})
    void malformedResourceRequestsAreNotFound(String path) throws IOException {
        WebResponse response = web.loadWebResponse(new org.htmlunit.WebRequest(url(path)));

        assertThat(response.getStatusCode()).isEqualTo(404);
        assertThat(response.getContentAsString()).doesNotContain("<web-app");
        assertNothingLeaks(response);
    }

    @Test
    void aSignedInPostClaimingAStatelessViewIsABadRequest() throws IOException {
        signUp();
        String topic = startTopic("物业管理", "无状态 " + unique, "正文");
        String topicId = topic.replaceAll(".*id=(\\d+).*", "$1");

        for (String state : new String[] {"stateless", " stateless "}) {
            WebResponse forged = web.loadWebResponse(post("/post/reply?topic=" + topicId,
                    new NameValuePair("form", "form"), new NameValuePair("form:body", "伪造的回复"),
                    new NameValuePair("form:submit", "x"), new NameValuePair("jakarta.faces.ViewState", state)));
            assertThat(forged.getStatusCode()).as(state).isEqualTo(400);
            assertThat(forged.getContentAsString()).contains("请求有误");
            assertNothingLeaks(forged);
        }
        HtmlPage after = web.getPage(url(topic));
        assertThat(after.querySelectorAll("article.post")).hasSize(1);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"/WEB-INF/web.xml", "/WEB-INF/templates/layout.xhtml", "/WEB-INF/faces-config.xml"})
    void theApplicationsOwnFilesAreNeverServed(String path) throws IOException {
        WebResponse response = web.loadWebResponse(new org.htmlunit.WebRequest(url(path)));

        assertThat(response.getStatusCode()).isEqualTo(404);
        assertThat(response.getContentAsString()).doesNotContain("<web-app", "ui:insert", "faces-config");
        assertNothingLeaks(response);
    }

    @Test
    void administrationIsForAdministratorsOnly() throws IOException {
        assertThat(web.getPage(url("/admin/boards")).getWebResponse().getContentAsString()).contains("form:username");
        signUp();
        HtmlPage refused = web.getPage(url("/admin/boards"));
        assertThat(refused.getWebResponse().getStatusCode()).isEqualTo(404);
        assertThat(refused.querySelector("h1").getTextContent()).isEqualTo("页面不存在");
        assertThat(refused.getElementById("adminLink")).isNull();
        web.close();
        newVisitor();

        HtmlPage admin = signIn("admin", "linli-admin");
        HtmlPage boards = admin.getElementById("adminLink").click();
        HtmlForm form = boards.getFormByName("form");
        form.getInputByName("form:name").setValue("");
        HtmlPage rejected = form.getInputByName("form:submit").click();
        assertThat(fieldError(rejected, "name")).isEqualTo("版块名称不能为空，最多 100 个字符。");
        form = rejected.getFormByName("form");
        form.getInputByName("form:name").setValue("治安巡逻 " + unique);
        form.getInputByName("form:description").setValue("Neighbourhood watch");
        form.getInputByName("form:submit").click();
        assertThat(web.getPage(url("/")).getWebResponse().getContentAsString()).contains("治安巡逻 " + unique);
    }

    @Test
    void aPagePastTheEndOfATopicIsNotFoundAndTheLastPageIsFound() throws IOException {
        signUp();
        String topic = startTopic("物业管理", "漏水 " + unique, "楼上漏水");

        assertThat(status(topic + "&page=2")).isEqualTo(404);
        assertThat(status(topic + "&page=1")).isEqualTo(200);
        assertThat(status(topic + "&page=last")).isEqualTo(200);
    }

    @Test
    void aReplyToATopicThatDoesNotExistIsNotFound() throws IOException {
        signUp();

        assertThat(status("/post/reply?topic=987654321")).isEqualTo(404);
        assertThat(status("/post/reply?topic=abc")).isEqualTo(404);
        assertThat(status("/post/new-topic?board=987654321")).isEqualTo(404);
    }

    @Test
    void aNewTopicWithABadTitleOrBodyKeepsWhatWasTyped() throws IOException {
        signUp();
        HtmlPage form = web.getPage(url("/board?id=" + boardId("物业管理")));
        form = web.getPage(url("/post/new-topic?board=" + boardId("物业管理")));

        HtmlPage empty = submitTopic(form, "", "正文保留");
        assertThat(empty.getWebResponse().getStatusCode()).isEqualTo(422);
        assertThat(fieldError(empty, "title")).isEqualTo("请填写标题。");
        assertThat(empty.getElementById("form:body").getTextContent()).isEqualTo("正文保留");

        HtmlPage tooLong = submitTopic(empty, "长".repeat(201), "正文保留");
        assertThat(tooLong.getWebResponse().getStatusCode()).isEqualTo(422);
        assertThat(fieldError(tooLong, "title")).isEqualTo("标题太长：最多 200 个字符。");
        assertThat(tooLong.getElementById("form:title").getAttribute("value")).isEqualTo("长".repeat(201));

        HtmlPage bodyTooLong = submitTopic(tooLong, "标题 " + unique, "字".repeat(50_001));
        assertThat(bodyTooLong.getWebResponse().getStatusCode()).isEqualTo(422);
        assertThat(fieldError(bodyTooLong, "body")).isEqualTo("内容太长：最多 50,000 个字符。");
        assertThat(bodyTooLong.getElementById("form:title").getAttribute("value")).isEqualTo("标题 " + unique);

        HtmlPage blankBody = submitTopic(bodyTooLong, "标题 " + unique, "   ");
        assertThat(fieldError(blankBody, "body")).isEqualTo("请填写内容。");

        HtmlPage posted = submitTopic(blankBody, "标题 " + unique, "终于发出来了");
        assertThat(posted.getUrl().toString()).contains("/topic?id=");
        assertThat(posted.querySelector("h1").getTextContent()).isEqualTo("标题 " + unique);
    }

    @Test
    void registrationRefusesTakenNamesAndWeakPasswordsClearly() throws IOException {
        String username = signUp();
        web.close();
        newVisitor();

        HtmlPage taken = register(username.toUpperCase(), "other-" + username + "@example.org", "password-2026", "password-2026");
        assertThat(fieldError(taken, "username")).isEqualTo("用户名 " + username.toUpperCase() + " 已被使用，请换一个。");
        assertThat(taken.getElementById("form:email").getAttribute("value")).isEqualTo("other-" + username + "@example.org");

        HtmlPage emailTaken = register("new" + unique, username + "@example.org", "password-2026", "password-2026");
        assertThat(fieldError(emailTaken, "email")).isEqualTo("该电子邮箱已注册。");

        HtmlPage shortPassword = register("new" + unique, "new" + unique + "@example.org", "short", "short");
        assertThat(fieldError(shortPassword, "password")).isEqualTo("密码为 8 到 128 个字符。");

        HtmlPage sameAsName = register("new" + unique, "new" + unique + "@example.org", "new" + unique, "new" + unique);
        assertThat(fieldError(sameAsName, "password")).isEqualTo("密码不能与用户名相同。");

        HtmlPage mismatch = register("new" + unique, "new" + unique + "@example.org", "password-2026", "password-2027");
        assertThat(fieldError(mismatch, "confirmation")).isEqualTo("两次输入的密码不一致。");

        HtmlPage badEmail = register("new" + unique, "not an email", "password-2026", "password-2026");
        assertThat(fieldError(badEmail, "email")).isEqualTo("电子邮箱格式不正确。");
    }

    @Test
    void aWrongPasswordSaysSoWithoutSayingWhichPartWasWrong() throws IOException {
        String username = signUp();
        web.close();
        newVisitor();

        HtmlPage wrongPassword = signIn(username, "not-the-password");
        HtmlPage unknownUser = signIn("nobody-" + unique, "not-the-password");

        assertThat(wrongPassword.querySelector(".messages").getTextContent().strip()).isEqualTo("用户名或密码错误。");
        assertThat(unknownUser.querySelector(".messages").getTextContent().strip()).isEqualTo("用户名或密码错误。");
        assertThat(signIn(username, password(username)).querySelector(".who").getTextContent()).isEqualTo(username);
    }

    @Test
    void messagesFollowTheBrowserLanguage() throws IOException {
        web.removeRequestHeader("Accept-Language");
        web.addRequestHeader("Accept-Language", "en-US,en;q=0.9");

        HtmlPage page = register("x", "x@example.org", "password-2026", "password-2026");

        assertThat(fieldError(page, "username")).isEqualTo("A username has 2 to 32 characters.");
        assertThat(web.getPage(url("/topic?id=abc")).getWebResponse().getContentAsString()).contains("Page not found");
    }

    @Test
    void aPostWithoutSigningInSavesNothingAndAsksToSignIn() throws IOException {
        String username = signUp();
        String topic = startTopic("城市建设", "路面破损 " + unique, "坑很深");
        web.close();
        newVisitor();

        HtmlPage reply = web.getPage(url(topic.replace("/topic?id=", "/post/reply?topic=")));
        assertThat(reply.querySelector("h1").getTextContent()).isEqualTo("登录");

        // A hand-made POST of the reply form without a session changes nothing.
        WebResponse forged = web.loadWebResponse(post("/post/reply",
                new NameValuePair("form", "form"), new NameValuePair("form:body", "伪造的回复"),
                new NameValuePair("form:submit", "x"), new NameValuePair("jakarta.faces.ViewState", "1:2")));
        assertThat(forged.getStatusCode()).isEqualTo(400);
        assertThat(forged.getContentAsString()).contains("请求有误");
        assertNothingLeaks(forged);
        HtmlPage after = web.getPage(url(topic));
        assertThat(after.querySelectorAll("article.post")).hasSize(1);
        assertThat(username).isNotBlank();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"/", "/member/sign-in", "/topic?id=abc"})
    void everyResponseCarriesTheSecurityHeaders(String path) throws IOException {
        WebResponse response = web.getPage(url(path)).getWebResponse();

        assertThat(response.getResponseHeaderValue("Content-Type")).isEqualToIgnoringCase("text/html;charset=UTF-8");
        String csp = response.getResponseHeaderValue("Content-Security-Policy");
        assertThat(csp).doesNotContain("unsafe-inline", "unsafe-eval")
                .contains("script-src 'self'", "object-src 'none'", "base-uri 'self'", "frame-ancestors 'self'", "form-action 'self'");
        assertThat(response.getResponseHeaderValue("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(response.getResponseHeaderValue("Referrer-Policy")).isEqualTo("strict-origin-when-cross-origin");
        assertNothingLeaks(response);
    }

    @Test
    void theSessionCookieIsHttpOnlyAndSameSite() throws IOException {
        WebResponse signIn = web.getPage(url("/member/sign-in")).getWebResponse();

        String cookie = signIn.getResponseHeaders().stream()
                .filter(header -> header.getName().equalsIgnoreCase("Set-Cookie") && header.getValue().startsWith("JSESSIONID="))
                .findFirst().orElseThrow().getValue();
        assertThat(cookie).containsIgnoringCase("HttpOnly").containsIgnoringCase("SameSite=Lax");
    }

    @Test
    void overHttpsTheSessionCookieIsSecure() throws IOException {
        web.getOptions().setUseInsecureSSL(true);
        // The test server's HTTPS port: 8443 plus the port offset.
        int port = 8443 + Integer.getInteger("it.port.offset", 100);
        WebResponse signIn = web.getPage(new URL("https://127.0.0.1:" + port + "/member/sign-in")).getWebResponse();

        String cookie = signIn.getResponseHeaders().stream()
                .filter(header -> header.getName().equalsIgnoreCase("Set-Cookie") && header.getValue().startsWith("JSESSIONID="))
                .findFirst().orElseThrow().getValue();
        assertThat(cookie).containsIgnoringCase("Secure").containsIgnoringCase("HttpOnly").containsIgnoringCase("SameSite=Lax");
    }

    @Test
    void aRequestOverOneMegabyteIsRefusedWithAMessage() throws IOException {
        signUp();
        org.htmlunit.WebRequest huge = post("/post/reply", new NameValuePair("form", "form"),
                new NameValuePair("form:body", "长".repeat(400_000)), new NameValuePair("jakarta.faces.ViewState", "x"));

        WebResponse response = web.loadWebResponse(huge);

        assertThat(response.getStatusCode()).isEqualTo(413);
        assertThat(response.getContentAsString()).contains("内容太多", "50,000");
    }

    private String signUp() throws IOException {
        String username = "居民" + unique;
        HtmlPage home = register(username, username + "@example.org", password(username), password(username));
        assertThat(home.querySelector(".who").getTextContent()).isEqualTo(username);
        return username;
    }

    private HtmlPage register(String username, String email, String password, String confirmation) throws IOException {
        HtmlPage page = web.getPage(url("/member/register"));
        HtmlForm form = page.getFormByName("form");
        form.getInputByName("form:username").setValue(username);
        form.getInputByName("form:email").setValue(email);
        form.getInputByName("form:password").setValue(password);
        form.getInputByName("form:confirmation").setValue(confirmation);
        return form.getInputByName("form:submit").click();
    }

    private HtmlPage signIn(String username, String password) throws IOException {
        return WebClients.signIn(web, base, username, password);
    }

    /** Starts a topic through the form; returns its address. */
    private String startTopic(String board, String title, String body) throws IOException {
        HtmlPage page = submitTopic(web.getPage(url("/post/new-topic?board=" + boardId(board))), title, body);
        return "/topic?id=" + page.getUrl().getQuery().replaceAll("^id=(\\d+).*", "$1");
    }

    private HtmlPage submitTopic(HtmlPage page, String title, String body) throws IOException {
        HtmlForm form = page.getFormByName("form");
        // Set as a script would, past the browser's maxlength: the server is the one that checks.
        form.getInputByName("form:title").setValue(title);
        form.getTextAreaByName("form:body").setText(body);
        return form.getInputByName("form:submit").click();
    }

    private long boardId(String name) throws IOException {
        HtmlPage index = web.getPage(url("/"));
        // The board's own link (the home page's "report a problem" buttons have the same text).
        String href = ((HtmlAnchor) index.getFirstByXPath("//a[@class='board-name'][text()='" + name + "']")).getHrefAttribute();
        return Long.parseLong(href.replaceAll(".*id=", ""));
    }

    private static String fieldError(HtmlPage page, String field) {
        var error = page.getElementById("form:" + field + "Error");
        assertThat(error).as("message next to " + field).isNotNull();
        return error.getTextContent().strip();
    }

    private int status(String path) throws IOException {
        return web.getPage(url(path)).getWebResponse().getStatusCode();
    }

    private static String password(String username) {
        return "密码-" + username + "-2026";
    }

    private org.htmlunit.WebRequest post(String path, NameValuePair... parameters) throws IOException {
        org.htmlunit.WebRequest request = new org.htmlunit.WebRequest(url(path), org.htmlunit.HttpMethod.POST);
        request.setRequestParameters(java.util.List.of(parameters));
        return request;
    }

    private static void assertNothingLeaks(WebResponse response) {
        String body = response.getContentAsString();
        assertThat(body).doesNotContain("Exception", "at org.", "at java.", "WildFly", "Undertow", "JBoss", "Mojarra");
        assertThat(response.getResponseHeaderValue("Server")).isNull();
        assertThat(response.getResponseHeaderValue("X-Powered-By")).isNull();
    }

    private URL url(String path) throws IOException {
        return new URL(base.toString().replaceAll("/$", "") + path);
    }
}
