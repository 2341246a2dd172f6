package org.linli.forum.e2e;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The forum's reason to exist, in Chromium: a resident reports a broken street lamp on 城市建设;
 * staff acknowledge it, answer officially and resolve it; at every step the resident sees where
 * the problem stands. (Notifications by mail are not built yet.)
 */
class ProblemJourneyIT extends SeededPagesTest {

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

        // The resident sees it all: the status, the official answer under the report, the events.
        signIn(resident, "password-" + resident);
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

    private String status() {
        return browser.findElement(By.id("problemStatus")).getAttribute("data-status");
    }
}
