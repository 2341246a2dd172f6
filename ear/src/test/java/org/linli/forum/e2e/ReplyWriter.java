package org.linli.forum.e2e;

import org.htmlunit.Page;
import org.htmlunit.WebClient;
import org.htmlunit.html.HtmlForm;
import org.htmlunit.html.HtmlPage;

import java.io.IOException;
import java.net.URL;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A member replying to one topic as fast as the forum lets them, through the reply page as a
 * browser does. A reply counts as acknowledged once the forum answered it with the redirect to
 * the new post; one that the server died under is not.
 */
final class ReplyWriter implements Runnable {

    private final ForumProcess forum;
    private final long topic;
    private final String prefix;
    private final String[] account;
    private final AtomicBoolean writing;
    private final Set<String> acknowledged;

    /** Each reply carries a token {@code <prefix>-w<n>-n<seq>} that no other reply contains. */
    ReplyWriter(ForumProcess forum, long topic, String prefix, String[] account, AtomicBoolean writing, Set<String> acknowledged) {
        this.forum = forum;
        this.topic = topic;
        this.prefix = prefix;
        this.account = account;
        this.writing = writing;
        this.acknowledged = acknowledged;
    }

    @Override
    public void run() {
        try (WebClient web = WebClients.visitor()) {
            web.getOptions().setTimeout(30_000);
            WebClients.signIn(web, new URL(forum.url("/")), account[0], account[1]);
            for (int n = 1; writing.get(); n++) {
                // Of one width, so that no token is a part of another (search matches parts of words).
                String token = String.format("%s-%s-n%05d", prefix, account[0], n);
                try {
                    HtmlForm form = ((HtmlPage) web.getPage(forum.url("/post/reply?topic=" + topic))).getFormByName("form");
                    form.getTextAreaByName("form:body").setText("回复 " + token + " 收到");
                    web.getOptions().setRedirectEnabled(false);
                    Page sent = form.getInputByName("form:submit").click();
                    int status = sent.getWebResponse().getStatusCode();
                    String location = sent.getWebResponse().getResponseHeaderValue("Location");
                    if (status / 100 == 3 && location != null && location.contains("/topic?id=" + topic)) {
                        acknowledged.add(token);
                    }
                } catch (IOException | RuntimeException died) {
                    // The server died under the request: not acknowledged, and this writer is done.
                    return;
                } finally {
                    web.getOptions().setRedirectEnabled(true);
                }
            }
        } catch (IOException | RuntimeException e) {
            // Could not even sign in before the server died: this writer acknowledged nothing.
        }
    }
}
