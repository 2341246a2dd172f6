package org.linli.forum.search;

import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.linli.forum.search.SearchResults.TopicHit;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class PostIndexTest {

    private static final Instant JAN = Instant.parse("2024-01-15T02:00:00Z");
    private static final Instant MAR = Instant.parse("2024-03-15T02:00:00Z");

    private PostIndex index;

    @BeforeEach
    void open() throws IOException {
        index = PostIndex.open(new ByteBuffersDirectory());
        add(1, 10, 1, 1, "zhang", "青年路路灯不亮了", "青年路12号门前的路灯坏了一个星期，晚上很黑。", JAN, true);
        add(2, 10, 1, 2, "li", "青年路路灯不亮了", "已经报修了，路灯明天修。", MAR, true);
        add(3, 11, 2, 1, "wang", "Water leak in building 3", "The pipes are leaking again; 三号楼漏水。", MAR, true);
        add(4, 12, 1, 1, "zhao", "停车位太少", "小区停车很难，晚上经常没有车位。", JAN, true);
        add(5, 13, 1, 1, "spam", "隐藏的帖子", "路灯广告 <script>alert(1)</script>", JAN, false);
        index.refresh();
    }

    @AfterEach
    void close() throws IOException {
        index.close();
    }

    @Test
    void twoCharacterChineseWordsFindEveryPostThatHasThem() throws IOException {
        SearchResults results = index.search(SearchRequest.of("路灯"));

        assertThat(results.totalPosts()).isEqualTo(2);
        assertThat(results.hits()).singleElement().satisfies(hit -> {
            assertThat(hit.topicId()).isEqualTo(10);
            assertThat(hit.matchingPosts()).isEqualTo(2);
            assertThat(hit.snippetHtml()).contains("<mark>路灯</mark>");
        });
    }

    @Test
    void oneCharacterAndLongerRunsToo() throws IOException {
        assertThat(index.search(SearchRequest.of("黑")).hits()).extracting(TopicHit::topicId).containsExactly(10L);
        assertThat(index.search(SearchRequest.of("车位")).hits()).extracting(TopicHit::topicId).containsExactly(12L);
        // Free words need a share of their characters, and the post with them in a row comes first.
        SearchResults free = index.search(SearchRequest.of("门前的路灯"));
        assertThat(free.hits().get(0).postId()).isEqualTo(1);
        assertThat(free.relaxed()).isFalse();
        assertThat(index.search(SearchRequest.of("路灯门前")).hits().get(0).postId()).as("in another order").isEqualTo(1);
        // Quoted, only the exact text.
        assertThat(index.search(SearchRequest.of("\"门前的路灯\"")).totalPosts()).isEqualTo(1);
        assertThat(index.search(SearchRequest.of("\"路灯门前\"")).totalPosts()).isZero();
    }

    @Test
    void aQuestionInOnesOwnWordsFindsThePostWordedDifferently() throws IOException {
        SearchResults results = index.search(SearchRequest.of("路灯不亮怎么办"));

        assertThat(results.relaxed()).isFalse();
        assertThat(results.hits()).extracting(TopicHit::topicId).first().isEqualTo(10L);
        assertThat(index.search(SearchRequest.of("小区里车位不够怎么办")).hits()).extracting(TopicHit::topicId).first().isEqualTo(12L);
    }

    @Test
    void whenNothingHasEnoughOfTheWordsThePostsWithAnyOfThemComeMarkedRelaxed() throws IOException {
        SearchResults strict = index.search(SearchRequest.of("water elevator"));
        assertThat(strict.relaxed()).isTrue();
        assertThat(strict.hits()).extracting(TopicHit::topicId).containsExactly(11L);

        assertThat(index.search(SearchRequest.of("elevator escalator")).hits()).as("nothing at all").isEmpty();
        assertThat(index.search(SearchRequest.of("\"water elevator\"")).hits()).as("a phrase is never relaxed").isEmpty();
    }

    @Test
    void aQuotedLetterOrDigitFindsEveryPostWithItWhereverItStands() throws IOException {
        // Letters and digits are indexed only as the first of a pair (or alone at the very end).
        add(6, 14, 1, 1, "chen", "编号", "车位编号Q", JAN, true);
        add(7, 15, 1, 1, "chen", "编号", "Q7号车位", JAN, true);
        add(8, 16, 1, 1, "chen", "编号", "车位 q ", JAN, true);
        index.refresh();

        assertThat(index.search(SearchRequest.of("\"q\"")).hits()).extracting(TopicHit::topicId).containsExactlyInAnyOrder(14L, 15L, 16L);
        assertThat(index.search(SearchRequest.of("\"7\"")).hits()).extracting(TopicHit::topicId).containsExactly(15L);
        assertThat(index.search(SearchRequest.of("\"q7\"")).hits()).extracting(TopicHit::topicId).containsExactly(15L);
    }

    @Test
    void whenNothingHasAWordAtAllANameWrittenOtherwiseOrAWordRunTogetherStillFindsItsPost() throws IOException {
        add(6, 14, 1, 1, "chen", "翁虹在社区文艺演出", "周六晚上在广场。", JAN, true);
        add(7, 15, 1, 1, "chen", "aslongasyouloveme karaoke night", "Saturday at the square.", JAN, true);
        index.refresh();

        SearchResults name = index.search(SearchRequest.of("翁红"));
        assertThat(name.relaxed()).isTrue();
        assertThat(name.hits()).extracting(TopicHit::topicId).contains(14L);
        SearchResults runTogether = index.search(SearchRequest.of("aslongasuloveme"));
        assertThat(runTogether.relaxed()).isTrue();
        assertThat(runTogether.hits()).extracting(TopicHit::topicId).containsExactly(15L);
    }

    @Test
    void aQuestionFindsPostsThatUseTheListedSynonyms() throws IOException {
        add(6, 14, 1, 1, "chen", "怎样办理出入证", "社区门口的出入证去物管那里办。", JAN, true);
        index.refresh();

        SearchResults results = index.search(SearchRequest.of("如何在小区办出入证"));
        assertThat(results.hits()).extracting(TopicHit::topicId).first().isEqualTo(14L);
        // 如何 = 怎样 (in the title) and 小区 = 社区 (in the body) count as two units of the six.
        assertThat(index.search(SearchRequest.of("如何小区")).relaxed()).isFalse();
        assertThat(index.search(SearchRequest.of("如何小区")).hits()).extracting(TopicHit::topicId).contains(14L);
        // A word on its own is looked up as typed: only the posts that have it.
        assertThat(index.search(SearchRequest.of("如何")).hits()).isEmpty();
    }

    @Test
    void aMisspeltEnglishWordGetsTheSpellingThePostsUse() throws IOException {
        SearchResults results = index.search(SearchRequest.of("watter buildng"));

        assertThat(results.suggestion()).isEqualTo("water building");
        assertThat(index.search(SearchRequest.of("water building")).suggestion()).as("found as asked").isNull();
        assertThat(index.search(SearchRequest.of("leaking pipes")).suggestion()).as("known words, stemmed").isNull();
        assertThat(index.search(SearchRequest.of("路灯 board:1")).suggestion()).isNull();
    }

    @Test
    void aQuotedPhraseIsAnExactSubstringWhateverItsCharacters() throws IOException {
        add(6, 14, 1, 1, "chen", "地址", "我居住在A7县黄兴镇，门牌号B-12。", JAN, true);
        index.refresh();

        for (String span : new String[] {"A7县黄兴镇", "7县黄兴镇", "a7县", "在A", "B-12", "-1", "号B", "镇，门"}) {
            assertThat(index.search(SearchRequest.of("\"" + span + "\"")).hits()).as(span)
                    .extracting(TopicHit::topicId).containsExactly(14L);
        }
        assertThat(index.search(SearchRequest.of("\"7县黄兴\u3000镇\"")).hits()).isEmpty();
    }

    @Test
    void chineseMatchesAreMarkedExactly() throws IOException {
        TopicHit hit = index.search(SearchRequest.of("青年路")).hits().get(0);

        assertThat(hit.snippetHtml()).contains("<mark>青年路</mark>12号").doesNotContain("<mark>青年</mark>");
    }

    @Test
    void englishIsStemmedAndMixedPostsWork() throws IOException {
        assertThat(index.search(SearchRequest.of("leaks")).hits()).extracting(TopicHit::topicId).containsExactly(11L);
        assertThat(index.search(SearchRequest.of("leak 漏水")).hits()).extracting(TopicHit::topicId).containsExactly(11L);
        assertThat(index.search(SearchRequest.of("\"water leak\"")).hits()).extracting(TopicHit::topicId).containsExactly(11L);
        assertThat(index.search(SearchRequest.of("\"leak water\"")).hits()).isEmpty();
        assertThat(index.search(SearchRequest.of("pipes")).hits().get(0).snippetHtml()).contains("<mark>pipes</mark>");
    }

    @Test
    void theFormsFiltersTravelTypedAndNarrowTheSearch() throws IOException {
        add(6, 14, 2, 1, "Zhang Wei", "路灯又坏了", "东门的路灯又坏了。", MAR, true);
        index.refresh();
        SearchRequest lamps = SearchRequest.of("路灯");

        // A username with a space is one name, not two words (it used to be dropped on the way).
        assertThat(index.search(lamps.withFilters(new SearchRequest.Filters(null, "Zhang Wei", null, null))).hits())
                .extracting(TopicHit::postId).containsExactly(6L);
        assertThat(index.search(lamps.withFilters(new SearchRequest.Filters(null, "zhang", null, null))).hits())
                .extracting(TopicHit::postId).containsExactly(1L);
        assertThat(index.search(lamps.withFilters(new SearchRequest.Filters(2L, null, null, null))).hits())
                .extracting(TopicHit::postId).containsExactly(6L);
        // Both days are included: posts of 15 March, in the community's zone, are on a search to 15 March.
        SearchRequest inShanghai = new SearchRequest("路灯", SearchRequest.Order.NEWEST, 1, 20, null, false, ZoneId.of("Asia/Shanghai"));
        assertThat(index.search(inShanghai.withFilters(new SearchRequest.Filters(null, null, LocalDate.of(2024, 3, 15),
                LocalDate.of(2024, 3, 15)))).totalPosts()).isEqualTo(2);
        assertThat(index.search(inShanghai.withFilters(new SearchRequest.Filters(null, null, null, LocalDate.of(2024, 3, 14))))
                .totalPosts()).isEqualTo(1);
        // A filter in the text and one from the form must both hold.
        assertThat(index.search(SearchRequest.of("路灯 board:1").withFilters(new SearchRequest.Filters(2L, null, null, null)))
                .totalPosts()).isZero();
        // A filter alone, with no words, lists what it selects.
        assertThat(index.search(SearchRequest.of("").withFilters(new SearchRequest.Filters(null, "wang", null, null))).hits())
                .extracting(TopicHit::postId).containsExactly(3L);
    }

    @Test
    void excludeOrAndFilters() throws IOException {
        assertThat(index.search(SearchRequest.of("晚上 -停车")).hits()).extracting(TopicHit::topicId).containsExactly(10L);
        assertThat(index.search(SearchRequest.of("停车 OR 漏水")).hits()).extracting(TopicHit::topicId).containsExactlyInAnyOrder(11L, 12L);
        assertThat(index.search(SearchRequest.of("晚上 board:2")).hits()).isEmpty();
        assertThat(index.search(SearchRequest.of("路灯 author:LI")).totalPosts()).isEqualTo(1);
        assertThat(index.search(SearchRequest.of("路灯 after:2024-03-01")).totalPosts()).isEqualTo(1);
        assertThat(index.search(SearchRequest.of("路灯 before:2024-03-01")).totalPosts()).isEqualTo(1);
        assertThat(index.search(SearchRequest.of("报修 in:title")).hits()).isEmpty();
        assertThat(index.search(SearchRequest.of("author:zhao")).hits()).extracting(TopicHit::topicId).containsExactly(12L);
    }

    @Test
    void hiddenPostsAndUnreadableBoardsAreFilteredInTheQuery() throws IOException {
        assertThat(index.search(SearchRequest.of("广告")).hits()).isEmpty();
        assertThat(index.search(SearchRequest.of("广告").withHidden(true)).hits()).extracting(TopicHit::topicId).containsExactly(13L);
        assertThat(index.search(SearchRequest.of("晚上").withReadableBoards(Set.of(2L))).hits()).isEmpty();
        assertThat(index.search(SearchRequest.of("漏水").withReadableBoards(Set.of(2L))).hits()).hasSize(1);
    }

    @Test
    void snippetsAreEscapedText() throws IOException {
        TopicHit hit = index.search(SearchRequest.of("广告").withHidden(true)).hits().get(0);

        assertThat(hit.snippetHtml()).contains("&lt;script&gt;").doesNotContain("<script");
    }

    @Test
    void newestFirstAndPaging() throws IOException {
        SearchResults newest = index.search(SearchRequest.of("晚上 OR 路灯 OR 漏水").withOrder(SearchRequest.Order.NEWEST));
        assertThat(newest.hits().get(0).created()).isEqualTo(MAR);

        SearchRequest small = new SearchRequest("晚上 OR 漏水", SearchRequest.Order.NEWEST, 2, 1, null, false, null);
        SearchResults second = index.search(small);
        assertThat(second.totalTopics()).isEqualTo(3);
        assertThat(second.hits()).hasSize(1);
        assertThat(second.totalPages()).isEqualTo(3);
    }

    @Test
    void upsertReplacesAndDeleteRemoves() throws IOException {
        add(4, 12, 1, 1, "zhao", "停车位太少", "已经新增了二十个车位。", JAN, true);
        index.delete(3);
        index.refresh();

        assertThat(index.search(SearchRequest.of("新增")).totalPosts()).isEqualTo(1);
        assertThat(index.search(SearchRequest.of("停车")).totalPosts()).isEqualTo(1);
        assertThat(index.search(SearchRequest.of("漏水")).totalPosts()).isZero();
    }

    @Test
    void commitsKeepTheCallersDataAcrossARestart(@TempDir Path folder) throws IOException {
        try (PostIndex onDisk = PostIndex.open(FSDirectory.open(folder))) {
            assertThat(onDisk.committedData()).isEmpty();
            onDisk.upsert(new PostDocument(1, 1, 1, 1, "a", "标题", "正文内容", JAN, true));
            onDisk.commit(Map.of("sequence", "42"));
        }
        try (PostIndex reopened = PostIndex.open(FSDirectory.open(folder))) {
            assertThat(reopened.committedData()).containsEntry("sequence", "42");
            assertThat(reopened.search(SearchRequest.of("正文")).totalPosts()).isEqualTo(1);
        }
    }

    private void add(long post, long topic, long board, int number, String author, String title, String body,
                     Instant created, boolean visible) throws IOException {
        index.upsert(new PostDocument(post, topic, board, number, author, title, body, created, visible));
    }
}
