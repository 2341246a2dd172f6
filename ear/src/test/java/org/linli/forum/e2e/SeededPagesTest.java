package org.linli.forum.e2e;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.OperateOnDeployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;

import java.net.URL;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the seeded browser tests share: the forum's EAR with the test-only {@link Seeder} beside it, and
 * one Chromium whose script hooks are installed before any page loads.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
abstract class SeededPagesTest {

    protected static ChromeDriver browser;

    @ArquillianResource
    @OperateOnDeployment("forum")
    protected URL forum;

    @ArquillianResource
    @OperateOnDeployment("seeder")
    protected URL seederUrl;

    @Deployment(name = "forum", order = 1, testable = false)
    static EnterpriseArchive forumDeployment() {
        return ForumDeployment.ear();
    }

    @Deployment(name = "seeder", order = 2, testable = false)
    static WebArchive seederDeployment() {
        return Seeder.archive();
    }

    @BeforeAll
    static void startBrowser() {
        browser = Chromium.start();
        ScriptWatch.install(browser);
    }

    @AfterAll
    static void stopBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    protected URL url(String path) throws Exception {
        return new URL(forum.toString().replaceAll("/$", "") + path);
    }

    /** Signs in through the sign-in form in the browser. */
    protected void signIn(String name, String password) throws Exception {
        browser.get(url("/member/sign-in").toString());
        browser.findElement(By.id("form:username")).sendKeys(name);
        browser.findElement(By.id("form:password")).sendKeys(password);
        navigate(By.id("form:submit"));
        assertThat(browser.findElement(By.cssSelector(".who")).getText()).isEqualTo(name);
    }

    /** Clicks what leads to another page, and waits until the old one is gone. */
    protected void navigate(By target) {
        Chromium.navigate(browser, target);
    }
}
