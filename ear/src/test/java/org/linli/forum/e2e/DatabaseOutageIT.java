package org.linli.forum.e2e;

import org.htmlunit.WebClient;
import org.htmlunit.WebResponse;
import org.junit.jupiter.api.Test;
import org.linli.forum.persistence.PostgresServer;

import java.io.IOException;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The database away while members write: PostgreSQL is stopped under a load of replies and
 * started again, the forum is not. While it is away, a member's page is a 503 with Retry-After
 * and a "try again shortly" page in their language (never the error 500 page), no reply is
 * acknowledged, and an anonymous reader still gets the pages they had been served. When it is
 * back, the forum serves and takes replies again without a restart, and every reply it
 * acknowledged, before or after, is in the topic exactly once.
 */
class DatabaseOutageIT {

    private static final int OFFSET = 300;
    private static final Pattern TOKEN = Pattern.compile("outage-w-[a-z]+-n\\d+");
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    @Test
    void whileTheDatabaseIsAwayMembersGet503AndTheForumRecoversByItself() throws Exception {
        Path wildfly = Path.of(System.getProperty("jboss.home"));
        try (PostgresServer postgres = PostgresServer.start();
             ForumProcess forum = new ForumProcess(wildfly, Path.of("target/outage-server").toAbsolutePath(),
                     Path.of("target/outage-data").toAbsolutePath(), OFFSET)) {
            forum.prepare(Path.of("target/linli-forum.ear"));
            forum.start(Duration.ofMinutes(4), ForumProcess.onPostgres(postgres));
            long topic = CrashIT.startTopic(forum);
            String topicPage = "/topic?id=" + topic;
            // An anonymous reader has seen the home page and the topic.
            String homeBefore = forum.get("/");
            forum.get(topicPage);

            AtomicBoolean writing = new AtomicBoolean(true);
            Set<String> beforeAndDuring = ConcurrentHashMap.newKeySet();
            List<ReplyWriter> writers = new ArrayList<>();
            List<Thread> threads = new ArrayList<>();
            for (String[] account : List.of(CrashIT.WRITERS[0], CrashIT.WRITERS[1])) {
                ReplyWriter writer = new ReplyWriter(forum, topic, "outage-w", account, writing, beforeAndDuring);
                writers.add(writer);
                threads.add(new Thread(writer, "outage-writer-" + account[0]));
            }
            threads.forEach(Thread::start);
            try (WebClient member = WebClients.visitor(); WebClient englishMember = WebClients.visitor()) {
                WebClients.signIn(member, new URL(forum.url("/")), "resident", "linli-resident");
                englishMember.addRequestHeader("Accept-Language", "en");
                WebClients.signIn(englishMember, new URL(forum.url("/")), "moderator", "linli-moderator");
                assertThat(member.getPage(forum.url(topicPage)).getWebResponse().getStatusCode()).isEqualTo(200);
                Thread.sleep(3_000);

                postgres.pause();
                int acknowledgedAtStop = beforeAndDuring.size();
                Thread.sleep(1_000);
                WebResponse away = member.getPage(forum.url(topicPage)).getWebResponse();
                assertThat(away.getStatusCode()).as("a member's page while the database is away").isEqualTo(503);
                assertThat(away.getResponseHeaderValue("Retry-After")).isNotBlank();
                assertThat(away.getContentAsString()).contains("论坛暂时无法连接数据库", "lang=\"zh-CN\"");
                assertThat(englishMember.getPage(forum.url(topicPage)).getWebResponse().getContentAsString())
                        .as("the same page for an English reader").contains("cannot reach its database");
                assertThat(anonymous(forum, "/").body()).as("the home page an anonymous reader had seen").isEqualTo(homeBefore);
                assertThat(anonymous(forum, topicPage).statusCode()).as("the topic an anonymous reader had seen").isEqualTo(200);
                Thread.sleep(4_000);
                // The writers were refused meanwhile: nothing acknowledged while the database was away
                // (a reply that was in flight as it stopped may have made it just before).
                assertThat(beforeAndDuring.size() - acknowledgedAtStop).as("replies acknowledged while the database was away")
                        .isLessThanOrEqualTo(writers.size());
                int acknowledgedDuring = beforeAndDuring.size();

                postgres.resume();
                Instant deadline = Instant.now().plusSeconds(30);
                int status = 0;
                while (status != 200 && Instant.now().isBefore(deadline)) {
                    Thread.sleep(500);
                    status = member.getPage(forum.url(topicPage)).getWebResponse().getStatusCode();
                }
                assertThat(status).as("the member's page once the database is back, without a restart").isEqualTo(200);
                Thread.sleep(3_000);
                writing.set(false);
                for (Thread thread : threads) {
                    thread.join(60_000);
                }
                assertThat(beforeAndDuring.size()).as("replies acknowledged again after the database came back")
                        .isGreaterThan(acknowledgedDuring);
            }

            Map<Integer, Integer> answers = new HashMap<>();
            writers.forEach(writer -> writer.answers().forEach((code, times) -> answers.merge(code, times, Integer::sum)));
            System.out.println("Database outage test: " + beforeAndDuring.size() + " replies acknowledged; answers by status: " + answers);
            assertThat(answers).as("the writers' answers while the database was away").containsKey(503).doesNotContainKey(500);

            CrashIT.Stored stored = CrashIT.read(forum, topic, TOKEN);
            for (String token : beforeAndDuring) {
                assertThat(stored.tokens().getOrDefault(token, 0)).as("acknowledged reply %s in the topic", token).isEqualTo(1);
            }
            assertThat(stored.numbers()).as("post numbers 1..n, each once")
                    .isEqualTo(Stream.iterate(1, n -> n + 1).limit(stored.numbers().size()).toList());
        }
    }

    private HttpResponse<String> anonymous(ForumProcess forum, String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(forum.url(path))).header("Accept-Language", "zh-CN").build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
