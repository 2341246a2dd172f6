package org.linli.forum.e2e;

import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.linli.forum.e2e.seed.SeedServlet;
import org.linli.forum.it.As;

import java.io.IOException;
import java.net.URI;
import java.net.URL;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Client of the test-only {@link SeedServlet}, and the web archive that carries it. */
final class Seeder {

    /** What the real service said to one line: its id and post number, or the refusal's message key. */
    record Result(String input, boolean stored, long id, int number, String messageKey) {
    }

    private static final int CHUNK = 400;

    private final HttpClient http = HttpClient.newHttpClient();
    private final String base;

    Seeder(URL base) {
        this.base = base.toString().replaceAll("/$", "");
    }

    static WebArchive archive() {
        return ShrinkWrap.create(WebArchive.class, "seeder.war")
                .addClasses(SeedServlet.class, As.class, As.ThrowingRunnable.class)
                .addAsWebInfResource(new StringAsset("<jboss-web><security-domain>other</security-domain></jboss-web>"), "jboss-web.xml")
                .addAsManifestResource(new StringAsset(
                        "Dependencies: deployment.linli-forum.ear.forum-ejb.jar, org.wildfly.security.elytron\n"), "MANIFEST.MF");
    }

    long board(String name) throws IOException, InterruptedException {
        return board(name, "DISCUSSION");
    }

    /** A board of a kind: DISCUSSION, PROBLEMS or ANNOUNCEMENTS. */
    long board(String name, String kind) throws IOException, InterruptedException {
        String answer = post("/seed/board?name=" + URLEncoder.encode(name, StandardCharsets.UTF_8) + "&kind=" + kind, "").get(0);
        return Long.parseLong(answer.split(" ")[1]);
    }

    List<Result> topics(long board, List<String> titles) throws IOException, InterruptedException {
        return seed("/seed/topics?board=" + board, titles);
    }

    List<Result> replies(long topic, List<String> bodies) throws IOException, InterruptedException {
        return seed("/seed/replies?topic=" + topic, bodies);
    }

    /** Registers a member (password "password-" + name) with a role, for moderators the one board they moderate. */
    long member(String name, String role, Long board) throws IOException, InterruptedException {
        return Long.parseLong(post("/seed/member?name=" + encode(name) + "&role=" + role + "&board=" + (board == null ? "" : board), "")
                .get(0).split(" ")[1]);
    }

    void suspend(String name) throws IOException, InterruptedException {
        post("/seed/suspend?name=" + encode(name), "");
    }

    void lock(long topic) throws IOException, InterruptedException {
        post("/seed/lock?topic=" + topic, "");
    }

    /** How many stored rows (members, mail outbox) hold the email address {@code address}. */
    long rowsWithAddress(String address) throws IOException, InterruptedException {
        return Long.parseLong(post("/seed/address?value=" + encode(address), "").get(0).replaceAll("^ok ", ""));
    }

    /** Lets visitors without an account reply on the board (held for approval). */
    void guests(long board) throws IOException, InterruptedException {
        post("/seed/guests?board=" + board, "");
    }

    void hide(long post) throws IOException, InterruptedException {
        post("/seed/hide?post=" + post, "");
    }

    /** "topic", "post" or "member", and its id or name: a line such as "locked=false pinned=true …". */
    String state(String kind, Object key) throws IOException, InterruptedException {
        return post("/seed/state?" + kind + "=" + encode(String.valueOf(key)), "").get(0);
    }

    /** SQL statements run by the request that carried {@code X-Linli-Probe: probe}. */
    int statements(String probe) throws IOException, InterruptedException {
        return Integer.parseInt(post("/seed/statements?probe=" + encode(probe), "").get(0));
    }

    void floodInterval(int seconds) throws IOException, InterruptedException {
        post("/seed/setting?name=linli.flood.interval&value=" + seconds, "");
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private List<Result> seed(String path, List<String> inputs) throws IOException, InterruptedException {
        List<Result> results = new ArrayList<>();
        for (int from = 0; from < inputs.size(); from += CHUNK) {
            List<String> chunk = inputs.subList(from, Math.min(inputs.size(), from + CHUNK));
            List<String> answers = post(path, String.join("\n", chunk));
            for (int i = 0; i < chunk.size(); i++) {
                String[] answer = answers.get(i).split(" ");
                results.add(answer[0].equals("ok")
                        ? new Result(chunk.get(i), true, Long.parseLong(answer[1]), Integer.parseInt(answer[2]), null)
                        : new Result(chunk.get(i), false, 0, 0, answer[1]));
            }
        }
        return results;
    }

    private List<String> post(String path, String body) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(base + path))
                        .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
                        .header("Content-Type", "text/plain;charset=UTF-8").build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        if (response.statusCode() != 200) {
            throw new IOException("Seeding " + path + " failed: " + response.body());
        }
        return response.body().lines().toList();
    }
}
