package org.linli.forum.e2e;

import org.htmlunit.WebClient;
import org.htmlunit.html.HtmlPage;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Members' reading pages are rendered once for everyone with the same permissions and filled in
 * per member: no member gets another's name, token, unread marks or controls, nor anything their
 * permissions do not show, whatever order and however many at once they ask in.
 */
class MemberPagesIT extends SeededPagesTest {

    private static final Pattern NEW_POST = Pattern.compile("<article class=\"post[^\"]*\\bnew\\b[^\"]*\" id=\"p(\\d+)\"");
    private static final Pattern WHO = Pattern.compile("<span class=\"who\">([^<]*)</span>");
    private static final Pattern TOKEN = Pattern.compile("name=\"token\" value=\"([0-9a-f]+)\"");

    private final String unique = UUID.randomUUID().toString().substring(0, 6);
    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void aHiddenPostAModeratorSeesNeverReachesAResident() throws Exception {
        Seeder seeder = new Seeder(seederUrl);
        long board = seeder.board("隐藏 " + unique);
        String moderator = "mod" + unique;
        String resident = "res" + unique;
        String staff = "staff" + unique;
        seeder.member(moderator, "MODERATOR", board);
        seeder.member(resident, "RESIDENT", null);
        seeder.member(staff, "STAFF", null);
        long topic = seeder.topics(board, List.of("井盖丢了 " + unique)).get(0).id();
        List<Seeder.Result> replies = seeder.replies(topic, List.of("已经报修 " + unique, "骂人的话 " + unique));
        seeder.hide(replies.get(1).id());
        Map<String, String> sessions = Map.of(moderator, session(moderator), resident, session(resident), staff, session(staff));
        String hidden = "骂人的话 " + unique;

        // Each asks twice (the second from the cache), in turns, so every one of them follows another.
        for (String member : List.of(moderator, resident, staff, resident, moderator, resident)) {
            String page = get("/topic?id=" + topic, sessions.get(member), null);
            assertThat(who(page)).isEqualTo(member);
            assertThat(page).contains("已经报修 " + unique);
            if (member.equals(resident)) {
                assertThat(page).as("a resident's topic page").doesNotContain(hidden).doesNotContain("/mod/post?id=");
            } else {
                assertThat(page).as(member + "'s topic page").contains(hidden).contains("class=\"hidden-note\"");
            }
        }
        assertThat(get("/topic?id=" + topic, null, null)).as("a visitor's").doesNotContain(hidden);
        assertThat(get("/topic?id=" + topic, sessions.get(moderator), null)).contains("/mod/post?id=" + replies.get(1).id());
    }

    @Test
    void membersReadingOneTopicAtOnceEachGetTheirOwnControlsAndMarks() throws Exception {
        Seeder seeder = new Seeder(seederUrl);
        long board = seeder.board("同读 " + unique);
        String author = "author" + unique;
        String reader = "reader" + unique;
        String moderator = "watch" + unique;
        seeder.member(author, "RESIDENT", null);
        seeder.member(reader, "RESIDENT", null);
        seeder.member(moderator, "MODERATOR", board);
        long topic = seeder.topics(board, List.of("楼道灯 " + unique)).get(0).id();
        seeder.replies(topic, List.of("二楼 " + unique, "三楼 " + unique));
        Map<String, String> sessions = Map.of(author, session(author), reader, session(reader), moderator, session(moderator));

        // The reader has read posts 1-3; the author then writes post 4 and the seeder post 5.
        get("/topic?id=" + topic, sessions.get(reader), null);
        long authorsPost = reply(author, topic, "四楼 " + unique);
        seeder.replies(topic, List.of("五楼 " + unique));

        // First, all at once: each sees what is new to them.
        Map<String, String> first = all(List.of(author, reader, moderator), sessions, "/topic?id=" + topic);
        assertThat(newPosts(first.get(reader))).containsExactly(4, 5);
        assertThat(newPosts(first.get(moderator))).containsExactly(1, 2, 3, 4, 5);
        Map<String, String> tokens = Map.of(author, token(first.get(author)), reader, token(first.get(reader)),
                moderator, token(first.get(moderator)));
        assertThat(tokens.values()).doesNotHaveDuplicates();

        // Then many rounds at once: nothing is new any more, and everyone still gets only their own.
        for (int round = 0; round < 15; round++) {
            Map<String, String> pages = all(List.of(author, reader, moderator, reader, author, moderator), sessions, "/topic?id=" + topic);
            for (Map.Entry<String, String> entry : pages.entrySet()) {
                String member = entry.getKey().replaceAll("#\\d+$", "");
                String page = entry.getValue();
                assertThat(who(page)).isEqualTo(member);
                assertThat(token(page)).isEqualTo(tokens.get(member));
                assertThat(newPosts(page)).as(member + " has read everything").isEmpty();
                assertThat(page.contains("/post/delete?post=" + authorsPost)).as(member + " may delete post 4")
                        .isEqualTo(member.equals(author));
                assertThat(page.contains("/post/report?post=" + authorsPost)).as(member + " may report post 4")
                        .isEqualTo(!member.equals(author));
                assertThat(page.contains("/mod/post?id=")).as(member + " moderates").isEqualTo(member.equals(moderator));
            }
        }
    }

    @Test
    void aMembersPageIsInTheLanguageTheyChoseEveryTime() throws Exception {
        Seeder seeder = new Seeder(seederUrl);
        long board = seeder.board("语言 " + unique);
        long topic = seeder.topics(board, List.of("垃圾分类 " + unique)).get(0).id();
        String resident = "lang" + unique;
        seeder.member(resident, "RESIDENT", null);
        String session = session(resident);
        for (String language : List.of("en", "zh-CN", "en", "en", "zh-CN", "zh-CN")) {
            String page = get("/topic?id=" + topic, session, language);
            assertThat(page).containsPattern("<html[^>]* lang=\"" + language + "\"");
            if (language.equals("en")) {
                assertThat(page).contains(">Sign out</button>").doesNotContain(">退出</button>");
            } else {
                assertThat(page).contains(">退出</button>").doesNotContain(">Sign out</button>");
            }
        }
    }

    @Test
    void aChangeReachesEveryMemberOnTheirNextRequest() throws Exception {
        Seeder seeder = new Seeder(seederUrl);
        long board = seeder.board("变化 " + unique);
        long topic = seeder.topics(board, List.of("水管漏水 " + unique)).get(0).id();
        String one = "one" + unique;
        String two = "two" + unique;
        seeder.member(one, "RESIDENT", null);
        seeder.member(two, "RESIDENT", null);
        String first = session(one);
        String second = session(two);
        get("/topic?id=" + topic, first, null);
        get("/board?id=" + board, second, null);

        seeder.replies(topic, List.of("物业来修了 " + unique));

        assertThat(get("/topic?id=" + topic, first, null)).contains("物业来修了 " + unique);
        assertThat(get("/board?id=" + board, second, null)).as("the new reply is unread").contains("class=\"topic has-unread\"");
        assertThat(get("/topic?id=" + topic, second, null)).contains("物业来修了 " + unique);
        assertThat(get("/board?id=" + board, second, null)).as("and now read").doesNotContain("has-unread");
    }

    /** Each member's page, asked for by all at the same moment (keys "name#i" when a member asks more than once). */
    private Map<String, String> all(List<String> members, Map<String, String> sessions, String path) throws Exception {
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(members.size());
        try {
            List<Future<String>> pages = new ArrayList<>();
            for (String member : members) {
                pages.add(pool.submit(() -> {
                    start.await();
                    return get(path, sessions.get(member), null);
                }));
            }
            start.countDown();
            Map<String, String> byMember = new java.util.HashMap<>();
            for (int i = 0; i < members.size(); i++) {
                String key = byMember.containsKey(members.get(i)) ? members.get(i) + "#" + i : members.get(i);
                byMember.put(key, pages.get(i).get());
            }
            return byMember;
        } finally {
            pool.shutdownNow();
        }
    }

    /** A member's session, signed in through the form. */
    private String session(String member) throws Exception {
        try (WebClient web = WebClients.visitor()) {
            WebClients.signIn(web, forum, member, "password-" + member);
            return web.getCookieManager().getCookie("JSESSIONID").getValue();
        }
    }

    /** Replies through the form as {@code member}; the new post's id. */
    private long reply(String member, long topic, String text) throws Exception {
        try (WebClient web = WebClients.visitor()) {
            WebClients.signIn(web, forum, member, "password-" + member);
            HtmlPage form = web.getPage(url("/post/reply?topic=" + topic));
            form.getFormByName("form").getTextAreaByName("form:body").setText(text);
            HtmlPage after = form.getFormByName("form").getInputByName("form:submit").click();
            Matcher edit = Pattern.compile("/post/delete\\?post=(\\d+)").matcher(after.getWebResponse().getContentAsString());
            assertThat(edit.find()).as("the author's own post offers delete").isTrue();
            return Long.parseLong(edit.group(1));
        }
    }

    private String get(String path, String session, String language) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url(path).toString())).GET()
                .header("Accept-Language", "zh-CN,zh;q=0.9");
        List<String> cookies = new ArrayList<>();
        if (session != null) {
            cookies.add("JSESSIONID=" + session);
        }
        if (language != null) {
            cookies.add("linli_lang=" + language);
        }
        if (!cookies.isEmpty()) {
            request.header("Cookie", String.join("; ", cookies));
        }
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(path).isEqualTo(200);
        return response.body();
    }

    private static String who(String page) {
        Matcher who = WHO.matcher(page);
        return who.find() ? who.group(1) : null;
    }

    private static String token(String page) {
        Matcher token = TOKEN.matcher(page);
        return token.find() ? token.group(1) : null;
    }

    private static List<Integer> newPosts(String page) {
        List<Integer> numbers = new ArrayList<>();
        Matcher post = NEW_POST.matcher(page);
        while (post.find()) {
            numbers.add(Integer.parseInt(post.group(1)));
        }
        return numbers;
    }
}
