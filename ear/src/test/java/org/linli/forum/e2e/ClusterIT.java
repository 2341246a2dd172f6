package org.linli.forum.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URL;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.zip.GZIPInputStream;
import org.htmlunit.Page;
import org.htmlunit.WebClient;
import org.htmlunit.html.HtmlButton;
import org.htmlunit.html.HtmlForm;
import org.htmlunit.html.HtmlPage;
import org.htmlunit.util.Cookie;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.linli.forum.persistence.PostgresServer;

/**
 * The forum on several servers as an operator runs it: PostgreSQL, two WildFly HA nodes
 * (standalone-ha.xml, JGroups over TCP on loopback) with their own data directories, and WildFly's
 * load balancer (mod_cluster) in front, each on a port offset of its own; later a third node joins.
 * Through the balancer and each node directly it checks what members would notice if the servers
 * were not one forum: a reply seen on the next request whichever node serves it (cached pages,
 * a member's page, the board's unread mark, search), sign-in throttling that counts the attempts
 * made on every node, each notification mailed once, one import when two nodes are asked at
 * once, a signed-in member and their half-typed reply surviving {@code kill -9} of their node
 * (while the nodes are sending a burst of mail), and a node that joins late with no index
 * becoming ready only once its search has caught up.
 */
class ClusterIT {

    private static final int BALANCER = 400;
    private static final int[] NODES = {500, 600, 700};
    private static final String MEMBERS = "127.0.0.1[8100],127.0.0.1[8200],127.0.0.1[8300]";
    private static final Duration PATIENCE = Duration.ofMinutes(5);

    @RegisterExtension
    static final GreenMailExtension MAIL = new GreenMailExtension(new ServerSetup(3026, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));

    private final Path wildfly = Path.of(System.getProperty("jboss.home"));
    private final Path ear = Path.of("target/linli-forum.ear");

    @Test
    void severalServersAreOneForum() throws Exception {
        try (PostgresServer postgres = PostgresServer.start();
             ForumProcess balancer = process("cluster-balancer", BALANCER);
             ForumProcess node1 = process("cluster-node1", NODES[0]);
             ForumProcess node2 = process("cluster-node2", NODES[1]);
             ForumProcess node3 = process("cluster-node3", NODES[2]);
             Connection db = postgres.dataSource().getConnection()) {
            balancer.startWithoutForum(PATIENCE, "-c", "standalone-load-balancer.xml");
            startTogether(List.of(() -> start(node1, "node1", postgres), () -> start(node2, "node2", postgres)));
            Map<String, ForumProcess> nodes = Map.of("node1", node1, "node2", node2);
            awaitBalancerServes(balancer);

            // A topic with three watchers (its author, staff and the moderator reply once).
            long topic;
            try (WebClient resident = WebClients.visitor(); WebClient staff = WebClients.visitor();
                 WebClient moderator = WebClients.visitor()) {
                WebClients.signIn(resident, new URL(balancer.url("/")), "resident", "linli-resident");
                String home = route(resident);
                ForumProcess residentsNode = nodes.get(home);
                ForumProcess other = residentsNode == node1 ? node2 : node1;
                System.out.println("[cluster] the resident's session is on " + home);
                topic = CrashIT.startTopic(resident, balancer, "集群测试：三号楼路灯不亮 cluster test", "三号楼门前的路灯一周没亮了，晚上很黑。");
                long board = boardOf(other, topic);
                // Staff and the moderator read and write on the other node, signed in there directly.
                WebClients.signIn(staff, new URL(other.url("/")), "staff", "linli-staff");
                WebClients.signIn(moderator, new URL(other.url("/")), "moderator", "linli-moderator");
                assertThat(quickReply(staff, other, topic, "工作人员已记录。")).isEqualTo(303);
                assertThat(quickReply(moderator, other, topic, "版主关注中。")).isEqualTo(303);
                awaitAllMailsSent(db, Duration.ofSeconds(60));

                readYourWritesAcrossNodes(resident, staff, balancer, other, topic, board);
                eachMailOnce(db, "after replies on both nodes");
                mailedLinksWorkOnEveryNode(node1, node2);
                throttleCountsOnEveryNode(node1, node2);
                oneImportWhenBothNodesAreAsked(db, node1, node2);
                sessionAndHalfTypedReplySurviveKill(resident, moderator, balancer, residentsNode, other, topic, db);
            }
            lateNodeCatchesUp(node3, postgres, topic);
        }
    }

    /** Read-your-writes: a reply through the balancer is on the other node's pages at the next request. */
    private void readYourWritesAcrossNodes(WebClient resident, WebClient staff, ForumProcess balancer, ForumProcess other,
                                           long topic, long board) throws Exception {
        String token = "lanternquartz" + System.nanoTime() % 100_000;
        String topicPage = "/topic?id=" + topic;
        String searchPage = "/search?q=" + token;
        // The other node has cached the anonymous topic page and search, and staff's own view.
        other.get(topicPage);
        other.get(topicPage);
        assertThat(other.get(searchPage)).doesNotContain(token + "</");
        assertThat(page(staff, other.url(topicPage))).doesNotContain(token);
        page(staff, other.url("/board?id=" + board));  // read up to now

        assertThat(quickReply(resident, balancer, topic, "路灯又坏了 " + token + " 请尽快修理")).isEqualTo(303);
        Instant replied = Instant.now();
        assertThat(other.get(topicPage)).as("the cached anonymous topic page on the other node").contains(token);
        assertThat(rowClass(page(staff, other.url("/board?id=" + board)), topic))
                .as("the board's unread mark for staff on the other node").contains("has-unread");
        assertThat(page(staff, other.url(topicPage))).as("staff's topic page on the other node").contains(token);
        Duration searchable = null;
        while (Duration.between(replied, Instant.now()).compareTo(Duration.ofSeconds(10)) < 0) {
            if (other.get(searchPage).contains(token)) {
                searchable = Duration.between(replied, Instant.now());
                break;
            }
            Thread.sleep(50);
        }
        System.out.println("[cluster] the reply was found by search on the other node after " + searchable);
        assertThat(searchable).as("search on the other node finds the reply").isNotNull();
        assertThat(searchable).isLessThan(Duration.ofSeconds(2));
    }

    /** A link one node mailed (signed with the forum's key) works on every node; a forged one on none. */
    private void mailedLinksWorkOnEveryNode(ForumProcess node1, ForumProcess node2) throws Exception {
        MimeMessage mail = MAIL.getReceivedMessages()[0];
        java.util.regex.Matcher link = java.util.regex.Pattern.compile("/unsubscribe\\?m=\\d+&k=\\w+&t=[A-Za-z0-9_-]+")
                .matcher(String.valueOf(mail.getContent()));
        assertThat(link.find()).as("the mail's unsubscribe link").isTrue();
        String path = link.group();
        assertThat(node1.status(path)).as("node1 opens " + path).isEqualTo(200);
        assertThat(node2.status(path)).as("node2 opens " + path).isEqualTo(200);
        String forged = path.substring(0, path.length() - 2) + (path.endsWith("AA") ? "BB" : "AA");
        assertThat(node1.status(forged)).isEqualTo(404);
        assertThat(node2.status(forged)).isEqualTo(404);
    }

    /** Sign-in failures on one node count on the other: the fourth attempt waits, wherever it is made. */
    private void throttleCountsOnEveryNode(ForumProcess node1, ForumProcess node2) throws Exception {
        try (WebClient guesser = WebClients.visitor()) {
            for (int attempt = 0; attempt < SIGN_IN_FREE; attempt++) {
                HtmlPage refused = WebClients.signIn(guesser, new URL(node1.url("/")), "admin", "wrong-password-" + attempt);
                assertThat(refused.getWebResponse().getStatusCode()).isIn(200, 422);
            }
            HtmlPage blocked = WebClients.signIn(guesser, new URL(node2.url("/")), "admin", "linli-admin");
            System.out.println("[cluster] sign-in on node2 after " + SIGN_IN_FREE + " failures on node1: "
                    + blocked.getWebResponse().getStatusCode() + ", Retry-After " + blocked.getWebResponse().getResponseHeaderValue("Retry-After"));
            assertThat(blocked.getWebResponse().getStatusCode()).as("node2 knows node1's failures").isEqualTo(429);
            assertThat(blocked.getWebResponse().getResponseHeaderValue("Retry-After")).isNotBlank();
        }
    }

    private static final int SIGN_IN_FREE = 3;

    /** The same import started on both nodes at once runs once. */
    private void oneImportWhenBothNodesAreAsked(Connection db, ForumProcess node1, ForumProcess node2) throws Exception {
        Path file = Files.createTempFile("cluster-import-", ".jsonl");
        List<String> lines = new ArrayList<>();
        try (BufferedReader in = new BufferedReader(new InputStreamReader(new GZIPInputStream(
                Files.newInputStream(Corpora.root().resolve("zh/gov-message-board.train.jsonl.gz"))), StandardCharsets.UTF_8))) {
            for (String line = in.readLine(); line != null && lines.size() < 1500; line = in.readLine()) {
                lines.add(line);
            }
        }
        Files.write(file, lines, StandardCharsets.UTF_8);
        String command = "/deployment=linli-forum.ear/subdeployment=forum-ejb.jar/subsystem=batch-jberet:start-job("
                + "job-xml-name=linli-import, properties={file=\"" + file + "\", format=message-board, board=\"集群导入\"})";
        startTogether(List.of(() -> node1.cli(command), () -> node2.cli(command)));
        Instant deadline = Instant.now().plus(Duration.ofMinutes(4));
        List<String[]> runs;
        do {
            Thread.sleep(500);
            runs = rows(db, "select status, imported_count, skipped_count, coalesce(error, '') from import_run where file_name = '"
                    + file.getFileName() + "' order by id");
        } while ((runs.size() < 2 || runs.stream().anyMatch(r -> r[0].equals("RUNNING"))) && Instant.now().isBefore(deadline));
        runs.forEach(r -> System.out.println("[cluster] import run: " + String.join(" | ", r)));
        assertThat(runs).hasSize(2);
        assertThat(runs).filteredOn(r -> r[0].equals("FINISHED")).hasSize(1);
        assertThat(runs).filteredOn(r -> r[0].equals("FAILED") && r[3].contains("another import is running")).hasSize(1);
        String[] finished = runs.stream().filter(r -> r[0].equals("FINISHED")).findFirst().orElseThrow();
        assertThat(Integer.parseInt(finished[1])).isGreaterThan(1400);
        assertThat(rows(db, "select count(*) from import_record").get(0)[0]).isEqualTo(finished[1]);
        Files.delete(file);
    }

    /**
     * The resident's node is killed while the nodes send a burst of notification mails and the
     * resident has a reply half typed: the reply is taken by the other node, the resident is still
     * signed in, and every mail goes out, at most the one in the dead node's hands twice.
     */
    private void sessionAndHalfTypedReplySurviveKill(WebClient resident, WebClient moderator, ForumProcess balancer,
                                                     ForumProcess residentsNode, ForumProcess other, long topic,
                                                     Connection db) throws Exception {
        HtmlPage replyPage = resident.getPage(balancer.url("/post/reply?topic=" + topic));
        HtmlForm form = replyPage.getFormByName("form");
        form.getTextAreaByName("form:body").setText("写到一半服务器重启了，这条回复还在。 halftyped" + topic);

        for (int n = 0; n < 12; n++) {
            assertThat(quickReply(moderator, other, topic, "版主第 " + n + " 次更新：维修队已出发。")).isEqualTo(303);
        }
        // Both nodes send the outbox every five seconds; the resident's node is killed the moment
        // it holds a claim on a mail it has not recorded as sent (it is sending that mail).
        String dead = route(resident);
        String claimedByDead = "select count(*) from mail_outbox where sent_at is null and claimed_by like '" + dead
                + "/%' and next_attempt_at > now()";
        Instant waitFrom = Instant.now();
        while (rows(db, claimedByDead).get(0)[0].equals("0") && Duration.between(waitFrom, Instant.now()).getSeconds() < 30) {
            Thread.sleep(2);
        }
        residentsNode.kill();
        String held = rows(db, claimedByDead).get(0)[0];
        System.out.println("[cluster] killed " + dead + " while mails were going out; mails it held a claim on: " + held);

        resident.getOptions().setRedirectEnabled(false);
        Page sent = form.getInputByName("form:submit").click();
        resident.getOptions().setRedirectEnabled(true);
        assertThat(sent.getWebResponse().getStatusCode()).as("the half-typed reply, sent after its node died").isIn(302, 303);
        assertThat(sent.getWebResponse().getResponseHeaderValue("Location")).contains("/topic?id=" + topic);
        assertThat(route(resident)).as("the session moved to the other node").isNotEqualTo(dead);
        String after = page(resident, balancer.url("/topic?id=" + topic + "&page=last"));
        assertThat(after).contains("halftyped" + topic);
        assertThat(after).as("still signed in").contains("/member/sign-out");

        awaitAllMailsSent(db, Duration.ofSeconds(90));
        Map<String, Integer> received = messageIds();
        int total = received.values().stream().mapToInt(Integer::intValue).sum();
        System.out.println("[cluster] mails in the outbox " + outboxSize(db) + ", distinct received " + received.size()
                + ", received in all " + total);
        assertThat(received.keySet()).containsExactlyInAnyOrderElementsOf(outboxIds(db));
        assertThat(total).as("at most the mail in the killed node's hands goes twice").isLessThanOrEqualTo(received.size() + 1);
    }

    /**
     * A node that joins late, with no index, is not ready while it builds its index in the
     * background; once ready, its search finds what was posted before it existed.
     */
    private void lateNodeCatchesUp(ForumProcess node3, PostgresServer postgres, long topic) throws Exception {
        node3.prepare(ear);
        Instant started = Instant.now();
        Thread starter = new Thread(() -> {
            try {
                start(node3, "node3", postgres);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        starter.start();
        boolean sawNotReady = false;
        boolean sawForumCatchingUp = false;
        HttpResponse<String> ready;
        while (true) {
            Optional<HttpResponse<String>> readiness = node3.readiness();
            if (readiness.isPresent() && readiness.get().statusCode() == 200) {
                ready = readiness.get();
                break;
            }
            if (readiness.isPresent()) {
                sawNotReady |= readiness.get().statusCode() == 503;
                sawForumCatchingUp |= readiness.get().body().contains("catching up");
            }
            assertThat(Duration.between(started, Instant.now())).isLessThan(PATIENCE);
            Thread.sleep(250);
        }
        Duration readyAfter = Duration.between(started, Instant.now());
        // Searched at once: a node must not be reported ready while its search misses posts.
        String search = node3.get("/search?q=halftyped" + topic);
        starter.join();
        System.out.println("[cluster] node3 ready after " + readyAfter + "; not ready before: " + sawNotReady
                + "; its forum check said 'catching up' before: " + sawForumCatchingUp + "; report: " + ready.body());
        assertThat(sawNotReady).isTrue();
        assertThat(ready.body()).as("the forum's own check is in the report").contains("\"name\":\"linli-forum\",\"status\":\"UP\"");
        assertThat(search).as("search on the late node, as soon as it is ready, finds an earlier reply").contains("halftyped" + topic + "</");
        assertThat(node3.get("/topic?id=" + topic + "&page=last")).contains("halftyped" + topic);
    }

    // ----------------------------------------------------------------------------------------

    private ForumProcess process(String name, int offset) throws IOException {
        ForumProcess process = new ForumProcess(wildfly, Path.of("target", name).toAbsolutePath(),
                Path.of("target", name + "-data").toAbsolutePath(), offset);
        if (offset != NODES[2]) {
            process.prepare(ear);
        }
        return process;
    }

    private Void start(ForumProcess node, String name, PostgresServer postgres) throws IOException, InterruptedException {
        List<String> settings = new ArrayList<>(List.of(ForumProcess.onPostgres(postgres)));
        settings.addAll(List.of("-c", "standalone-ha.xml", "-Djboss.node.name=" + name,
                "-Dlinli.cluster.members=" + MEMBERS, "-Dlinli.cluster.balancer.port=" + (8090 + BALANCER),
                "-Dlinli.smtp.port=3026", "-Dlinli.mail.lease=10", "-Dlinli.base.url=http://127.0.0.1:" + (8080 + BALANCER),
                "-Dlinli.pictures.dir=" + Path.of("target/cluster-pictures").toAbsolutePath()));
        node.start(PATIENCE, settings.toArray(String[]::new));
        return null;
    }

    private static void startTogether(List<Callable<?>> tasks) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(tasks.size());
        try {
            List<Future<?>> running = new ArrayList<>();
            for (Callable<?> task : tasks) {
                running.add(pool.submit(task));
            }
            for (Future<?> task : running) {
                task.get();
            }
        } finally {
            pool.shutdownNow();
        }
    }

    /** Until the balancer passes requests to the forum (the nodes register their deployment with it). */
    private static void awaitBalancerServes(ForumProcess balancer) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofMinutes(2));
        while (balancer.status("/") != 200) {
            assertThat(Instant.now()).as("the balancer serves the forum").isBefore(deadline);
            Thread.sleep(500);
        }
        Thread.sleep(5_000);  // the second node's registration, a status interval later
    }

    /** The node a session lives on: the route at the end of its id. */
    private static String route(WebClient web) {
        Cookie session = web.getCookieManager().getCookies().stream()
                .filter(c -> c.getName().equals("JSESSIONID")).findFirst().orElseThrow();
        return session.getValue().substring(session.getValue().lastIndexOf('.') + 1);
    }

    private static long boardOf(ForumProcess forum, long topic) throws IOException, InterruptedException {
        String page = forum.get("/topic?id=" + topic);
        java.util.regex.Matcher board = java.util.regex.Pattern.compile("/board\\?id=(\\d+)").matcher(page);
        assertThat(board.find()).isTrue();
        return Long.parseLong(board.group(1));
    }

    /** Sends a reply with the quick reply under the posts; returns the answer's status (303: taken). */
    private static int quickReply(WebClient member, ForumProcess forum, long topic, String text) throws IOException {
        HtmlPage page = member.getPage(forum.url("/topic?id=" + topic + "&page=last"));
        HtmlForm form = page.getHtmlElementById("quickReplyForm");
        form.getTextAreaByName("body").setText(text);
        member.getOptions().setRedirectEnabled(false);
        try {
            HtmlButton send = page.getHtmlElementById("quickReplySubmit");
            return send.click().getWebResponse().getStatusCode();
        } finally {
            member.getOptions().setRedirectEnabled(true);
        }
    }

    /** The class of the board page's row of {@code topic}. */
    private static String rowClass(String boardPage, long topic) {
        java.util.regex.Matcher row = java.util.regex.Pattern.compile(
                "<tr class=\"(topic[^\"]*)\">(?:(?!</tr>).)*?/topic\\?id=" + topic + "[^0-9]", java.util.regex.Pattern.DOTALL)
                .matcher(boardPage);
        assertThat(row.find()).as("the topic's row on the board page").isTrue();
        return row.group(1);
    }

    private static String page(WebClient web, String url) throws IOException {
        return web.getPage(url).getWebResponse().getContentAsString();
    }

    private void eachMailOnce(Connection db, String when) throws Exception {
        awaitAllMailsSent(db, Duration.ofSeconds(60));
        Map<String, Integer> received = messageIds();
        System.out.println("[cluster] " + when + ": outbox " + outboxSize(db) + ", received " + received);
        assertThat(received.keySet()).containsExactlyInAnyOrderElementsOf(outboxIds(db));
        assertThat(received.values()).as("no mail twice").allMatch(count -> count == 1);
    }

    private static void awaitAllMailsSent(Connection db, Duration patience) throws Exception {
        Instant deadline = Instant.now().plus(patience);
        while (!rows(db, "select count(*) from mail_outbox where sent_at is null").get(0)[0].equals("0")) {
            assertThat(Instant.now()).as("every mail sent").isBefore(deadline);
            Thread.sleep(250);
        }
        Thread.sleep(1_000);  // the last ones on their way into GreenMail's store
    }

    private static int outboxSize(Connection db) throws SQLException {
        return Integer.parseInt(rows(db, "select count(*) from mail_outbox").get(0)[0]);
    }

    /** The Message-IDs the outbox's mails carry (see MailSender.messageId). */
    private static List<String> outboxIds(Connection db) throws SQLException {
        return rows(db, "select id from mail_outbox").stream().map(r -> "linli-mail-" + r[0]).toList();
    }

    /** How often each mail (by its Message-ID's local part) reached the mail server. */
    private static Map<String, Integer> messageIds() throws MessagingException {
        Map<String, Integer> counts = new HashMap<>();
        for (MimeMessage message : MAIL.getReceivedMessages()) {
            String id = message.getMessageID().replaceAll("^<|@.*$", "");
            counts.merge(id, 1, Integer::sum);
        }
        return counts;
    }

    private static List<String[]> rows(Connection db, String sql) throws SQLException {
        try (Statement statement = db.createStatement(); ResultSet result = statement.executeQuery(sql)) {
            List<String[]> rows = new ArrayList<>();
            int columns = result.getMetaData().getColumnCount();
            while (result.next()) {
                String[] row = new String[columns];
                for (int i = 0; i < columns; i++) {
                    row[i] = result.getString(i + 1);
                }
                rows.add(row);
            }
            return rows;
        }
    }
}
