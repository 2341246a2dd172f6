package org.linli.forum.e2e;

import org.htmlunit.HttpMethod;
import org.htmlunit.Page;
import org.htmlunit.WebClient;
import org.htmlunit.WebRequest;
import org.htmlunit.WebResponse;
import org.htmlunit.html.DomElement;
import org.htmlunit.html.HtmlButton;
import org.htmlunit.html.HtmlCheckBoxInput;
import org.htmlunit.html.HtmlForm;
import org.htmlunit.html.HtmlInput;
import org.htmlunit.html.HtmlPage;
import org.htmlunit.html.HtmlTextArea;
import org.htmlunit.util.NameValuePair;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The forum's reason to exist, in Chromium: a resident reports a broken street lamp on 城市建设;
 * staff acknowledge it, answer officially and resolve it; at every step the resident sees where
 * the problem stands, and is told of each step in the forum and by mail (GreenMail stands in
 * for the SMTP server).
 */
class ProblemJourneyIT extends SeededPagesTest {

    /** The forum's SMTP server in the tests (arquillian.xml points the server at port 3025). */
    @RegisterExtension
    static final GreenMailExtension MAIL = new GreenMailExtension(new ServerSetup(3025, "127.0.0.1", ServerSetup.PROTOCOL_SMTP))
            .withPerMethodLifecycle(false);

    private final String unique = UUID.randomUUID().toString().substring(0, 6);

    /**
     * Every step from the topic page, where it is read: the resident reports, staff acknowledge
     * (one click), answer officially (one submission of the quick reply), resolve with a note (one
     * click, after the refusal of a resolution without one), and the resident follows each step
     * and reopens it. Pages loaded per task are counted by the navigations.
     */
    @Test
    void aResidentsReportIsAcknowledgedAnsweredAndResolvedFromItsTopicPage() throws Exception {
        String resident = "lamp" + unique;
        new Seeder(seederUrl).member(resident, "RESIDENT", null);

        // The resident reports the lamp.
        signIn(resident, "password-" + resident);
        browser.get(url("/").toString());
        navigate(By.xpath("//a[@class='board-name'][text()='城市建设']"));
        navigate(By.id("newTopic"));
        browser.findElement(By.id("form:title")).sendKeys("青年路 12 号路灯不亮 " + unique);
        browser.findElement(By.id("form:body")).sendKeys("晚上十点以后整条路都是黑的。");
        navigate(By.id("form:submit"));
        String topicUrl = browser.getCurrentUrl().replaceAll("#.*", "");
        assertThat(status()).isEqualTo("OPEN");
        assertThat(browser.findElements(By.id("statusStep"))).as("its author cannot acknowledge it").isEmpty();
        assertThat(browser.findElements(By.id("quickReplyOfficial"))).as("only staff answer officially").isEmpty();
        navigate(By.id("signOut:submit"));

        // Staff acknowledge it: one click on the topic page.
        signIn("staff", "linli-staff");
        browser.get(topicUrl);
        assertThat(browser.findElements(By.cssSelector("#statusStep button")).stream().map(b -> b.getAttribute("value")).toList())
                .containsExactly("ACKNOWLEDGED", "RESOLVED");
        browser.findElement(By.id("statusNote")).sendKeys("已转交区路灯管理所");
        navigate(By.id("stepACKNOWLEDGED"));
        assertThat(status()).isEqualTo("ACKNOWLEDGED");
        MimeMessage acknowledged = mailTo(resident, 1).get(0);
        assertThat(acknowledged.getSubject()).isEqualTo("状态变更：青年路 12 号路灯不亮 " + unique);
        assertThat(body(acknowledged)).contains("staff", "已受理", topicUrl.replaceAll("\\?.*", "") + "?id=");

        // Staff answer officially: one submission of the reply under the posts.
        browser.findElement(By.id("quickReplyBody")).sendKeys("您好，维修人员将于明天上午到场更换灯具。");
        browser.findElement(By.id("quickReplyOfficial")).click();
        navigate(By.id("quickReplySubmit"));
        assertThat(browser.getCurrentUrl()).endsWith("#p2");
        assertThat(browser.findElement(By.cssSelector("#p2")).getAttribute("class")).contains("official");
        assertThat(browser.findElement(By.cssSelector("#officialAnswer .post-body")).getText()).contains("明天上午到场更换灯具");

        // Resolving needs a note: refused on the topic page, tied to the note field, which has the focus.
        assertThat(browser.findElements(By.cssSelector("#statusStep button")).stream().map(b -> b.getAttribute("value")).toList())
                .containsExactly("RESOLVED", "OPEN");
        navigate(By.id("stepRESOLVED"));
        WebElement note = browser.findElement(By.id("statusNote"));
        assertThat(browser.findElement(By.id("statusNoteError")).getText()).isNotBlank();
        assertThat(note.getAttribute("aria-invalid")).isEqualTo("true");
        assertThat(note.getAttribute("aria-describedby")).contains("statusNoteError");
        assertThat(browser.switchTo().activeElement()).isEqualTo(note);
        assertThat(status()).isEqualTo("ACKNOWLEDGED");
        note.sendKeys("灯具已更换，恢复照明。");
        navigate(By.id("stepRESOLVED"));
        assertThat(status()).isEqualTo("RESOLVED");
        navigate(By.id("signOut:submit"));
        List<MimeMessage> mails = mailTo(resident, 3);
        assertThat(mails).as("the official answer is one mail, not a reply and then its mark").extracting(MimeMessage::getSubject)
                .containsExactly("状态变更：青年路 12 号路灯不亮 " + unique, "官方答复：青年路 12 号路灯不亮 " + unique,
                        "状态变更：青年路 12 号路灯不亮 " + unique);
        assertThat(body(mails.get(1))).contains("/p?id=", "/unsubscribe?m=");
        assertThat(body(mails.get(2))).contains("已解决");
        assertThat(mails).allSatisfy(m -> assertThat(m.getAllRecipients()).extracting(Object::toString)
                .containsExactly(resident + "@example.org"));
        // Each mail names itself, the same way at every attempt: a mail sent again after a crash is recognisably the same.
        assertThat(mails).extracting(MimeMessage::getMessageID).allMatch(id -> id.matches("<linli-mail-\\d+@[^>]+>"))
                .doesNotHaveDuplicates();

        // The resident was told at every step, and sees it all: the status, the official answer
        // under the report, the events.
        signIn(resident, "password-" + resident);
        assertThat(browser.findElement(By.id("unreadCount")).getText()).isEqualTo("3");
        navigate(By.id("notificationsLink"));
        assertThat(browser.findElements(By.cssSelector("#notifications li.unread")).stream().map(e -> e.getAttribute("data-kind")).toList())
                .containsExactly("STATUS", "OFFICIAL", "STATUS");
        navigate(By.cssSelector("#notifications li[data-kind='OFFICIAL'] a"));
        assertThat(browser.getCurrentUrl()).endsWith("#p2");
        assertThat(browser.findElement(By.id("unreadCount")).getText()).isEqualTo("2");
        browser.get(topicUrl);
        assertThat(status()).isEqualTo("RESOLVED");
        assertThat(browser.findElement(By.cssSelector("#officialAnswer .post-body")).getText()).contains("明天上午到场更换灯具");
        assertThat(browser.findElements(By.cssSelector(".event-line")).stream().map(e -> e.getAttribute("data-status")).toList())
                .containsExactly("ACKNOWLEDGED", "RESOLVED");
        assertThat(browser.findElements(By.cssSelector(".event-line")).get(1).getText()).contains("staff", "灯具已更换");

        // The resident thanks them from the topic page, quoting the answer into the quick reply
        // without leaving the page (the script), and is shown their reply.
        String before = browser.getCurrentUrl();
        browser.findElement(By.cssSelector("#p2 a.quote")).click();
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(d -> !d.findElement(By.id("quickReplyBody")).getAttribute("value").isEmpty());
        assertThat(browser.getCurrentUrl()).isEqualTo(before);
        assertThat(browser.findElement(By.id("quickReplyBody")).getAttribute("value")).startsWith("> [staff #2]");
        browser.findElement(By.id("quickReplyBody")).sendKeys("谢谢，今晚路灯亮了。");
        navigate(By.id("quickReplySubmit"));
        assertThat(browser.getCurrentUrl()).endsWith("#p3");
        assertThat(browser.findElement(By.cssSelector("#p3 .post-body")).getText()).contains("明天上午到场更换灯具", "谢谢，今晚路灯亮了。");

        // Not fixed after all: its author reopens it, from the topic page.
        assertThat(browser.findElements(By.cssSelector("#statusStep button")).stream().map(b -> b.getAttribute("value")).toList())
                .containsExactly("OPEN");
        browser.findElement(By.id("statusNote")).sendKeys("今晚还是不亮。");
        navigate(By.id("stepOPEN"));
        assertThat(status()).isEqualTo("OPEN");
        navigate(By.id("signOut:submit"));
    }

    /**
     * The same steps without JavaScript (HtmlUnit with scripts off): a resident replies under the
     * posts, a refused reply comes back with its text, staff answer officially and resolve, all
     * as plain form submissions from the topic page.
     */
    @Test
    void everyStepWorksWithoutJavaScript() throws Exception {
        Seeder seeder = new Seeder(seederUrl);
        String resident = "nojs" + unique;
        seeder.member(resident, "RESIDENT", null);
        long board = seeder.board("无脚本 " + unique, "PROBLEMS");
        long topic = seeder.topics(board, List.of("楼道灯坏了 " + unique)).get(0).id();
        try (WebClient residentWeb = WebClients.visitor(); WebClient staffWeb = WebClients.visitor()) {
            WebClients.signIn(residentWeb, forum, resident, "password-" + resident);
            HtmlPage page = residentWeb.getPage(url("/topic?id=" + topic));
            HtmlForm reply = (HtmlForm) page.getElementById("quickReplyForm");
            reply.getTextAreaByName("body").setText(" ");
            HtmlPage refused = ((HtmlButton) page.getElementById("quickReplySubmit")).click();
            assertThat(refused.getWebResponse().getStatusCode()).isEqualTo(422);
            assertThat(refused.getElementById("quickReplyError").getTextContent()).isNotBlank();
            assertThat(refused.getElementById("quickReplyBody").getAttribute("aria-invalid")).isEqualTo("true");
            assertThat(refused.getElementById("quickReplyBody").hasAttribute("autofocus")).isTrue();
            ((HtmlTextArea) refused.getElementById("quickReplyBody")).setText("三楼也不亮 " + unique);
            HtmlPage previewed = ((HtmlButton) refused.getElementById("quickReplyPreview")).click();
            assertThat(previewed.querySelector("#preview .post-body").getTextContent()).contains("三楼也不亮");
            assertThat(previewed.getElementById("quickReplyBody").getTextContent()).isEqualTo("三楼也不亮 " + unique);
            HtmlPage replied = ((HtmlButton) previewed.getElementById("quickReplySubmit")).click();
            assertThat(replied.getUrl().toString()).endsWith("#p2");
            assertThat(replied.querySelector("#p2 .post-body").getTextContent()).contains("三楼也不亮 " + unique);

            WebClients.signIn(staffWeb, forum, "staff", "linli-staff");
            HtmlPage staffPage = staffWeb.getPage(url("/topic?id=" + topic));
            ((HtmlTextArea) staffPage.getElementById("quickReplyBody")).setText("已安排电工今天下午维修。");
            ((HtmlCheckBoxInput) staffPage.getElementById("quickReplyOfficial")).setChecked(true);
            HtmlPage answered = ((HtmlButton) staffPage.getElementById("quickReplySubmit")).click();
            assertThat(answered.getUrl().toString()).endsWith("#p3");
            assertThat(answered.querySelector("#officialAnswer .post-body").getTextContent()).contains("已安排电工今天下午维修");
            ((HtmlTextArea) answered.getElementById("statusNote")).setText("灯已修好。");
            HtmlPage resolved = ((HtmlButton) answered.getElementById("stepRESOLVED")).click();
            assertThat(resolved.getElementById("problemStatus").getAttribute("data-status")).isEqualTo("RESOLVED");

            HtmlPage seen = residentWeb.getPage(url("/topic?id=" + topic + "&page=last"));
            assertThat(seen.getElementById("problemStatus").getAttribute("data-status")).isEqualTo("RESOLVED");
            assertThat(seen.querySelectorAll(".event-line")).hasSize(1);
            assertThat(seen.getElementById("quickReplyOfficial")).isNull();

            // A form from another session (its token) is refused, and nothing is posted.
            HtmlForm forged = (HtmlForm) seen.getElementById("quickReplyForm");
            forged.getInputByName("token").setValue(((HtmlInput) resolved.getElementById("quickReplyForm")
                    .querySelector("input[name='token']")).getValue());
            forged.getTextAreaByName("body").setText("伪造 " + unique);
            HtmlPage forgedAnswer = ((HtmlButton) seen.getElementById("quickReplySubmit")).click();
            assertThat(forgedAnswer.getWebResponse().getStatusCode()).isEqualTo(400);
            // A resident who adds the official field by hand is refused by the service, not only by the page.
            WebRequest official = new WebRequest(url("/post/quick-reply"), HttpMethod.POST);
            HtmlPage fresh = residentWeb.getPage(url("/topic?id=" + topic));
            official.setRequestParameters(List.of(new NameValuePair("token", ((HtmlInput) fresh.getElementById("quickReplyForm")
                            .querySelector("input[name='token']")).getValue()), new NameValuePair("topic", Long.toString(topic)),
                    new NameValuePair("body", "冒充官方 " + unique), new NameValuePair("official", "on"), new NameValuePair("send", "")));
            assertThat(residentWeb.loadWebResponse(official).getStatusCode()).isEqualTo(404);
            assertThat(seeder.state("topic", topic)).contains("replies=2");
        }
    }

    @Test
    void theDashboardAndItsCsvShowTheWaitingProblemsOnlyToStaff() throws Exception {
        Seeder seeder = new Seeder(seederUrl);
        long board = seeder.board("看板 " + unique, "PROBLEMS");
        String hostile = "=HYPERLINK(\"http://evil.example\",\"点我\")";
        List<Seeder.Result> seeded = seeder.topics(board, List.of("路灯 " + unique, hostile, "逗号, \"引号\" " + unique));
        String resident = "csv" + unique;
        seeder.member(resident, "RESIDENT", null);

        try (WebClient staff = WebClients.visitor(); WebClient visitor = WebClients.visitor()) {
            WebClients.signIn(staff, forum, "staff", "linli-staff");
            HtmlPage dashboard = staff.getPage(url("/staff/dashboard?board=" + board));
            assertThat(dashboard.getWebResponse().getStatusCode()).isEqualTo(200);
            assertThat(dashboard.querySelector("#counts tr[data-board='" + board + "'] td[data-status='OPEN']").getTextContent())
                    .isEqualTo("3");
            assertThat(dashboard.querySelectorAll("#waiting tr.problem").stream()
                    .map(row -> ((DomElement) row).getAttribute("data-topic")).toList())
                    .containsExactlyElementsOf(seeded.stream().map(r -> Long.toString(r.id())).toList());

            Page csv = staff.getPage(url("/staff/problems.csv?board=" + board));
            WebResponse response = csv.getWebResponse();
            assertThat(response.getContentType()).isEqualTo("text/csv");
            assertThat(response.getContentCharset()).isEqualTo(StandardCharsets.UTF_8);
            assertThat(response.getResponseHeaderValue("Content-Disposition")).matches("attachment; filename=\"linli-problems-\\d{4}-\\d{2}-\\d{2}\\.csv\"");
            byte[] bytes = response.getContentAsStream().readAllBytes();
            assertThat(Arrays.copyOf(bytes, 3)).as("a byte order mark").containsExactly(0xEF, 0xBB, 0xBF);
            String body = new String(bytes, 3, bytes.length - 3, StandardCharsets.UTF_8);
            assertThat(body).startsWith("topic_id,board,title,");
            List<String> lines = body.lines().toList();
            assertThat(lines).hasSize(4);
            assertThat(lines.get(1)).startsWith(seeded.get(0).id() + ",\"看板 " + unique + "\",\"路灯 " + unique + "\",\"staff\",OPEN,");
            assertThat(lines.get(2)).contains(",\"'=HYPERLINK(\"\"http://evil.example\"\",\"\"点我\"\")\",");
            assertThat(lines.get(3)).contains(",\"逗号, \"\"引号\"\" " + unique + "\",");

            WebClients.signIn(visitor, forum, resident, "password-" + resident);
            assertThat(visitor.getPage(url("/staff/dashboard")).getWebResponse().getStatusCode()).isIn(403, 404);
            WebResponse refused = visitor.getPage(url("/staff/problems.csv?board=" + board)).getWebResponse();
            assertThat(refused.getStatusCode()).isIn(403, 404);
            assertThat(refused.getContentType()).isEqualTo("text/html");
        }
    }

    @Test
    void aMailServerThatIsDownLosesNothingAndTheUnsubscribeLinkWorksWithoutSigningIn() throws Exception {
        Seeder seeder = new Seeder(seederUrl);
        String resident = "down" + unique;
        seeder.member(resident, "RESIDENT", null);
        long board = seeder.board("邮件 " + unique, "PROBLEMS");
        long topic;
        try (WebClient web = WebClients.visitor()) {
            WebClients.signIn(web, forum, resident, "password-" + resident);
            HtmlPage form = web.getPage(url("/post/new-topic?board=" + board));
            form.getFormByName("form").getInputByName("form:title").setValue("漏水 " + unique);
            form.getFormByName("form").getTextAreaByName("form:body").setText("楼上漏水");
            HtmlPage posted = form.getFormByName("form").getInputByName("form:submit").click();
            topic = Long.parseLong(posted.getUrl().getQuery().replaceAll("^id=(\\d+).*", "$1"));

            MAIL.stop();
            try {
                seeder.replies(topic, List.of("已通知物业 " + unique));
                assertThat(seeder.state("topic", topic)).as("the reply is stored").contains("replies=1");
                assertThat(((HtmlPage) web.getPage(url("/"))).getElementById("unreadCount").getTextContent())
                        .as("and the notification is in the forum").isEqualTo("1");
                Thread.sleep(6_000);  // at least one failed attempt
            } finally {
                MAIL.start();
            }
            MimeMessage late = mailTo(resident, 1).get(0);
            assertThat(late.getSubject()).isEqualTo("新回复：漏水 " + unique);

            // The unsubscribe link works for anyone holding the mail, signed in or not; opening it changes nothing.
            String link = body(late).lines().filter(line -> line.contains("/unsubscribe?")).findFirst().orElseThrow()
                    .replaceAll("^.*?(http\\S+).*$", "$1");
            try (WebClient anonymous = WebClients.visitor()) {
                HtmlPage page = anonymous.getPage(link);
                assertThat(page.getElementById("form:confirm")).isNotNull();
                HtmlPage forged = anonymous.getPage(link.replaceAll("t=[^&]*", "t=forged"));
                assertThat(forged.getWebResponse().getStatusCode()).isEqualTo(404);
                HtmlPage done = page.getFormByName("form").getInputByName("form:confirm").click();
                assertThat(done.getElementById("unsubscribed")).isNotNull();
            }
            seeder.replies(topic, List.of("物业明天来 " + unique));
            Thread.sleep(7_000);
            assertThat(MAIL.getReceivedMessagesForDomain(resident + "@example.org")).as("no more replies by mail").hasSize(1);
        }
    }

    /** Waits for {@code count} mails to the resident, and returns them in the order they came. */
    private static List<MimeMessage> mailTo(String resident, int count) throws InterruptedException {
        String address = resident + "@example.org";
        for (int i = 0; i < 300 && MAIL.getReceivedMessagesForDomain(address).length < count; i++) {
            Thread.sleep(100);
        }
        return List.of(MAIL.getReceivedMessagesForDomain(address));
    }

    private static String body(MimeMessage message) throws Exception {
        return String.valueOf(message.getContent());
    }

    private String status() {
        return browser.findElement(By.id("problemStatus")).getAttribute("data-status");
    }
}
