package org.linli.forum.e2e;

import org.htmlunit.Page;
import org.htmlunit.WebClient;
import org.htmlunit.html.HtmlForm;
import org.htmlunit.html.HtmlPage;

import java.io.IOException;
import java.net.URL;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A member replying to one topic as fast as the forum lets them, through the reply page as a
 * browser does. A reply counts as acknowledged once the forum answered it with the redirect to
 * the new post; one that the server died under, or that was answered otherwise, is not. The
 * writer keeps trying (a short pause after a failure) until told to stop, and counts the status
 * of every answer it got.
 */
final class ReplyWriter implements Runnable {

    private final ForumProcess forum;
    private final long topic;
    private final String prefix;
    private final String[] account;
    private final AtomicBoolean writing;
    private final Set<String> acknowledged;
    private final Map<Integer, Integer> answers = new ConcurrentHashMap<>();

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
                    Page replyPage = web.getPage(forum.url("/post/reply?topic=" + topic));
                    answers.merge(replyPage.getWebResponse().getStatusCode(), 1, Integer::sum);
                    if (!(replyPage instanceof HtmlPage html) || html.getElementsByName("form").isEmpty()) {
                        pause();
                        continue;
                    }
                    HtmlForm form = html.getFormByName("form");
                    form.getTextAreaByName("form:body").setText("回复 " + token + " 收到");
                    web.getOptions().setRedirectEnabled(false);
                    Page sent = form.getInputByName("form:submit").click();
                    int status = sent.getWebResponse().getStatusCode();
                    answers.merge(status, 1, Integer::sum);
                    String location = sent.getWebResponse().getResponseHeaderValue("Location");
                    if (status / 100 == 3 && location != null && location.contains("/topic?id=" + topic)) {
                        acknowledged.add(token);
                    }
                } catch (IOException | RuntimeException failed) {
                    // The server died under the request, or is not there: not acknowledged.
                    answers.merge(-1, 1, Integer::sum);
                    pause();
                } finally {
                    web.getOptions().setRedirectEnabled(true);
                }
            }
        } catch (IOException | RuntimeException e) {
            // Could not even sign in before the server died: this writer acknowledged nothing.
        }
    }

    /** How often each HTTP status answered this writer (-1: no answer at all). */
    Map<Integer, Integer> answers() {
        return answers;
    }

    private void pause() {
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            writing.set(false);
        }
    }
}
