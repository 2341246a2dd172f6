package org.linli.forum.e2e;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;
import org.htmlunit.WebClient;
import org.htmlunit.html.DomNode;
import org.htmlunit.html.HtmlForm;
import org.htmlunit.html.HtmlPage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * "Forgot password" as a member meets it, without JavaScript: the link comes by mail (GreenMail
 * stands in for the SMTP server), works once, and the new password signs in. Asking reveals
 * nothing about whether an account exists, and asking twice sends one mail.
 */
class PasswordResetIT extends SeededPagesTest {

    @RegisterExtension
    static final GreenMailExtension MAIL = new GreenMailExtension(new ServerSetup(3025, "127.0.0.1", ServerSetup.PROTOCOL_SMTP))
            .withPerMethodLifecycle(false);

    private final String unique = UUID.randomUUID().toString().substring(0, 6);

    @Test
    void aMemberWhoForgotTheirPasswordChoosesANewOneWithTheLinkInTheMail() throws Exception {
        String name = "forgot" + unique;
        new Seeder(seederUrl).member(name, "RESIDENT", null);
        String address = name + "@example.org";

        try (WebClient web = WebClients.visitor()) {
            String known = ask(web, address);
            String unknown = ask(web, "nobody-" + unique + "@example.org");
            assertThat(unknown).as("the same answer whether or not an account has the address").isEqualTo(known);
            ask(web, address);

            MimeMessage mail = mailTo(address);
            assertThat(mail.getSubject()).isEqualTo("设置新密码");
            String link = String.valueOf(mail.getContent()).lines().filter(line -> line.contains("/member/reset?"))
                    .findFirst().orElseThrow().strip();
            Thread.sleep(2_000);
            assertThat(MAIL.getReceivedMessagesForDomain(address)).as("asked twice: one mail").hasSize(1);
            assertThat(MAIL.getReceivedMessagesForDomain("nobody-" + unique + "@example.org")).isEmpty();

            HtmlPage tampered = web.getPage(link.replaceAll("t=[^&]*", "t=forged"));
            assertThat(tampered.getElementById("linkInvalid")).isNotNull();
            assertThat(tampered.getElementById("form")).isNull();

            HtmlPage form = web.getPage(link);
            HtmlForm reset = form.getFormByName("form");
            reset.getInputByName("form:password").setValue("short");
            reset.getInputByName("form:confirmation").setValue("different");
            HtmlPage refused = reset.getInputByName("form:submit").click();
            assertThat(refused.getWebResponse().getStatusCode()).isEqualTo(422);
            assertThat(refused.getElementById("form:passwordError").getTextContent()).isNotBlank();
            assertThat(refused.getElementById("form:confirmationError").getTextContent()).as("both problems at once").isNotBlank();

            reset = refused.getFormByName("form");
            reset.getInputByName("form:password").setValue("new-password-" + unique);
            reset.getInputByName("form:confirmation").setValue("new-password-" + unique);
            HtmlPage done = reset.getInputByName("form:submit").click();
            assertThat(done.getUrl().toString()).contains("/member/sign-in?reset=1");
            assertThat(done.getElementById("passwordChanged")).isNotNull();

            HtmlPage again = web.getPage(link);
            assertThat(again.getElementById("linkInvalid")).as("a link works once").isNotNull();
        }
        try (WebClient web = WebClients.visitor()) {
            HtmlPage old = WebClients.signIn(web, forum, name, "password-" + name);
            assertThat(old.<DomNode>querySelector(".who")).as("the old password no longer signs in").isNull();
            HtmlPage signedIn = WebClients.signIn(web, forum, name, "new-password-" + unique);
            assertThat(signedIn.querySelector(".who").getTextContent()).isEqualTo(name);
        }
    }

    /** Asks for a link for the address; returns what the page says. */
    private String ask(WebClient web, String address) throws Exception {
        HtmlPage page = WebClients.signInPage(web, forum).getAnchorByHref("/member/forgot").click();
        HtmlForm form = page.getFormByName("form");
        form.getInputByName("form:email").setValue(address);
        HtmlPage answer = form.getInputByName("form:submit").click();
        assertThat(answer.getWebResponse().getStatusCode()).isEqualTo(200);
        return answer.getElementById("linkSent").getTextContent();
    }

    private static MimeMessage mailTo(String address) throws InterruptedException {
        for (int i = 0; i < 300 && MAIL.getReceivedMessagesForDomain(address).length == 0; i++) {
            Thread.sleep(100);
        }
        MimeMessage[] received = MAIL.getReceivedMessagesForDomain(address);
        assertThat(received).as("a mail to " + address).isNotEmpty();
        return received[0];
    }
}
