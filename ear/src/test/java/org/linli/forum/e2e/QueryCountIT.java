package org.linli.forum.e2e;

import org.htmlunit.HttpMethod;
import org.htmlunit.WebClient;
import org.htmlunit.WebRequest;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * How many SQL statements each main page runs, counted by the server for the request itself
 * (Hibernate's statement inspector; the test server has linli.debug.statements on). The number
 * must be small, and the same for a short page as for a full one: a count that grows with the
 * page is an N+1.
 */
class QueryCountIT extends SeededPagesTest {

    private final String unique = UUID.randomUUID().toString().substring(0, 6);

    @Test
    void everyMainPageRunsAFewStatementsHoweverLongItIs() throws Exception {
        Seeder seeder = new Seeder(seederUrl);
        long small = seeder.board("少 " + unique);
        long full = seeder.board("多 " + unique);
        List<Seeder.Result> smallTopics = seeder.topics(small, List.of("短 " + unique, "短二 " + unique, "短三 " + unique));
        seeder.topics(full, IntStream.range(0, 30).mapToObj(i -> "长 " + i + " " + unique).toList());
        long shortTopic = smallTopics.get(0).id();
        seeder.replies(shortTopic, List.of("一 " + unique, "二 " + unique));
        long longTopic = smallTopics.get(1).id();
        seeder.replies(longTopic, IntStream.range(0, 44).mapToObj(i -> "回复 " + i + " " + unique).toList());
        String member = "counter" + unique;
        seeder.member(member, "RESIDENT", null);

        Map<String, String> pages = new LinkedHashMap<>();
        pages.put("home", "/");
        pages.put("board, 3 topics", "/board?id=" + small);
        pages.put("board, 25 topics", "/board?id=" + full);
        pages.put("board, page 2", "/board?id=" + full + "&page=2");
        pages.put("topic, 3 posts", "/topic?id=" + shortTopic);
        pages.put("topic, 20 posts", "/topic?id=" + longTopic);
        pages.put("topic, last page", "/topic?id=" + longTopic + "&page=last");
        pages.put("search", "/search?q=" + unique);
        pages.put("feed", "/feed/board/" + full);

        List<String> table = new ArrayList<>();
        Map<String, Integer> anonymous = count(seeder, null, pages);
        Map<String, Integer> signedIn = count(seeder, member, pages);
        pages.keySet().forEach(page -> table.add(String.format("| %s | %d | %d |", page, anonymous.get(page), signedIn.get(page))));
        System.out.println("| page | statements, anonymous | statements, signed in |\n|---|---|---|\n" + String.join("\n", table));

        for (Map<String, Integer> counts : List.of(anonymous, signedIn)) {
            assertThat(counts.get("board, 25 topics")).as("a board page does not grow with its topics").isEqualTo(counts.get("board, 3 topics"));
            assertThat(counts.get("board, page 2")).isEqualTo(counts.get("board, 25 topics"));
            assertThat(counts.get("topic, 20 posts")).as("a topic page does not grow with its posts").isEqualTo(counts.get("topic, 3 posts"));
            assertThat(counts.get("topic, last page")).isLessThanOrEqualTo(counts.get("topic, 20 posts") + 1);
        }
        // Members (with their boards) come from the second-level cache, so being signed in costs
        // a page only its own few statements (reading marks, notifications count).
        anonymous.forEach((page, statements) -> assertThat(statements).as(page + ", anonymous").isBetween(1, 4));
        signedIn.forEach((page, statements) -> assertThat(statements).as(page + ", signed in").isBetween(1, 8));
    }

    private Map<String, Integer> count(Seeder seeder, String member, Map<String, String> pages) throws Exception {
        Map<String, Integer> counts = new LinkedHashMap<>();
        try (WebClient web = WebClients.visitor()) {
            if (member != null) {
                WebClients.signIn(web, forum, member, "password-" + member);
            }
            for (Map.Entry<String, String> page : pages.entrySet()) {
                web.getPage(url(page.getValue()));  // once to warm caches and mark topics read
                web.getCache().clear();  // the feed may be cached: the counted request must reach the server
                String probe = UUID.randomUUID().toString();
                WebRequest request = new WebRequest(url(page.getValue()), HttpMethod.GET);
                request.setAdditionalHeader("X-Linli-Probe", probe);
                assertThat(web.getPage(request).getWebResponse().getStatusCode()).as(page.getKey()).isEqualTo(200);
                counts.put(page.getKey(), seeder.statements(probe));
            }
        }
        return counts;
    }
}
