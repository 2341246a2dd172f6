package org.linli.forum.e2e;

import org.htmlunit.BrowserVersion;
import org.htmlunit.WebClient;
import org.htmlunit.html.HtmlForm;
import org.htmlunit.html.HtmlPage;

import java.io.IOException;
import java.net.URL;

/** HtmlUnit visitors for the form round trips: no JavaScript (the forum needs none), Chinese first. */
final class WebClients {

    private WebClients() {
    }

    static WebClient visitor() {
        WebClient web = new WebClient(BrowserVersion.CHROME);
        web.getOptions().setJavaScriptEnabled(false);
        web.getOptions().setCssEnabled(false);
        web.getOptions().setThrowExceptionOnFailingStatusCode(false);
        web.addRequestHeader("Accept-Language", "zh-CN,zh;q=0.9");
        return web;
    }

    /** The sign-in page. */
    static HtmlPage signInPage(WebClient web, URL base) throws IOException {
        return web.getPage(new URL(base.toString().replaceAll("/$", "") + "/member/sign-in"));
    }

    /** Signs {@code web} in through the sign-in form. */
    static HtmlPage signIn(WebClient web, URL base, String username, String password) throws IOException {
        HtmlPage page = web.getPage(new URL(base.toString().replaceAll("/$", "") + "/member/sign-in"));
        HtmlForm form = page.getFormByName("form");
        form.getInputByName("form:username").setValue(username);
        form.getInputByName("form:password").setValue(password);
        return form.getInputByName("form:submit").click();
    }
}
