package org.linli.forum.e2e;

import org.htmlunit.Page;
import org.htmlunit.WebClient;
import org.htmlunit.WebResponse;
import org.htmlunit.html.DomElement;
import org.htmlunit.html.HtmlPage;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;

import java.nio.charset.StandardCharsets;
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

    @Test
    void aResidentsReportIsAcknowledgedAnsweredAndResolved() throws Exception {
        String resident = "lamp" + unique;
        new Seeder(seederUrl).member(resident, "RESIDENT", null);

        // The resident reports the lamp.
        signIn(resident, "password-" + resident);
        browser.get(url("/").toString());
        navigate(By.linkText("城市建设"));
        navigate(By.id("newTopic"));
        browser.findElement(By.id("form:title")).sendKeys("青年路 12 号路灯不亮 " + unique);
        browser.findElement(By.id("form:body")).sendKeys("晚上十点以后整条路都是黑的。");
        navigate(By.id("form:submit"));
        String topicUrl = browser.getCurrentUrl().replaceAll("#.*", "");
        assertThat(status()).isEqualTo("OPEN");
        assertThat(browser.findElements(By.id("changeStatus"))).as("its author cannot acknowledge it").isEmpty();
        navigate(By.id("signOut:submit"));

        // Staff acknowledge it, answer, mark the answer official and resolve it.
        signIn("staff", "linli-staff");
        browser.get(topicUrl);
        navigate(By.id("changeStatus"));
        new Select(browser.findElement(By.id("form:status"))).selectByValue("ACKNOWLEDGED");
        browser.findElement(By.id("form:reason")).sendKeys("已转交区路灯管理所");
        navigate(By.id("form:submit"));
        assertThat(status()).isEqualTo("ACKNOWLEDGED");
        MimeMessage acknowledged = mailTo(resident, 1).get(0);
        assertThat(acknowledged.getSubject()).isEqualTo("状态变更：青年路 12 号路灯不亮 " + unique);
        assertThat(body(acknowledged)).contains("staff", "已受理", topicUrl.replaceAll("\\?.*", "") + "?id=");
        navigate(By.id("reply"));
        browser.findElement(By.id("form:body")).sendKeys("您好，维修人员将于明天上午到场更换灯具。");
        navigate(By.id("form:submit"));
        navigate(By.cssSelector("#p2 a.mark-official"));
        navigate(By.id("form:mark"));
        navigate(By.id("changeStatus"));
        new Select(browser.findElement(By.id("form:status"))).selectByValue("RESOLVED");
        navigate(By.id("form:submit"));
        assertThat(browser.findElement(By.id("form:reasonError")).getText()).as("a resolution needs a note").isNotBlank();
        browser.findElement(By.id("form:reason")).sendKeys("灯具已更换，恢复照明。");
        navigate(By.id("form:submit"));
        assertThat(status()).isEqualTo("RESOLVED");
        navigate(By.id("signOut:submit"));
        List<MimeMessage> mails = mailTo(resident, 4);
        assertThat(mails).extracting(MimeMessage::getSubject).containsExactly(
                "状态变更：青年路 12 号路灯不亮 " + unique, "新回复：青年路 12 号路灯不亮 " + unique,
                "官方答复：青年路 12 号路灯不亮 " + unique, "状态变更：青年路 12 号路灯不亮 " + unique);
        assertThat(body(mails.get(2))).contains("/p?id=", "/unsubscribe?m=");
        assertThat(body(mails.get(3))).contains("已解决");
        assertThat(mails).allSatisfy(m -> assertThat(m.getAllRecipients()).extracting(Object::toString)
                .containsExactly(resident + "@example.org"));
        // Each mail names itself, the same way at every attempt: a mail sent again after a crash is recognisably the same.
        assertThat(mails).extracting(MimeMessage::getMessageID).allMatch(id -> id.matches("<linli-mail-\\d+@[^>]+>"))
                .doesNotHaveDuplicates();

        // The resident was told at every step, and sees it all: the status, the official answer
        // under the report, the events.
        signIn(resident, "password-" + resident);
        assertThat(browser.findElement(By.id("unreadCount")).getText()).isEqualTo("4");
        navigate(By.id("notificationsLink"));
        assertThat(browser.findElements(By.cssSelector("#notifications li.unread")).stream().map(e -> e.getAttribute("data-kind")).toList())
                .containsExactly("STATUS", "OFFICIAL", "REPLY", "STATUS");
        navigate(By.cssSelector("#notifications li[data-kind='OFFICIAL'] a"));
        assertThat(browser.getCurrentUrl()).endsWith("#p2");
        assertThat(browser.findElement(By.id("unreadCount")).getText()).isEqualTo("3");
        browser.get(topicUrl);
        assertThat(status()).isEqualTo("RESOLVED");
        assertThat(browser.findElement(By.cssSelector("#officialAnswer .post-body")).getText()).contains("明天上午到场更换灯具");
        assertThat(browser.findElement(By.cssSelector("#p2")).getAttribute("class")).contains("official");
        assertThat(browser.findElements(By.cssSelector(".event-line")).stream().map(e -> e.getAttribute("data-status")).toList())
                .containsExactly("ACKNOWLEDGED", "RESOLVED");
        assertThat(browser.findElements(By.cssSelector(".event-line")).get(1).getText()).contains("staff", "灯具已更换");

        // Not fixed after all: its author reopens it.
        navigate(By.id("changeStatus"));
        browser.findElement(By.id("form:reason")).sendKeys("今晚还是不亮。");
        navigate(By.id("form:submit"));
        assertThat(status()).isEqualTo("OPEN");
        navigate(By.id("signOut:submit"));
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
