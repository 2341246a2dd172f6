package org.linli.forum.e2e;

import org.htmlunit.WebClient;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Anonymous pages carry an ETag of their content: asking again with it costs a 304 and no page,
 * until anything on the page changes; signed-in pages are never marked cacheable.
 */
class HttpCachingIT extends SeededPagesTest {

    private final String unique = UUID.randomUUID().toString().substring(0, 6);
    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void anAnonymousPageIsRevalidatedAndChangesWithItsContent() throws Exception {
        Seeder seeder = new Seeder(seederUrl);
        long board = seeder.board("缓存 " + unique);
        long topic = seeder.topics(board, List.of("路灯坏了 " + unique)).get(0).id();

        HttpResponse<String> first = get("/topic?id=" + topic, null, null);
        assertThat(first.statusCode()).isEqualTo(200);
        String tag = first.headers().firstValue("ETag").orElseThrow();
        assertThat(first.headers().firstValue("Cache-Control")).hasValue("no-cache");
        assertThat(first.headers().firstValue("Set-Cookie")).as("anonymous reading makes no session").isEmpty();

        HttpResponse<String> unchanged = get("/topic?id=" + topic, tag, null);
        assertThat(unchanged.statusCode()).isEqualTo(304);
        assertThat(unchanged.body()).isEmpty();

        // A reply changes the page, and with it the tag: the old one no longer matches.
        seeder.replies(topic, List.of("已经报修 " + unique));
        HttpResponse<String> changed = get("/topic?id=" + topic, tag, null);
        assertThat(changed.statusCode()).isEqualTo(200);
        assertThat(changed.body()).contains("已经报修 " + unique);
        assertThat(changed.headers().firstValue("ETag")).isPresent().isNotEqualTo(java.util.Optional.of(tag));

        // The board page too (its last-post column changed).
        HttpResponse<String> boardPage = get("/board?id=" + board, null, null);
        assertThat(get("/board?id=" + board, boardPage.headers().firstValue("ETag").orElseThrow(), null).statusCode()).isEqualTo(304);

        // Pages for a signed-in member are not tagged, even with a tag sent.
        String member = "cache" + unique;
        seeder.member(member, "RESIDENT", null);
        try (WebClient web = WebClients.visitor()) {
            WebClients.signIn(web, forum, member, "password-" + member);
            String session = web.getCookieManager().getCookie("JSESSIONID").getValue();
            HttpResponse<String> signedIn = get("/topic?id=" + topic, changed.headers().firstValue("ETag").orElseThrow(), session);
            assertThat(signedIn.statusCode()).isEqualTo(200);
            assertThat(signedIn.headers().firstValue("ETag")).isEmpty();
            assertThat(signedIn.body()).contains(member);
        }
        // A missing topic is a 404 as before, not cached.
        HttpResponse<String> missing = get("/topic?id=999999999", null, null);
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(missing.headers().firstValue("ETag")).isEmpty();
    }

    @Test
    void aCachedSearchPageGivesWayWhenTheIndexCatchesUp() throws Exception {
        Seeder seeder = new Seeder(seederUrl);
        String word = "缓存搜索" + unique;
        // Quoted, so that only this post can be found, not others with some of its characters.
        String search = "/search?q=" + java.net.URLEncoder.encode("\"" + word + "\"", java.nio.charset.StandardCharsets.UTF_8);
        assertThat(get(search, null, null).body()).doesNotContain("hit-title");
        long board = seeder.board("搜索缓存 " + unique);
        seeder.topics(board, List.of(word));
        // Asked again and again while the index catches up: a page cached before the post was
        // indexed must not outlive the index's change.
        java.time.Instant deadline = java.time.Instant.now().plusSeconds(15);
        String page = "";
        while (!page.contains("hit-title") && java.time.Instant.now().isBefore(deadline)) {
            page = get(search, null, null).body();
            Thread.sleep(50);
        }
        assertThat(page).contains("hit-title").contains(word);
    }

    private HttpResponse<String> get(String path, String ifNoneMatch, String session) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url(path).toString())).GET();
        if (ifNoneMatch != null) {
            request.header("If-None-Match", ifNoneMatch);
        }
        if (session != null) {
            request.header("Cookie", "JSESSIONID=" + session);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
