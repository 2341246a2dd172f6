package org.linli.forum.e2e;

import org.htmlunit.HttpMethod;
import org.htmlunit.WebClient;
import org.htmlunit.WebRequest;
import org.htmlunit.WebResponse;
import org.htmlunit.html.HtmlForm;
import org.htmlunit.html.HtmlPage;
import org.htmlunit.util.Cookie;
import org.htmlunit.util.NameValuePair;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The requests of an attack run against the forum, each of which once got through: an open
 * redirect through the language switch, a moderators' page read by residents, sign-out that did
 * not sign out on an error page, responses without the security headers, links built from a
 * forged Host header, cross-site and repeated form posts. Each test fails on the code before
 * the fix.
 */
class HostileRequestsIT extends SeededPagesTest {

    private final String unique = UUID.randomUUID().toString().substring(0, 6);

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"//evil.example/?lang=en", "///evil.example/board?id=1&lang=zh-CN",
            "/%2F%2Fevil.example/?lang=en", "/%5C%5Cevil.example/?lang=en", "/.//evil.example/?lang=en"})
    void theLanguageSwitchRedirectsOnlyWithinTheSite(String path) throws Exception {
        // Sent as written: HTTP clients would tidy "//" away before it reached the server.
        String response = rawGet(path, hostAndPort(), null);

        assertThat(response.lines().findFirst().orElseThrow()).contains(" 303 ");
        String location = header(response, "Location");
        // A browser resolves "/.//host" to "//host" (another site): no empty or dot segments at all.
        assertThat(location).startsWith("/").doesNotContain("//", "/./", "/../", "\\");
        assertThat(new URL(forum, location).getHost()).isEqualTo(forum.getHost());
    }

    @Test
    void theNotFoundPagesLanguageLinksStayOnTheSite() throws Exception {
        String response = rawGet("//evil.example/", hostAndPort(), null);

        assertThat(response.lines().findFirst().orElseThrow()).contains(" 404 ");
        List<String> links = Pattern.compile("id=\"lang-(?:en|zh)\" href=\"([^\"]*)\"").matcher(response).results()
                .map(match -> match.group(1)).toList();
        assertThat(links).hasSize(2).allSatisfy(href -> assertThat(href).startsWith("/").doesNotStartWith("//"));
    }

    @Test
    void chromiumFollowingAHostileReturnAddressStaysOnTheSite() throws Exception {
        browser.get(forum.toString().replaceAll("/$", "") + "/.//evil.example/?lang=en");

        assertThat(new URL(browser.getCurrentUrl()).getHost()).isEqualTo(forum.getHost());
        assertThat(browser.getCurrentUrl()).doesNotContain("//evil.example");
    }

    @Test
    void aSignInReturnAddressIsKeptOnTheSiteAndEncodedWhole() throws Exception {
        String member = "ret" + unique;
        new Seeder(seederUrl).member(member, "RESIDENT", null);
        for (String[] attempt : new String[][] {
                {"/.//evil.example/?lang=en", "/evil.example/?lang=en"},
                {"https://evil.example/", "/"},
                {"/search?q=\u3000路灯", "/search?q=%E3%80%80%E8%B7%AF%E7%81%AF"}}) {
            try (WebClient web = noRedirects()) {
                HtmlForm form = ((HtmlPage) web.getPage(url("/member/sign-in"))).getFormByName("form");
                form.getInputByName("form:username").setValue(member);
                form.getInputByName("form:password").setValue("password-" + member);
                form.getInputByName("form:returnTo").setValue(attempt[0]);
                WebResponse signedIn = web.loadWebResponse(form.getWebRequest(form.getInputByName("form:submit")));

                assertThat(signedIn.getStatusCode()).as(attempt[0]).isBetween(300, 399);
                assertThat(signedIn.getResponseHeaderValue("Location")).as(attempt[0]).endsWith(attempt[1]);
            }
        }
    }

    @Test
    void theModeratorsMemberPageIsForModeratorsOnly() throws Exception {
        Seeder seeder = new Seeder(seederUrl);
        long board = seeder.board("成员页 " + unique);
        String victim = "victim" + unique;
        seeder.member(victim, "RESIDENT", null);
        seeder.member("admin" + unique, "ADMIN", null);
        seeder.member("res" + unique, "RESIDENT", null);
        seeder.member("staff" + unique, "STAFF", null);
        seeder.member("mod" + unique, "MODERATOR", board);
        String reason = "私下的理由 " + unique;
        try (WebClient admin = signedIn("admin" + unique)) {
            HtmlForm form = ((HtmlPage) admin.getPage(url("/mod/member?name=" + victim))).getFormByName("form");
            form.getTextAreaByName("form:reason").setText(reason);
            form.getInputByName("form:suspend").click();
        }

        for (String reader : List.of("res" + unique, "staff" + unique)) {
            try (WebClient web = signedIn(reader)) {
                for (String path : List.of("/mod/member?name=" + victim, "/mod/member")) {
                    WebResponse response = web.loadWebResponse(new WebRequest(url(path)));
                    assertThat(response.getStatusCode()).as(reader + " " + path).isEqualTo(404);
                    assertThat(response.getContentAsString()).as(reader).doesNotContain(reason).doesNotContain("memberStatus");
                }
            }
        }
        try (WebClient moderator = signedIn("mod" + unique)) {
            HtmlPage page = moderator.getPage(url("/mod/member?name=" + victim));
            assertThat(page.getWebResponse().getStatusCode()).isEqualTo(200);
            assertThat(page.getHtmlElementById("memberStatus").getTextContent()).contains(reason);
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"/no/such/page", "/topic?id=999999999"})
    void signingOutWorksFromAnErrorPage(String path) throws Exception {
        String member = "out" + UUID.randomUUID().toString().substring(0, 6);
        new Seeder(seederUrl).member(member, "RESIDENT", null);
        try (WebClient web = signedIn(member)) {
            HtmlPage missing = web.getPage(url(path));
            assertThat(missing.getWebResponse().getStatusCode()).isEqualTo(404);
            assertThat(missing.querySelectorAll(".who")).hasSize(1);

            HtmlPage after = missing.getHtmlElementById("signOut:submit").click();

            assertThat(after.getWebResponse().getStatusCode()).isEqualTo(200);
            assertThat(after.getUrl().getPath()).isEqualTo("/");
            assertThat(((HtmlPage) web.getPage(url("/"))).querySelectorAll(".who")).as("signed out").isEmpty();
            assertThat(web.getPage(url("/member/notifications")).getWebResponse().getContentAsString()).contains("form:password");
        }
    }

    @Test
    void signingOutNeedsTheSessionsTokenAndAPost() throws Exception {
        String member = "tok" + unique;
        new Seeder(seederUrl).member(member, "RESIDENT", null);
        try (WebClient web = signedIn(member)) {
            WebRequest forged = new WebRequest(url("/member/sign-out"), HttpMethod.POST);
            forged.setRequestParameters(List.of(new NameValuePair("token", "0".repeat(48))));
            assertThat(web.loadWebResponse(forged).getStatusCode()).isEqualTo(400);
            assertThat(web.loadWebResponse(new WebRequest(url("/member/sign-out"))).getStatusCode()).isEqualTo(404);
            assertThat(((HtmlPage) web.getPage(url("/"))).querySelectorAll(".who")).as("still signed in").hasSize(1);
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"/post/new-topic?board=1", "/mod/log", "/admin/boards", "/staff/problems.csv",
            "/member/sign-in", "//evil.example/?lang=en", "/member", "/no/such/page", "/feed/announcements"})
    void everyResponseCarriesTheSecurityHeadersTheContainersOwnToo(String path) throws Exception {
        try (WebClient web = noRedirects()) {
            WebResponse response = web.loadWebResponse(new WebRequest(rawUrl(path)));

            assertThat(response.getResponseHeaderValue("Content-Security-Policy")).as(path)
                    .contains("default-src 'self'", "script-src 'self'", "object-src 'none'", "frame-ancestors 'self'")
                    .doesNotContain("unsafe-inline");
            assertThat(response.getResponseHeaderValue("X-Content-Type-Options")).as(path).isEqualTo("nosniff");
            assertThat(response.getResponseHeaderValue("Referrer-Policy")).as(path).isEqualTo("strict-origin-when-cross-origin");
        }
    }

    @Test
    void theContainersSignInPageAndAWrongMethodCarryTheHeadersToo() throws Exception {
        try (WebClient web = noRedirects()) {
            WebResponse signIn = web.loadWebResponse(new WebRequest(url("/mod/log")));
            assertThat(signIn.getContentAsString()).contains("form:password");
            assertThat(signIn.getResponseHeaderValue("Content-Security-Policy")).isNotNull();

            WebResponse refused = web.loadWebResponse(new WebRequest(url("/member/sign-out")));
            assertThat(refused.getResponseHeaderValue("Content-Security-Policy")).isNotNull();
            assertThat(refused.getResponseHeaderValue("X-Content-Type-Options")).isEqualTo("nosniff");
        }
    }

    @Test
    void feedLinksComeFromTheConfiguredAddressNotTheHostHeader() throws Exception {
        Seeder seeder = new Seeder(seederUrl);
        long board = seeder.board("主机头 " + unique);
        seeder.topics(board, List.of("路灯坏了 " + unique));

        String feed = rawGet("/feed/board/" + board, "evil.example", null);

        assertThat(feed).contains("路灯坏了 " + unique).doesNotContain("evil.example");
        assertThat(feed).contains("<id>" + forum.toString().replaceAll("/$", ""));
    }

    @Test
    void theCsvExportsLinksComeFromTheConfiguredAddressToo() throws Exception {
        String staff = "csv" + unique;
        new Seeder(seederUrl).member(staff, "STAFF", null);
        try (WebClient web = signedIn(staff)) {
            String session = web.getCookieManager().getCookies().stream().filter(c -> c.getName().equals("JSESSIONID"))
                    .map(Cookie::getValue).findFirst().orElseThrow();

            String csv = rawGet("/staff/problems.csv", "evil.example", "JSESSIONID=" + session);

            assertThat(csv.lines().findFirst().orElseThrow()).contains(" 200 ");
            assertThat(csv).contains("topic_id,board,title");
            // Titles may mention any site (other tests store hostile ones); the link column is ours.
            String base = forum.toString().replaceAll("/$", "");
            List<String> links = Pattern.compile(",\"(https?://[^\"]*)\"\r?$", Pattern.MULTILINE).matcher(csv).results()
                    .map(match -> match.group(1)).toList();
            assertThat(links).isNotEmpty().allSatisfy(link -> assertThat(link).startsWith(base + "/topic?id="));
        }
    }

    @Test
    void aPostFromAnotherSiteIsRefusedAndStoresNothing() throws Exception {
        Seeder seeder = new Seeder(seederUrl);
        long topic = topicOnANewBoard(seeder, "跨站");
        try (WebClient web = signedInResident(seeder, "cross")) {
            for (String[] header : new String[][] {{"Origin", "http://evil.example"}, {"Origin", "null"},
                    {"Referer", "http://evil.example/page"}, {"Origin", forum.toString().replace("127.0.0.1", "localhost")}}) {
                WebRequest reply = replyRequest(web, topic, "跨站的回复 " + unique);
                reply.setAdditionalHeader(header[0], header[1]);
                if (header[0].equals("Referer")) {
                    reply.removeAdditionalHeader("Origin");
                }
                WebResponse refused = web.loadWebResponse(reply);
                assertThat(refused.getStatusCode()).as(header[0] + ": " + header[1]).isEqualTo(400);
            }
            assertThat(seeder.state("topic", topic)).contains("replies=0");

            WebRequest own = replyRequest(web, topic, "同站的回复 " + unique);
            own.setAdditionalHeader("Origin", forum.toString().replaceAll("/$", ""));
            assertThat(web.loadWebResponse(own).getStatusCode()).isEqualTo(200);
            assertThat(seeder.state("topic", topic)).contains("replies=1");
        }
    }

    @Test
    void aReplySentTwiceIsStoredOnceAndTheSecondSendingShowsIt() throws Exception {
        Seeder seeder = new Seeder(seederUrl);
        long topic = topicOnANewBoard(seeder, "重复提交");
        try (WebClient web = signedInResident(seeder, "twice")) {
            WebRequest reply = replyRequest(web, topic, "只应出现一次 " + unique);

            HtmlPage first = web.getPage(reply);
            HtmlPage second = web.getPage(reply);

            assertThat(first.getUrl().getRef()).isEqualTo("p2");
            assertThat(second.getUrl()).isEqualTo(first.getUrl());
            assertThat(seeder.state("topic", topic)).contains("replies=1");
            assertThat(second.getWebResponse().getContentAsString().split("只应出现一次 " + unique, -1)).hasSize(2);
        }
    }

    @Test
    void anEmailAddressWithMarkupIsRefusedAtRegistration() throws Exception {
        try (WebClient web = WebClients.visitor()) {
            String name = "mail" + unique;
            HtmlForm form = ((HtmlPage) web.getPage(url("/member/register"))).getFormByName("form");
            form.getInputByName("form:username").setValue(name);
            form.getInputByName("form:email").setValue("<style>body{display:none}</style>@example.org");
            form.getInputByName("form:password").setValue("password-" + name);
            form.getInputByName("form:confirmation").setValue("password-" + name);
            HtmlPage refused = form.getInputByName("form:submit").click();

            assertThat(refused.getWebResponse().getStatusCode()).isEqualTo(422);
            assertThat(refused.getHtmlElementById("form:emailError").getTextContent()).isNotBlank();
            assertThat(refused.querySelectorAll(".who")).as("not signed up").isEmpty();
            assertThat(refused.getWebResponse().getContentAsString()).doesNotContain("<style>body");
        }
    }

    private WebRequest replyRequest(WebClient web, long topic, String text) throws Exception {
        HtmlForm form = ((HtmlPage) web.getPage(url("/post/reply?topic=" + topic))).getFormByName("form");
        form.getTextAreaByName("form:body").setText(text);
        return form.getWebRequest(form.getInputByName("form:submit"));
    }

    /** A topic (of the seeder's) on a board of its own, both named after {@code name}. */
    private long topicOnANewBoard(Seeder seeder, String name) throws Exception {
        long board = seeder.board(name + " " + unique);
        return seeder.topics(board, List.of(name + "的主题 " + unique)).get(0).id();
    }

    /** A new resident, signed in. */
    private WebClient signedInResident(Seeder seeder, String prefix) throws Exception {
        String member = prefix + unique;
        seeder.member(member, "RESIDENT", null);
        return signedIn(member);
    }

    private WebClient signedIn(String member) throws Exception {
        WebClient web = WebClients.visitor();
        WebClients.signIn(web, forum, member, "password-" + member);
        return web;
    }

    private static WebClient noRedirects() {
        WebClient web = WebClients.visitor();
        web.getOptions().setRedirectEnabled(false);
        return web;
    }

    /** A URL with the path exactly as given ("//host/…" included), on the forum's host and port. */
    private URL rawUrl(String path) throws Exception {
        return new URL(forum.getProtocol(), forum.getHost(), forum.getPort(), path);
    }

    private String hostAndPort() {
        return forum.getHost() + ":" + forum.getPort();
    }

    private static String header(String response, String name) {
        return response.lines().takeWhile(line -> !line.isEmpty())
                .filter(line -> line.regionMatches(true, 0, name + ":", 0, name.length() + 1))
                .map(line -> line.substring(name.length() + 1).strip()).findFirst().orElse(null);
    }

    /** A GET of the path as written, with a Host header of our choosing, which HTTP clients will not send; the whole response. */
    private String rawGet(String path, String host, String cookie) throws IOException {
        try (Socket socket = new Socket(forum.getHost(), forum.getPort())) {
            OutputStream out = socket.getOutputStream();
            // HTTP/1.0: the answer comes whole, not in chunks.
            out.write(("GET " + path + " HTTP/1.0\r\nHost: " + host + "\r\nConnection: close\r\n"
                    + (cookie == null ? "" : "Cookie: " + cookie + "\r\n") + "\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream body = new ByteArrayOutputStream();
            in.transferTo(body);
            return body.toString(StandardCharsets.UTF_8);
        }
    }
}
