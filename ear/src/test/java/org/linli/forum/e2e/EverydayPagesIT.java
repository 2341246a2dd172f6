package org.linli.forum.e2e;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebElement;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Everyday use in Chromium, as residents, staff and administrators meet it: a refused
 * registration says everything at once, tied to the fields; boards speak both languages; the
 * topic page says whether you watch it; the header search has a button; the demo forum is not
 * empty; and every main page fits a 360 px phone.
 */
class EverydayPagesIT extends SeededPagesTest {

    private final String unique = UUID.randomUUID().toString().substring(0, 6);

    @Test
    void aRegistrationWithThreeBadFieldsShowsThreeErrorsAtOnceTiedToTheirFields() throws Exception {
        fresh();
        browser.get(url("/member/register").toString());
        browser.findElement(By.id("form:username")).sendKeys("x");
        // An address the browser's own check lets through (type=email) and the forum's does not.
        browser.findElement(By.id("form:email")).sendKeys("someone@localhost");
        browser.findElement(By.id("form:password")).sendKeys("short");
        browser.findElement(By.id("form:confirmation")).sendKeys("different");
        navigate(By.id("form:submit"));

        assertThat(browser.getTitle()).startsWith("错误：");
        WebElement summary = browser.findElement(By.id("errorSummary"));
        assertThat(summary.getAttribute("role")).isEqualTo("alert");
        assertThat(summary.findElements(By.cssSelector("li a")).stream().map(a -> a.getAttribute("hash")).toList())
                .containsExactly("#form:username", "#form:email", "#form:password", "#form:confirmation");
        for (String field : List.of("username", "email", "password", "confirmation")) {
            WebElement input = browser.findElement(By.id("form:" + field));
            assertThat(input.getAttribute("aria-invalid")).as(field).isEqualTo("true");
            String describedBy = input.getAttribute("aria-describedby");
            assertThat(browser.findElement(By.id(describedBy)).getText()).as(field + "'s message").isNotBlank();
        }
        assertThat(browser.switchTo().activeElement().getAttribute("id")).as("focus on the first error").isEqualTo("form:username");
        assertThat(browser.findElement(By.id("form:username")).getAttribute("value")).as("typed text is kept").isEqualTo("x");
        assertThat(browser.findElement(By.id("form:email")).getAttribute("value")).isEqualTo("someone@localhost");
        assertThat(browser.findElement(By.id("form:password")).getAttribute("value")).as("passwords are not").isEmpty();
    }

    @Test
    void boardsAreNamedInBothLanguagesAndFallBackWhereOneIsEmpty() throws Exception {
        long chineseOnly = new Seeder(seederUrl).board("只有中文 " + unique);

        fresh();
        signIn("admin", "linli-admin");
        browser.get(url("/admin/boards").toString());
        browser.findElement(By.id("form:name")).sendKeys("双语 " + unique);
        browser.findElement(By.id("form:nameEn")).sendKeys("Both " + unique);
        browser.findElement(By.id("form:description")).sendKeys("中文简介");
        navigate(By.id("form:submit"));
        String both = browser.findElement(By.linkText("双语 " + unique)).getAttribute("href");

        // An administrator gives an existing board its English description.
        browser.get(url("/admin/board?id=" + chineseOnly).toString());
        browser.findElement(By.id("form:descriptionEn")).sendKeys("Only a Chinese name");
        navigate(By.id("form:submit"));
        navigate(By.id("lang-en"));

        browser.get(both);
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Both " + unique);
        assertThat(browser.findElement(By.tagName("h1")).getDomAttribute("lang")).as("in the page's own language").isNull();
        WebElement description = browser.findElement(By.cssSelector("p.description"));
        assertThat(description.getText()).as("no English description: the Chinese one").isEqualTo("中文简介");
        assertThat(description.getDomAttribute("lang")).isEqualTo("zh-CN");

        browser.get(url("/board?id=" + chineseOnly).toString());
        assertThat(browser.findElement(By.tagName("h1")).getText()).as("no English name: the Chinese one").isEqualTo("只有中文 " + unique);
        assertThat(browser.findElement(By.tagName("h1")).getDomAttribute("lang")).isEqualTo("zh-CN");
        assertThat(browser.findElement(By.cssSelector("p.description")).getText()).isEqualTo("Only a Chinese name");

        navigate(By.id("lang-zh"));
        browser.get(both);
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("双语 " + unique);
        browser.get(url("/board?id=" + chineseOnly).toString());
        assertThat(browser.findElement(By.cssSelector("p.description")).getText())
                .as("no Chinese description: the English one").isEqualTo("Only a Chinese name");
        assertThat(browser.findElement(By.cssSelector("p.description")).getDomAttribute("lang")).isEqualTo("en");
        navigate(By.id("signOut:submit"));
    }

    @Test
    void theTopicPageSaysWhetherYouWatchItAndTheHeaderSearchHasAButton() throws Exception {
        Seeder seeder = new Seeder(seederUrl);
        String name = "watch" + unique;
        seeder.member(name, "RESIDENT", null);
        long topic = seeder.topics(seeder.board("关注 " + unique), List.of("关注测试 " + unique)).get(0).id();

        fresh();
        signIn(name, "password-" + name);
        browser.get(url("/topic?id=" + topic).toString());
        assertThat(browser.findElement(By.id("watchTopic")).getText()).startsWith("未关注");
        navigate(By.id("watchTopic"));
        navigate(By.id("form:toggle"));
        browser.get(url("/topic?id=" + topic).toString());
        assertThat(browser.findElement(By.id("watchTopic")).getText()).startsWith("正在关注");

        WebElement button = browser.findElement(By.id("headerSearchButton"));
        assertThat(button.getAccessibleName()).isEqualTo("搜索");
        browser.findElement(By.id("headerSearch")).sendKeys("关注测试 " + unique);
        navigate(By.id("headerSearchButton"));
        assertThat(browser.getCurrentUrl()).contains("/search?q=");
        assertThat(browser.findElements(By.cssSelector(".search-hit .hit-title")).get(0).getText()).isEqualTo("关注测试 " + unique);
        navigate(By.id("signOut:submit"));
    }

    @Test
    void aNewForumShowsWhatItIsForWithAnsweredAndOpenProblems() throws Exception {
        fresh();
        browser.get(url("/").toString());
        navigate(By.linkText("社区公告"));
        assertThat(browser.findElements(By.cssSelector("a.topic-title")).stream().map(WebElement::getText).toList())
                .contains("本周六上午停水通知 · Water off on Saturday morning");
        browser.get(url("/").toString());
        navigate(By.xpath("//a[@class='board-name'][text()='城市建设']"));
        List<WebElement> rows = browser.findElements(By.cssSelector("table.topics tbody tr"));
        Map<String, String> marks = new java.util.HashMap<>();
        for (WebElement row : rows) {
            marks.put(row.findElement(By.cssSelector("a.topic-title")).getText(),
                    String.join(" ", row.findElements(By.cssSelector(".badge")).stream().map(WebElement::getText).toList()));
        }
        assertThat(marks).containsEntry("幸福路 18 号门口路灯不亮", "已解决 已官方答复").containsEntry("人民路与建设街路口路面塌陷", "待处理");
        navigate(By.linkText("幸福路 18 号门口路灯不亮"));
        assertThat(browser.findElement(By.cssSelector("#officialAnswer .post-body")).getText()).contains("维修人员");
        assertThat(browser.findElements(By.cssSelector(".event-line"))).hasSize(2);
        browser.get(url("/").toString());
        navigate(By.linkText("邻里议事"));
        navigate(By.cssSelector("a.topic-title"));
        assertThat(browser.findElements(By.cssSelector("#p1 .post-body table td"))).isNotEmpty();
        assertThat(browser.findElements(By.cssSelector("#p2 .post-body blockquote"))).isNotEmpty();
    }

    @Test
    void aProblemIsReportedFromTheHomePageAndFollowedInMyTopics() throws Exception {
        String name = "report" + unique;
        new Seeder(seederUrl).member(name, "RESIDENT", null);
        fresh();
        signIn(name, "password-" + name);
        browser.get(url("/").toString());
        navigate(By.cssSelector("#reportProblem a[href*='new-topic']"));
        assertThat(browser.findElement(By.id("problemNotice")).getText()).as("the form says what happens next").contains("待处理");
        navigate(By.id("form:submit"));
        assertThat(browser.findElements(By.cssSelector("#errorSummary li a")).stream().map(a -> a.getAttribute("hash")).toList())
                .as("an empty form: title and text, both at once").containsExactly("#form:title", "#form:body");
        browser.findElement(By.id("form:title")).sendKeys("垃圾桶满了没人清 " + unique);
        browser.findElement(By.id("form:body")).sendKeys("小区南门的垃圾桶三天没清了。");
        navigate(By.id("form:submit"));
        navigate(By.id("myTopicsLink"));
        WebElement row = browser.findElement(By.xpath("//table[@id='myTopics']//tr[.//a[text()='垃圾桶满了没人清 " + unique + "']]"));
        assertThat(row.findElement(By.cssSelector(".badge")).getText()).isEqualTo("待处理");
        navigate(By.id("signOut:submit"));
    }

    @Test
    void theLanguageSwitchKeepsThePageAndItsParameters() throws Exception {
        Seeder seeder = new Seeder(seederUrl);
        String name = "lang" + unique;
        seeder.member(name, "RESIDENT", null);
        long topic = seeder.topics(seeder.board("语言 " + unique), List.of("语言切换 " + unique)).get(0).id();
        fresh();
        browser.get(url("/topic?id=999999999&from=mail").toString());
        assertThat(browser.findElement(By.id("lang-en")).getAttribute("href")).as("a 404 keeps what was asked for")
                .endsWith("/topic?id=999999999&from=mail&lang=en");
        signIn(name, "password-" + name);
        browser.get(url("/post/reply?topic=" + topic).toString());
        navigate(By.id("form:submit"));
        assertThat(browser.getTitle()).startsWith("错误：");
        navigate(By.id("lang-en"));
        assertThat(browser.getCurrentUrl()).as("a refused reply's switch leads back to the reply page, not a 404")
                .endsWith("/post/reply?topic=" + topic);
        assertThat(browser.findElement(By.id("form:body")).isDisplayed()).isTrue();
        assertThat(browser.findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("en");
        navigate(By.id("lang-zh"));
        navigate(By.id("signOut:submit"));
    }

    /** Starts signed out, whatever a test before left behind. */
    private void fresh() throws Exception {
        browser.get(url("/").toString());
        browser.manage().deleteAllCookies();
    }

    /** What a phone shows wrong on the current page: sideways scrolling, small text, small inputs and targets. */
    private static final String PHONE_CHECK = """
            const problems = [];
            if (document.documentElement.scrollWidth > window.innerWidth) {
                problems.push('scrolls sideways: ' + document.documentElement.scrollWidth + ' px');
            }
            const hidden = e => e.closest('.visually-hidden, .skip-link') || getComputedStyle(e).visibility === 'hidden'
                    || e.getClientRects().length === 0;
            const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
            while (walker.nextNode()) {
                const text = walker.currentNode.textContent.trim();
                const element = walker.currentNode.parentElement;
                if (!text || hidden(element)) continue;
                const size = parseFloat(getComputedStyle(element).fontSize);
                if (size < 14) problems.push('text of ' + size + ' px: ' + text.slice(0, 30));
            }
            for (const input of document.querySelectorAll('input:not([type=hidden]):not([type=checkbox]), textarea, select')) {
                if (!hidden(input) && parseFloat(getComputedStyle(input).fontSize) < 16) problems.push('input under 16 px: ' + input.id);
            }
            for (const action of document.querySelectorAll('.button, input[type=submit]')) {
                const box = action.getBoundingClientRect();
                if (!hidden(action) && box.height < 44) problems.push('main action ' + Math.round(box.height) + ' px tall: ' + action.id);
            }
            for (const target of document.querySelectorAll('a, button, input:not([type=hidden]), select, textarea')) {
                if (hidden(target) || target.closest('.post-body, .snippet')) continue;
                const box = target.getBoundingClientRect();
                if (box.width < 24 || box.height < 24) {
                    problems.push('target ' + Math.round(box.width) + 'x' + Math.round(box.height) + ': '
                            + (target.id || target.textContent.trim().slice(0, 20)));
                }
            }
            return problems;
            """;

    @Test
    void everyMainPageFitsA360PixelPhone() throws Exception {
        Seeder seeder = new Seeder(seederUrl);
        String name = "phone" + unique;
        seeder.member(name, "RESIDENT", null);
        long board = seeder.board("手机 " + unique, "PROBLEMS");
        long topic = seeder.topics(board, List.of("一个很长很长的标题，看看手机上能不能正常换行而不会横向滚动 " + unique)).get(0).id();
        seeder.replies(topic, List.of("""
                | 楼号 | 户数 | 已登记 | 未登记 | 备注说明 |
                |------|------|--------|--------|----------|
                | 1 号楼 | 48 | 40 | 8 | 三楼和四楼有几户长期不在家 |
                """));
        Dimension before = browser.manage().window().getSize();
        browser.manage().window().setSize(new Dimension(360, 800));
        List<String> problems = new ArrayList<>();
        try {
            fresh();
            List<String> anonymous = List.of("/", "/board?id=" + board, "/topic?id=" + topic, "/search?q=" + unique,
                    "/member/sign-in", "/member/register", "/member/forgot");
            for (String page : anonymous) {
                problems.addAll(check(page));
            }
            signIn(name, "password-" + name);
            for (String page : List.of("/", "/board?id=" + board, "/topic?id=" + topic, "/post/reply?topic=" + topic,
                    "/post/new-topic?board=" + board, "/member/notifications", "/member/settings", "/member/topics")) {
                problems.addAll(check(page));
            }
            navigate(By.id("signOut:submit"));
        } finally {
            browser.manage().window().setSize(before);
        }
        System.out.println("Phone width (360 px): 15 pages checked, " + problems.size() + " problems");
        assertThat(problems).isEmpty();
    }

    private List<String> check(String page) throws Exception {
        browser.get(url(page).toString());
        @SuppressWarnings("unchecked")
        List<String> found = (List<String>) browser.executeScript(PHONE_CHECK);
        return found.stream().map(problem -> page + ": " + problem).toList();
    }
}
