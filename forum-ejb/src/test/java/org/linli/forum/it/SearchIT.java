package org.linli.forum.it;

import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.linli.forum.board.BoardService;
import org.linli.forum.member.MemberService;
import org.linli.forum.member.Registration;
import org.linli.forum.post.Post;
import org.linli.forum.post.PostService;
import org.linli.forum.common.ForumSettings;
import org.linli.forum.sitesearch.SearchIndexer;
import org.linli.forum.search.SearchRequest;
import org.linli.forum.search.SearchResults;
import org.linli.forum.sitesearch.SearchService;

import javax.sql.DataSource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Search in the real server: the change log written with each post, the indexer applying it
 * after commit, a change that commits with a smaller sequence number after a larger one was
 * indexed, and a rebuild while searches go on.
 */
@ExtendWith(ArquillianExtension.class)
class SearchIT {

    @Deployment
    static WebArchive deployment() {
        return Deployments.forumDomain(SearchIT.class);
    }

    @EJB
    private MemberService members;

    @EJB
    private BoardService boards;


    @EJB
    private PostService posts;

    @EJB
    private SearchService search;

    @Resource(lookup = "java:jboss/datasources/LinliDS")
    private DataSource dataSource;

    private String unique;
    private String username;

    @BeforeEach
    void member() {
        unique = UUID.randomUUID().toString().replace("-", "").substring(0, 10);
        username = "s" + unique;
        members.register(new Registration(username, unique + "@example.org", "password-" + unique));
    }

    @Test
    void aNewReplyIsFoundWithinOneSecond() throws Exception {
        Post opening = As.member(username, "RESIDENT", () -> posts.startTopic(boards.listBoards().get(0).getId(),
                "青年路路灯 " + unique, "路灯坏了"));
        long committed = System.nanoTime();
        As.member(username, "RESIDENT", () -> posts.reply(opening.getTopic().getId(), "维修 token" + unique));

        long waited = waitUntilFound("token" + unique, 1);
        System.out.printf("Search freshness: a reply was searchable %d ms after its commit%n", waited);
        assertThat(waited).isLessThan(1000);
        assertThat((System.nanoTime() - committed) / 1_000_000).isLessThan(2000);

        SearchResults lamp = search.search(SearchRequest.of("路灯 " + unique));
        assertThat(lamp.hits()).singleElement().satisfies(hit -> {
            assertThat(hit.topicId()).isEqualTo(opening.getTopic().getId());
            assertThat(hit.snippetHtml()).contains("<mark>路灯</mark>");
        });
        SearchRequest byAuthor = SearchRequest.of("路灯").withFilters(new SearchRequest.Filters(null, username, null, null))
                .withOrder(SearchRequest.Order.NEWEST);
        assertThat(search.search(byAuthor).totalPosts()).isEqualTo(1);
    }

    @Test
    void aChangeThatCommitsLateWithASmallerNumberIsNotSkipped() throws Exception {
        Post first = As.member(username, "RESIDENT", () -> posts.startTopic(boards.listBoards().get(0).getId(), "迟到 " + unique, "第一"));
        Post second = As.member(username, "RESIDENT", () -> posts.reply(first.getTopic().getId(), "第二 " + unique));
        waitUntilFound(unique, 2);
        // Two numbers handed out in order; the larger commits first, as a slow transaction would allow.
        long smaller = nextSequence();
        long larger = nextSequence();
        setText(second.getId(), "<p>late" + unique + "b</p>");
        record(larger, second.getId());
        waitUntilFound("late" + unique + "b", 1);

        setText(first.getId(), "<p>late" + unique + "a</p>");
        record(smaller, first.getId());

        assertThat(waitUntilFound("late" + unique + "a", 1)).isLessThan(3000);
    }

    @Test
    void aRebuildSwapsInAFreshIndexWhileSearchesGoOn() throws Exception {
        As.member(username, "RESIDENT", () -> posts.startTopic(boards.listBoards().get(0).getId(), "重建 " + unique, "rebuild" + unique));
        waitUntilFound("rebuild" + unique, 1);

        AtomicBoolean rebuilding = new AtomicBoolean(true);
        ExecutorService searcher = Executors.newSingleThreadExecutor();
        Future<List<Long>> counts = searcher.submit(() -> {
            List<Long> seen = new ArrayList<>();
            while (rebuilding.get()) {
                seen.add(search.search(SearchRequest.of("rebuild" + unique)).totalPosts());
            }
            return seen;
        });
        int indexed = As.member("admin", "ADMIN", () -> search.rebuild());
        rebuilding.set(false);
        List<Long> seen = counts.get();
        searcher.shutdown();

        assertThat(indexed).isGreaterThan(0);
        assertThat(seen).isNotEmpty().containsOnly(1L);
        assertThat(search.search(SearchRequest.of("rebuild" + unique)).totalPosts()).isEqualTo(1);
    }

    @Test
    void anOperatorAsksForARebuildWithAFile() throws Exception {
        As.member(username, "RESIDENT", () -> posts.startTopic(boards.listBoards().get(0).getId(), "文件重建 " + unique, "file" + unique));
        waitUntilFound("file" + unique, 1);
        Path folder = ForumSettings.dataDirectory().resolve("index");
        List<Path> before = generations(folder);
        Path request = Files.createFile(folder.resolve(SearchIndexer.REBUILD_REQUEST));

        for (int i = 0; i < 300 && (Files.exists(request) || generations(folder).equals(before)); i++) {
            Thread.sleep(50);
        }

        assertThat(request).doesNotExist();
        assertThat(generations(folder)).isNotEqualTo(before);
        assertThat(search.search(SearchRequest.of("file" + unique)).totalPosts()).isEqualTo(1);
    }

    private static List<Path> generations(Path folder) throws IOException {
        try (Stream<Path> entries = Files.list(folder)) {
            return entries.filter(p -> p.getFileName().toString().startsWith("gen-")).sorted().toList();
        }
    }

    @Test
    void malformedQueriesGiveOrdinaryResults() {
        for (String query : List.of("\"", "-", "OR", "a AND OR NOT", "((((", "title:* OR ]]", "x".repeat(10_000), "'; DROP TABLE post; --")) {
            assertThat(search.search(SearchRequest.of(query))).isNotNull();
        }
    }

    private long waitUntilFound(String query, long posts) throws InterruptedException {
        long start = System.nanoTime();
        while (search.search(SearchRequest.of(query)).totalPosts() < posts) {
            if (System.nanoTime() - start > 10_000_000_000L) {
                throw new AssertionError("not found within 10 s: " + query);
            }
            Thread.sleep(20);
        }
        return (System.nanoTime() - start) / 1_000_000;
    }

    private long nextSequence() throws Exception {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement();
             ResultSet row = statement.executeQuery("SELECT NEXT VALUE FOR search_change_seq")) {
            row.next();
            return row.getLong(1);
        }
    }

    private void setText(long postId, String html) throws Exception {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement update = connection.prepareStatement("UPDATE post SET html = ? WHERE id = ?")) {
            update.setString(1, html);
            update.setLong(2, postId);
            update.executeUpdate();
        }
    }

    private void record(long seq, long postId) throws Exception {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement insert = connection.prepareStatement(
                     "INSERT INTO search_change (seq, post_id, created_at) VALUES (?, ?, CURRENT_TIMESTAMP)")) {
            insert.setLong(1, seq);
            insert.setLong(2, postId);
            insert.executeUpdate();
        }
    }
}
