package org.linli.forum.e2e;

import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.io.SyndFeedInput;
import com.rometools.rome.io.XmlReader;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Atom feeds read by a real feed parser (Rome): valid Atom, hostile titles back exactly as
 * typed, entries linking to their topics, newest first.
 */
class FeedIT extends SeededPagesTest {

    private final String unique = UUID.randomUUID().toString().substring(0, 6);
    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void aBoardsFeedIsValidAtomWithHostileTitlesIntact() throws Exception {
        Seeder seeder = new Seeder(seederUrl);
        long board = seeder.board("订阅 <b>&amp;</b> " + unique);
        List<String> titles = List.of(
                "<script>alert('feed')</script> " + unique,
                "]]><entry><title>injected</title></entry> " + unique,
                "a & b \"c\" 'd' &lt;e&gt; " + unique,
                "مرحبا 路灯 😀 \u202Ereversed " + unique);
        List<Seeder.Result> seeded = seeder.topics(board, titles);
        assertThat(seeded).allMatch(Seeder.Result::stored);

        HttpResponse<byte[]> response = get("/feed/board/" + board);
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type.replace(" ", "")).isEqualToIgnoringCase("application/atom+xml;charset=UTF-8"));
        SyndFeed feed = new SyndFeedInput().build(new XmlReader(new ByteArrayInputStream(response.body())));

        assertThat(feed.getFeedType()).isEqualTo("atom_1.0");
        assertThat(feed.getTitle()).isEqualTo("邻里论坛 · 订阅 <b>&amp;</b> " + unique);
        List<SyndEntry> entries = feed.getEntries();
        assertThat(entries).extracting(SyndEntry::getTitle).containsExactly(titles.get(3), titles.get(2), titles.get(1), titles.get(0));
        assertThat(entries.get(0).getLink()).endsWith("/topic?id=" + seeded.get(3).id());
        assertThat(entries.get(0).getAuthor()).isEqualTo("staff");
        assertThat(entries.get(0).getContents().get(0).getValue()).isEqualTo("<p>XSS title probe</p>\n");
        assertThat(entries).allSatisfy(entry -> assertThat(entry.getPublishedDate()).isNotNull());

        // A topic whose opening post a moderator hid leaves the feed.
        long hiddenOpening = Long.parseLong(Pattern.compile("id=(\\d+)").matcher(entries.get(0).getLink()).results()
                .findFirst().orElseThrow().group(1));
        seeder.hide(firstPostOf(hiddenOpening));
        SyndFeed after = new SyndFeedInput().build(new XmlReader(new ByteArrayInputStream(get("/feed/board/" + board).body())));
        assertThat(after.getEntries()).extracting(SyndEntry::getTitle).doesNotContain(titles.get(3));
    }

    /** The id of a topic's opening post, read off its page. */
    private long firstPostOf(long topic) throws Exception {
        String html = new String(get("/topic?id=" + topic).body(), StandardCharsets.UTF_8);
        Matcher number = Pattern.compile("id=\"p1\"[\\s\\S]*?href=\"/p\\?id=(\\d+)\"").matcher(html);
        assertThat(number.find()).isTrue();
        return Long.parseLong(number.group(1));
    }

    @Test
    void theAnnouncementsFeedHasTheNewestAnnouncement() throws Exception {
        Seeder seeder = new Seeder(seederUrl);
        long board = seeder.board("公告 " + unique, "ANNOUNCEMENTS");
        seeder.topics(board, List.of("周六停水 " + unique));

        SyndFeed feed = new SyndFeedInput().build(new XmlReader(new ByteArrayInputStream(get("/feed/announcements").body())));
        assertThat(feed.getEntries()).first().extracting(SyndEntry::getTitle).isEqualTo("周六停水 " + unique);
    }

    @Test
    void unknownFeedsAreNotFound() throws Exception {
        for (String path : List.of("/feed/board/999999999", "/feed/board/abc", "/feed/nothing", "/feed/")) {
            assertThat(get(path).statusCode()).as(path).isEqualTo(404);
        }
    }

    private HttpResponse<byte[]> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url(path).toString())).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
    }
}
