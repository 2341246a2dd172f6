package org.linli.forum.e2e;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Guests reply without an account, in Chromium and as raw requests: on a board an administrator
 * opened to them, a visitor's reply is held (shown to their browser alone, links inert), their
 * address is confirmed by mail, a moderator approves it and it is a post by "name (guest)"; the
 * address appears on no page, feed, search or export, for any role; and the spam controls answer
 * each abuse as documented. One class, in order: the per-address limit counts every guest reply
 * this machine (127.0.0.1) sends within ten minutes.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class GuestRepliesIT extends SeededPagesTest {

    @RegisterExtension
    static final GreenMailExtension MAIL = new GreenMailExtension(new ServerSetup(3025, "127.0.0.1", ServerSetup.PROTOCOL_SMTP))
            .withPerMethodLifecycle(false);

    private static final String UNIQUE = UUID.randomUUID().toString().substring(0, 6);
    private static final String GUEST = "王阿姨" + UNIQUE;
    private static final String EMAIL = "wang.ayi." + UNIQUE + "@example.org";

    private static long board;
    private static long topic;
    private static long guestPost;

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    @Order(1)
    void aGuestsReplyIsHeldConfirmedAndApprovedIntoAPostByNameGuest() throws Exception {
        Seeder seeder = new Seeder(seederUrl);
        board = seeder.board("游客版 " + UNIQUE);
        topic = seeder.topics(board, List.of("路灯又坏了 " + UNIQUE)).get(0).id();

        // Closed to guests until an administrator opens the board.
        browser.manage().deleteAllCookies();
        browser.get(url("/topic?id=" + topic).toString());
        assertThat(browser.findElements(By.id("guestReplyForm"))).isEmpty();
        signIn("admin", "linli-admin");
        browser.get(url("/admin/board?id=" + board).toString());
        browser.findElement(By.id("form:guestReplies")).click();
        navigate(By.id("form:submit"));

        // A visitor replies: name, address, text; every required field marked and explained.
        browser.manage().deleteAllCookies();
        browser.get(url("/topic?id=" + topic).toString());
        assertThat(browser.findElement(By.id("guestRequired")).getText()).isEqualTo("标有 * 的为必填项。");
        assertThat(browser.findElement(By.id("guest-emailHint")).getText()).contains("不会公开");
        browser.findElement(By.id("guest-name")).sendKeys(GUEST);
        browser.findElement(By.id("guest-email")).sendKeys(EMAIL);
        browser.findElement(By.id("guestBody")).sendKeys("青年路 8 号门口的路灯又不亮了，详情见 https://example.org/lamp 。");
        Thread.sleep(3200); // a person takes a few seconds to write; a robot is refused as too fast
        navigate(By.id("guestReplySubmit"));

        WebElement held = browser.findElement(By.cssSelector("article.post.held"));
        assertThat(held.getText()).contains(GUEST + "（游客）", "等待审核", "青年路 8 号门口的路灯又不亮了");
        assertThat(held.findElements(By.cssSelector(".post-body a"))).as("links inert until approved").isEmpty();
        // Another browser sees nothing of it.
        browser.manage().deleteAllCookies();
        browser.get(url("/topic?id=" + topic).toString());
        assertThat(browser.getPageSource()).doesNotContain(GUEST);

        // The one mail: its link confirms the address.
        MimeMessage mail = null;
        for (int wait = 0; wait < 100 && mail == null; wait++) {
            for (MimeMessage received : MAIL.getReceivedMessages()) {
                if (GreenMailUtil.getAddressList(received.getAllRecipients()).contains(EMAIL)) {
                    mail = received;
                }
            }
            if (mail == null) {
                Thread.sleep(200);
            }
        }
        assertThat(mail).as("the confirmation mail").isNotNull();
        String confirm = String.valueOf(mail.getContent()).lines().filter(line -> line.contains("/guest/confirm?"))
                .findFirst().orElseThrow().strip();
        assertThat(String.valueOf(mail.getContent())).doesNotContain(EMAIL).as("the mail does not repeat the address");
        assertThat(http.send(HttpRequest.newBuilder(URI.create(confirm.replaceAll("^http://[^/]+", url("/").toString().replaceAll("/$", ""))))
                .build(), HttpResponse.BodyHandlers.ofString()).body()).contains("邮箱已确认");

        // A moderator approves it with one click; it is a post by "name (guest)", its link now live.
        signIn("moderator", "linli-moderator");
        browser.get(url("/mod/guest-replies").toString());
        WebElement queued = browser.findElement(By.xpath("//section[contains(@class,'guest-held')][.//span[@class='author'][text()='"
                + GUEST + "（游客）']]"));
        assertThat(queued.getText()).contains("邮箱已确认");
        navigate(By.id(queued.findElement(By.cssSelector("input[value='通过']")).getAttribute("id")));
        browser.get(url("/topic?id=" + topic + "&page=last").toString());
        List<WebElement> posts = browser.findElements(By.cssSelector("article.post"));
        WebElement published = posts.get(posts.size() - 1);
        assertThat(published.findElement(By.cssSelector(".author")).getText()).isEqualTo(GUEST + "（游客）");
        assertThat(published.findElement(By.cssSelector(".post-body a")).getAttribute("href")).isEqualTo("https://example.org/lamp");
        guestPost = Long.parseLong(published.findElement(By.cssSelector("a.number")).getAttribute("href").replaceAll(".*id=(\\d+).*", "$1"));
        browser.get(url("/mod/log").toString());
        assertThat(browser.findElement(By.tagName("main")).getText()).contains("通过游客回复");
    }

    @Test
    @Order(2)
    void theGuestsAddressAppearsOnNoPageFeedSearchOrExportForAnyone() throws Exception {
        assertThat(guestPost).as("the first test published the guest's reply").isPositive();
        String local = EMAIL.substring(0, EMAIL.indexOf('@'));
        List<String> pages = List.of("/", "/board?id=" + board, "/topic?id=" + topic, "/topic?id=" + topic + "&page=last",
                "/p?id=" + guestPost, "/search?q=" + enc(EMAIL), "/search?q=" + enc(local), "/search?q=" + enc(GUEST),
                "/feed/board/" + board, "/feed/announcements");
        List<String> staffPages = List.of("/staff/dashboard", "/staff/problems.csv", "/mod/guest-replies", "/mod/log",
                "/mod/reports", "/mod/post?id=" + guestPost, "/member/notifications", "/member/topics");
        Map<String, String> seen = new LinkedHashMap<>();
        for (String page : pages) {
            seen.put("anonymous " + page, http.send(HttpRequest.newBuilder(url(page).toURI()).build(),
                    HttpResponse.BodyHandlers.ofString()).body());
        }
        for (String[] member : List.of(new String[]{"resident", "linli-resident"}, new String[]{"moderator", "linli-moderator"},
                new String[]{"staff", "linli-staff"}, new String[]{"admin", "linli-admin"})) {
            browser.manage().deleteAllCookies();
            signIn(member[0], member[1]);
            List<String> all = new ArrayList<>(pages);
            all.addAll(staffPages);
            for (String page : all) {
                browser.get(url(page).toString());
                seen.put(member[0] + " " + page, browser.getPageSource());
            }
        }
        assertThat(seen).hasSizeGreaterThan(60);
        assertThat(seen.get("anonymous /topic?id=" + topic + "&page=last")).contains(GUEST);
        // A search for the address shows the query as it was typed (in the search box, and in the
        // links that keep it: the language switch); apart from that, it is nowhere either.
        List<String> queries = List.of("/search?q=" + enc(EMAIL), "/search?q=" + enc(local));
        seen.replaceAll((key, page) -> queries.stream().anyMatch(q -> key.endsWith(" " + q))
                ? page.replaceAll("value=\"[^\"]*\"", "").replaceAll("href=\"[^\"]*\"", "") : page);
        List<String> leaks = seen.entrySet().stream()
                .filter(e -> e.getValue().contains(EMAIL) || e.getValue().contains(local))
                .map(Map.Entry::getKey).toList();
        assertThat(leaks).isEmpty();
        // Nor is it in the database: the confirmation mail, once sent, was its only copy.
        assertThat(new Seeder(seederUrl).rowsWithAddress(EMAIL)).isZero();
    }

    @Test
    @Order(3)
    void eachAbuseGetsItsDocumentedAnswerAndNothingIsPublished() throws Exception {
        // A filled honeypot: answered as accepted (a robot learns nothing), nothing kept.
        String formTime = formTime();
        Thread.sleep(3200);
        HttpResponse<String> honeypot = send(formTime, "机器人" + UNIQUE, "bot@example.org", "买药 https://spam.example", "http://spam.example");
        assertThat(honeypot.statusCode()).isEqualTo(303);
        assertThat(honeypot.headers().firstValue("Location").orElseThrow()).doesNotContain("#g");

        // Sent at once: refused, the text kept.
        HttpResponse<String> tooFast = send(formTime(), "快手" + UNIQUE, "fast@example.org", "秒回", "");
        assertThat(tooFast.statusCode()).isEqualTo(422);
        assertThat(tooFast.body()).contains("提交得太快了", "秒回");

        // A script payload from the shared corpus as the name: held as text; the moderator's queue shows it inert.
        String payload = Corpora.xssPayloads().stream().filter(p -> p.contains("<script") && p.length() <= 40).findFirst().orElseThrow();
        HttpResponse<String> hostile = send(formTime, payload, "xss." + UNIQUE + "@example.org", "看我的名字", "");
        assertThat(hostile.statusCode()).isEqualTo(303);

        // Twenty from one address: the first few are held (five in ten minutes, counting the ones above),
        // every one after that gets 429 with the time to wait.
        List<Integer> statuses = new ArrayList<>();
        String lastRetry = null;
        for (int i = 0; i < 20; i++) {
            HttpResponse<String> response = send(formTime, "邻居" + i + UNIQUE, "n" + i + "." + UNIQUE + "@example.org", "第 " + i + " 条", "");
            statuses.add(response.statusCode());
            if (response.statusCode() == 429) {
                lastRetry = response.headers().firstValue("Retry-After").orElse(null);
                assertThat(response.body()).contains("这里发出的游客回复太多了");
            }
        }
        assertThat(statuses.stream().filter(s -> s == 303).count()).isLessThanOrEqualTo(3);
        assertThat(statuses.stream().filter(s -> s == 429).count()).isGreaterThanOrEqualTo(17);
        assertThat(statuses.subList(3, 20)).containsOnly(429);
        assertThat(Long.parseLong(lastRetry)).isBetween(1L, 600L);

        // Nothing of it is published; the queue shows the hostile name as text, and no script ran.
        String published = http.send(HttpRequest.newBuilder(url("/topic?id=" + topic + "&page=last").toURI()).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        assertThat(published).doesNotContain("机器人" + UNIQUE, "快手" + UNIQUE, "邻居0" + UNIQUE, "看我的名字");
        browser.manage().deleteAllCookies();
        signIn("moderator", "linli-moderator");
        browser.get(url("/mod/guest-replies").toString());
        assertThat((List<?>) browser.executeScript("return window.__xss")).as("no alert ran, no CSP violation").isEmpty();
        assertThat(browser.findElements(By.cssSelector(".guest-held .author *"))).as("the name is text, not markup").isEmpty();
        assertThat(browser.findElement(By.tagName("main")).getText()).contains(payload + "（游客）").doesNotContain("机器人" + UNIQUE);
    }

    @Test
    @Order(4)
    void aGuestWhoRegistersWithTheirAddressMakesTheirRepliesTheirsThroughTheMailedLink() throws Exception {
        assertThat(guestPost).as("the first test published the guest's reply").isPositive();
        String username = "wang" + UNIQUE;
        browser.manage().deleteAllCookies();
        browser.get(url("/member/register").toString());
        browser.findElement(By.id("form:username")).sendKeys(username);
        browser.findElement(By.id("form:email")).sendKeys(EMAIL);
        browser.findElement(By.id("form:password")).sendKeys("password-" + UNIQUE);
        browser.findElement(By.id("form:confirmation")).sendKeys("password-" + UNIQUE);
        navigate(By.id("form:submit"));
        assertThat(browser.findElement(By.cssSelector(".who")).getText()).isEqualTo(username);

        // Registering proves nothing about the address: the replies move only through the mailed link.
        browser.get(url("/p?id=" + guestPost).toString());
        assertThat(browser.getPageSource()).contains(GUEST + "（游客）");
        // The mail sender goes through the outbox every few seconds.
        String claim = null;
        for (int wait = 0; wait < 100 && claim == null; wait++) {
            for (MimeMessage received : MAIL.getReceivedMessages()) {
                String text = String.valueOf(received.getContent());
                if (GreenMailUtil.getAddressList(received.getAllRecipients()).contains(EMAIL) && text.contains("/member/claim?")) {
                    claim = text.lines().filter(line -> line.contains("/member/claim?")).findFirst().orElseThrow().strip();
                }
            }
            if (claim == null) {
                Thread.sleep(200);
            }
        }
        assertThat(claim).as("the claim mail").isNotNull();
        String local = claim.replaceAll("^http://[^/]+", url("/").toString().replaceAll("/$", ""));
        browser.get(local.replaceAll("t=[^&]*", "t=1.forged"));
        assertThat(browser.getPageSource()).doesNotContain("回复已归到您的账号");
        browser.get(local);
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("回复已归到您的账号");

        browser.get(url("/topic?id=" + topic + "&page=last").toString());
        List<WebElement> posts = browser.findElements(By.cssSelector("article.post"));
        assertThat(posts.get(posts.size() - 1).findElement(By.cssSelector(".author")).getText()).isEqualTo(username);
        assertThat(browser.findElements(By.cssSelector("a[href*='/post/edit?post=" + guestPost + "']"))).as("now theirs to edit").hasSize(1);

        // The address is a member's now: a guest reply with it is refused, pointing to sign in.
        String formTime = formTime();
        Thread.sleep(3200);
        HttpResponse<String> asGuest = send(formTime, "冒名" + UNIQUE, EMAIL, "我是王阿姨", "");
        assertThat(asGuest.statusCode()).isEqualTo(422);
        assertThat(asGuest.body()).contains("这个邮箱属于本站会员");
    }

    private String formTime() throws Exception {
        String page = http.send(HttpRequest.newBuilder(url("/topic?id=" + topic).toURI()).build(), HttpResponse.BodyHandlers.ofString()).body();
        Matcher time = Pattern.compile("name=\"formTime\" value=\"([^\"]+)\"").matcher(page);
        assertThat(time.find()).as("the guest form is on the topic page: " + page).isTrue();
        return time.group(1);
    }

    private HttpResponse<String> send(String formTime, String name, String email, String body, String honeypot) throws Exception {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("topic", Long.toString(topic));
        fields.put("formTime", formTime);
        fields.put("name", name);
        fields.put("email", email);
        fields.put("body", body);
        fields.put("website", honeypot);
        String form = fields.entrySet().stream().map(e -> enc(e.getKey()) + "=" + enc(e.getValue())).collect(Collectors.joining("&"));
        String origin = url("/").toString().replaceAll("/$", "");
        return http.send(HttpRequest.newBuilder(url("/guest/reply").toURI())
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Origin", origin)
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String enc(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
