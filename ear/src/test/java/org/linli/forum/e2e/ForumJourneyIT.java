package org.linli.forum.e2e;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.net.URL;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A resident's way through the forum in real headless Chromium: register, sign out and in,
 * start a topic with a Chinese title, reply, quote, page through a long topic, switch language.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ForumJourneyIT {

    private static ChromeDriver browser;

    @ArquillianResource
    private URL base;

    private String unique;

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return ForumDeployment.ear();
    }

    @BeforeAll
    static void startBrowser() {
        browser = Chromium.start();
    }

    @AfterAll
    static void stopBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @BeforeEach
    void freshVisitor() {
        unique = UUID.randomUUID().toString().substring(0, 6);
        open("/");
        browser.manage().deleteAllCookies();
    }

    @Test
    void aResidentRegistersStartsATopicRepliesAndQuotes() {
        open("/");
        assertThat(text("h1")).isEqualTo("社区版块");
        assertThat(texts(".board-name")).contains("物业管理", "城市建设", "社区公告");
        assertThat(browser.manage().getCookieNamed("JSESSIONID")).as("anonymous reading keeps no session").isNull();

        String username = register();
        assertThat(text(".who")).isEqualTo(username);

        // Sign out, then a wrong password, then the right one: a new session id on sign-in.
        navigate(By.id("signOut:submit"));
        assertThat(browser.findElements(By.id("signInLink"))).hasSize(1);
        navigate(By.id("signInLink"));
        signIn(username, "wrong password");
        assertThat(text(".messages")).contains("用户名或密码错误");
        Cookie before = browser.manage().getCookieNamed("JSESSIONID");
        signIn(username, password(username));
        assertThat(text(".who")).isEqualTo(username);
        Cookie after = browser.manage().getCookieNamed("JSESSIONID");
        assertThat(after).isNotNull();
        if (before != null) {
            assertThat(after.getValue()).isNotEqualTo(before.getValue());
        }

        // A new topic with a Chinese title on 城市建设.
        int topicsBefore = boardCount("城市建设", "主题");
        navigate(By.xpath("//a[@class='board-name'][text()='城市建设']"));
        navigate(By.id("newTopic"));
        String title = "青年路 12 号路灯不亮了 " + unique;
        browser.findElement(By.id("form:title")).sendKeys(title);
        browser.findElement(By.id("form:body")).sendKeys("晚上十点以后整条路都是黑的。\n\n请尽快修理。");
        navigate(By.id("form:submit"));
        assertThat(browser.getCurrentUrl()).contains("/topic?id=");
        assertThat(text("h1.topic-title")).isEqualTo(title);
        assertThat(texts("#p1 .post-body p")).containsExactly("晚上十点以后整条路都是黑的。", "请尽快修理。");

        // A reply.
        navigate(By.id("reply"));
        browser.findElement(By.id("form:body")).sendKeys("已经打电话报修了。");
        navigate(By.id("form:submit"));
        assertThat(text("#p2 .post-body")).isEqualTo("已经打电话报修了。");
        assertThat(text("#p2 .author")).isEqualTo(username);

        // A quote of that reply fills the quick reply under the posts with it (the page's script,
        // without leaving the page), and links back to it.
        String replyLink = browser.findElement(By.cssSelector("#p2 a.number")).getAttribute("href");
        String replyId = replyLink.replaceAll(".*id=", "");
        browser.findElement(By.cssSelector("#p2 a.quote")).click();
        WebElement body = browser.findElement(By.id("quickReplyBody"));
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(d -> !body.getAttribute("value").isEmpty());
        assertThat(body.getAttribute("value"))
                .isEqualTo("> [" + username + " #2](/p?id=" + replyId + ")\n>\n> 已经打电话报修了。\n\n");
        body.sendKeys("谢谢，维修人员明天来。");
        navigate(By.id("quickReplySubmit"));
        assertThat(text("#p3 .post-body blockquote")).contains(username + " #2", "已经打电话报修了。");
        assertThat(text("#p3 .post-body > p")).isEqualTo("谢谢，维修人员明天来。");
        navigate(By.cssSelector("#p3 blockquote a"));
        assertThat(browser.getCurrentUrl()).endsWith("#p2");

        open("/");
        assertThat(boardCount("城市建设", "主题")).isEqualTo(topicsBefore + 1);
        assertThat(browser.findElement(By.xpath("//tr[.//a[text()='城市建设']]//td[@class='activity']/a")).getText()).isEqualTo(title);
    }

    @Test
    void aResidentPreviewsAndEditsAndAModeratorReadsTheRevisions() {
        register();
        navigate(By.xpath("//a[@class='board-name'][text()='物业管理']"));
        navigate(By.id("newTopic"));
        browser.findElement(By.id("form:title")).sendKeys("电梯故障 " + unique);
        browser.findElement(By.id("form:body")).sendKeys("**电梯**坏了\n\n- 三号楼\n- <script>alert(1)</script>");
        navigate(By.id("form:preview"));
        assertThat(text("#preview .post-body strong")).isEqualTo("电梯");
        assertThat(texts("#preview .post-body li")).containsExactly("三号楼", "<script>alert(1)</script>");
        assertThat(browser.findElement(By.id("form:title")).getAttribute("value")).isEqualTo("电梯故障 " + unique);
        navigate(By.id("form:submit"));
        assertThat(text("#p1 .post-body strong")).isEqualTo("电梯");
        assertThat(browser.findElements(By.cssSelector("#p1 .edited"))).isEmpty();

        navigate(By.cssSelector("#p1 a.edit"));
        WebElement body = browser.findElement(By.id("form:body"));
        assertThat(body.getAttribute("value")).isEqualTo("**电梯**坏了\n\n- 三号楼\n- <script>alert(1)</script>");
        body.clear();
        body.sendKeys("**电梯**坏了\n\n- 三号楼二单元");
        navigate(By.id("form:preview"));
        assertThat(texts("#preview .post-body li")).containsExactly("三号楼二单元");
        navigate(By.id("form:submit"));
        assertThat(texts("#p1 .post-body li")).containsExactly("三号楼二单元");
        assertThat(text("#p1 .edited")).startsWith("已编辑");
        assertThat(browser.findElements(By.cssSelector("#p1 a.revisions"))).as("residents see no revisions").isEmpty();
        String topicUrl = browser.getCurrentUrl().replaceAll("#.*", "");
        String postId = browser.findElement(By.cssSelector("#p1 a.number")).getAttribute("href").replaceAll(".*id=", "");
        open("/post/revisions?post=" + postId);
        assertThat(text("h1")).isEqualTo("页面不存在");

        open("/");
        navigate(By.id("signOut:submit"));
        navigate(By.id("signInLink"));
        signIn("moderator", "linli-moderator");
        browser.get(topicUrl);
        navigate(By.cssSelector("#p1 a.revisions"));
        assertThat(browser.findElements(By.cssSelector("tr.revision"))).hasSize(2);
        assertThat(texts("pre.diff .removed")).containsExactly("- - 三号楼", "- - <script>alert(1)</script>");
        assertThat(texts("pre.diff .added")).containsExactly("+ - 三号楼二单元");
    }

    @Test
    void aLongTopicIsReadTwentyPostsAPage() {
        String username = register();
        navigate(By.xpath("//a[@class='board-name'][text()='物业管理']"));
        navigate(By.id("newTopic"));
        browser.findElement(By.id("form:title")).sendKeys("电梯维修进度 " + unique);
        browser.findElement(By.id("form:body")).sendKeys("第 1 楼");
        navigate(By.id("form:submit"));
        String topicUrl = browser.getCurrentUrl().replaceAll("#.*", "");
        for (int n = 2; n <= 45; n++) {
            browser.get(topicUrl.replace("/topic?id=", "/post/reply?topic="));
            browser.findElement(By.id("form:body")).sendKeys("第 " + n + " 楼");
            navigate(By.id("form:submit"));
        }
        assertThat(text("#p45 .post-body")).isEqualTo("第 45 楼");
        assertThat(browser.getCurrentUrl()).contains("page=3");

        browser.get(topicUrl);
        assertThat(postNumbers()).containsExactlyElementsOf(range(1, 20));
        navigate(By.cssSelector(".pager a[rel=next]"));
        assertThat(browser.getCurrentUrl()).contains("page=2");
        assertThat(postNumbers()).containsExactlyElementsOf(range(21, 40));
        navigate(By.xpath("(//nav[@class='pager'])[1]/a[text()='3']"));
        assertThat(postNumbers()).containsExactlyElementsOf(range(41, 45));
        assertThat(browser.findElements(By.cssSelector(".pager a[rel=next]"))).isEmpty();
        assertThat(text(".pager .current")).isEqualTo("3");
        navigate(By.cssSelector(".pager a[rel=prev]"));
        assertThat(postNumbers()).containsExactlyElementsOf(range(21, 40));

        browser.get(topicUrl + "&page=4");
        assertThat(text("h1")).isEqualTo("页面不存在");
        assertThat(username).isNotBlank();
    }

    @Test
    void anonymousReadersAreSentToSignInToReplyAndBroughtBack() {
        String username = register();
        navigate(By.xpath("//a[@class='board-name'][text()='物业管理']"));
        navigate(By.id("newTopic"));
        browser.findElement(By.id("form:title")).sendKeys("停水通知 " + unique);
        browser.findElement(By.id("form:body")).sendKeys("周六上午停水。");
        navigate(By.id("form:submit"));
        String topicUrl = browser.getCurrentUrl().replaceAll("#.*", "");
        navigate(By.id("signOut:submit"));

        browser.get(topicUrl);
        assertThat(browser.findElements(By.id("reply"))).isEmpty();
        assertThat(browser.findElements(By.cssSelector("a.quote"))).isEmpty();
        navigate(By.id("signInToReply"));
        // The sign-in form stands in for the reply form, at the reply form's address.
        assertThat(text("h1")).isEqualTo("登录");
        assertThat(browser.getCurrentUrl()).contains("/post/reply?topic=");
        signIn(username, password(username));
        assertThat(browser.getCurrentUrl()).contains("/post/reply?topic=");
        browser.findElement(By.id("form:body")).sendKeys("收到。");
        navigate(By.id("form:submit"));
        assertThat(text("#p2 .post-body")).isEqualTo("收到。");
    }

    @Test
    void theLanguageSwitchesAndStays() {
        open("/");
        navigate(By.id("lang-en"));
        assertThat(text("h1")).isEqualTo("Community boards");
        assertThat(browser.findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("en");
        navigate(By.xpath("//a[@class='board-name'][text()='Property management']"));
        assertThat(text("table.topics th, p.empty")).isIn("Topic", "No topics on this board yet.");
        assertThat(browser.findElement(By.id("signInLink")).getText()).isEqualTo("Sign in");
        navigate(By.id("lang-zh"));
        assertThat(browser.findElement(By.id("signInLink")).getText()).isEqualTo("登录");
        assertThat(browser.getCurrentUrl()).contains("/board?id=").doesNotContain("lang=");
    }

    private String register() {
        String username = "居民" + unique;
        open("/member/register");
        browser.findElement(By.id("form:username")).sendKeys(username);
        browser.findElement(By.id("form:email")).sendKeys("resident-" + unique + "@example.org");
        browser.findElement(By.id("form:password")).sendKeys(password(username));
        browser.findElement(By.id("form:confirmation")).sendKeys(password(username));
        navigate(By.id("form:submit"));
        assertThat(text(".who")).isEqualTo(username);
        return username;
    }

    private void signIn(String username, String password) {
        browser.findElement(By.id("form:username")).clear();
        browser.findElement(By.id("form:username")).sendKeys(username);
        browser.findElement(By.id("form:password")).sendKeys(password);
        navigate(By.id("form:submit"));
    }

    private static String password(String username) {
        return "密码-" + username + "-2026";
    }

    private int boardCount(String board, String column) {
        return Integer.parseInt(browser.findElement(
                By.xpath("//tr[.//a[text()='" + board + "']]/td[@data-label='" + column + "']")).getText().strip());
    }

    private List<Integer> postNumbers() {
        return browser.findElements(By.cssSelector("article.post")).stream()
                .map(post -> Integer.parseInt(post.getAttribute("id").substring(1))).toList();
    }

    private static List<Integer> range(int from, int to) {
        return java.util.stream.IntStream.rangeClosed(from, to).boxed().toList();
    }

    /** Clicks a link or button and waits until the next page has replaced this one. */
    private void navigate(By target) {
        Chromium.navigate(browser, target);
    }

    private void open(String path) {
        browser.get(base.toString().replaceAll("/$", "") + path);
    }

    private String text(String css) {
        return browser.findElement(By.cssSelector(css)).getText().strip();
    }

    private List<String> texts(String css) {
        return browser.findElements(By.cssSelector(css)).stream().map(e -> e.getText().strip()).toList();
    }
}
