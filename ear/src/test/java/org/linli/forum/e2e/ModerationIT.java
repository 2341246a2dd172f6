package org.linli.forum.e2e;

import org.htmlunit.Page;
import org.htmlunit.WebClient;
import org.htmlunit.WebRequest;
import org.htmlunit.WebResponse;
import org.htmlunit.html.DomElement;
import org.htmlunit.html.DomNode;
import org.htmlunit.html.HtmlButton;
import org.htmlunit.html.HtmlForm;
import org.htmlunit.html.HtmlPage;
import org.htmlunit.html.HtmlSelect;
import org.htmlunit.html.HtmlSubmitInput;
import org.htmlunit.html.HtmlTextArea;
import org.junit.jupiter.api.Test;
import org.linli.forum.it.PermissionMatrix;
import org.linli.forum.it.PermissionMatrix.Action;
import org.linli.forum.it.PermissionMatrix.Actor;
import org.openqa.selenium.By;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Moderation through the pages: a moderator locks and pins in Chromium and a resident sees it;
 * the permission matrix over HTTP, each refused role replaying a higher role's form POST; a
 * suspended member's open session; flood control and sign-in throttling as HTTP clients see them.
 */
class ModerationIT extends SeededPagesTest {

    private final String unique = UUID.randomUUID().toString().substring(0, 6);

    @Test
    void aModeratorLocksAndPinsATopicAndAResidentSeesIt() throws Exception {
        Seeder seeder = new Seeder(seederUrl);
        long board = seeder.board("锁定 " + unique);
        long topic = seeder.topics(board, List.of("路灯维修进度 " + unique)).get(0).id();
        seeder.topics(board, List.of("后来的主题一 " + unique, "后来的主题二 " + unique));
        seeder.member("mod" + unique, "MODERATOR", board);
        seeder.member("res" + unique, "RESIDENT", null);

        // A resident has the topic open, with its quick reply, before it is locked.
        WebClient early = WebClients.visitor();
        WebClients.signIn(early, forum, "res" + unique, "password-res" + unique);
        HtmlPage open = early.getPage(url("/topic?id=" + topic));

        signIn("mod" + unique, "password-mod" + unique);
        browser.get(url("/topic?id=" + topic).toString());
        navigate(By.id("moderateTopic"));
        navigate(By.id("form:lock"));
        assertThat(browser.findElement(By.id("lockedBanner")).isDisplayed()).isTrue();
        navigate(By.id("moderateTopic"));
        assertThat(browser.findElements(By.cssSelector("#form .form-actions input")).stream().map(b -> b.getAttribute("id")).toList())
                .as("only the actions the topic's state allows").containsExactly("form:unlock", "form:pin", "form:hide", "form:move");
        navigate(By.id("form:pin"));
        assertThat(browser.findElement(By.id("pinnedBadge")).isDisplayed()).isTrue();
        assertThat(seeder.state("topic", topic)).contains("locked=true", "pinned=true");
        navigate(By.id("signOut:submit"));

        signIn("res" + unique, "password-res" + unique);
        browser.get(url("/board?id=" + board).toString());
        assertThat(browser.findElements(By.cssSelector("table.topics a.topic-title")).get(0).getText()).isEqualTo("路灯维修进度 " + unique);
        assertThat(browser.findElement(By.cssSelector("table.topics tbody tr")).getAttribute("class")).contains("pinned", "locked");
        navigate(By.cssSelector("table.topics a.topic-title"));
        assertThat(browser.findElement(By.id("lockedBanner")).getText()).isNotBlank();
        assertThat(browser.findElements(By.id("reply"))).isEmpty();
        assertThat(browser.findElements(By.cssSelector("a.quote"))).isEmpty();
        assertThat(browser.findElements(By.id("moderateTopic"))).isEmpty();
        assertThat(browser.findElements(By.id("quickReply"))).isEmpty();
        assertThat(browser.findElement(By.id("replyClosed")).getText()).contains("锁定");
        // The reply page has no form to fill in vain either: it says why.
        browser.get(url("/post/reply?topic=" + topic).toString());
        assertThat(browser.findElements(By.id("form:body"))).isEmpty();
        assertThat(browser.findElement(By.id("replyClosed")).getText()).contains("锁定");
        navigate(By.id("signOut:submit"));
        // A quick reply typed before the lock is refused on the topic page, with its text kept.
        try (early) {
            ((HtmlTextArea) open.getElementById("quickReplyBody")).setText("还是不亮");
            HtmlPage refused = ((HtmlButton) open.getElementById("quickReplySubmit")).click();
            assertThat(refused.getWebResponse().getStatusCode()).isEqualTo(422);
            assertThat(refused.getElementById("replyClosed").getTextContent()).contains("锁定");
        }
        assertThat(seeder.state("topic", topic)).contains("replies=0");
    }

    @Test
    void everyRoleGetsExactlyTheActionsItShouldOverHttp() throws Exception {
        Seeder seeder = new Seeder(seederUrl);
        long boardA = seeder.board("A " + unique);
        long boardB = seeder.board("B " + unique);
        Map<Actor, String> names = new EnumMap<>(Actor.class);
        names.put(Actor.RESIDENT, "owner" + unique);
        names.put(Actor.ANOTHER_RESIDENT, "other" + unique);
        names.put(Actor.MODERATOR_OF_A, "modA" + unique);
        names.put(Actor.MODERATOR_OF_B, "modB" + unique);
        names.put(Actor.STAFF, "staff" + unique);
        names.put(Actor.ADMIN, "admin" + unique);
        names.put(Actor.SUSPENDED, "banned" + unique);
        seeder.member(names.get(Actor.RESIDENT), "RESIDENT", null);
        seeder.member(names.get(Actor.ANOTHER_RESIDENT), "RESIDENT", null);
        seeder.member(names.get(Actor.MODERATOR_OF_A), "MODERATOR", boardA);
        seeder.member(names.get(Actor.MODERATOR_OF_B), "MODERATOR", boardB);
        seeder.member(names.get(Actor.STAFF), "STAFF", null);
        seeder.member(names.get(Actor.ADMIN), "ADMIN", null);
        seeder.member(names.get(Actor.SUSPENDED), "RESIDENT", null);

        Map<Actor, WebClient> sessions = new EnumMap<>(Actor.class);
        for (Actor actor : Actor.values()) {
            WebClient web = WebClients.visitor();
            if (actor != Actor.ANONYMOUS) {
                WebClients.signIn(web, forum, names.get(actor), "password-" + names.get(actor));
            }
            sessions.put(actor, web);
        }
        // The suspended member signed in while they still could; their session must be worthless now.
        seeder.suspend(names.get(Actor.SUSPENDED));
        WebClient replayer = sessions.get(Actor.ADMIN);

        List<String> wrong = new ArrayList<>();
        int cases = 0;
        for (Action action : Action.values()) {
            for (Actor actor : Actor.values()) {
                HttpCase world = new HttpCase(seeder, boardA, boardB, names, sessions.get(Actor.RESIDENT));
                boolean done = world.attempt(action, actor, sessions.get(actor), replayer);
                cases++;
                boolean expected = PermissionMatrix.allows(actor, action);
                if (done != expected) {
                    wrong.add(actor + " " + action + ": " + (done ? "done" : "refused") + ", expected " + (expected ? "done" : "refused"));
                }
                if (!world.errors.isEmpty()) {
                    wrong.add(actor + " " + action + ": " + world.errors);
                }
            }
        }
        sessions.values().forEach(WebClient::close);
        System.out.println("Permission matrix (HTTP): " + cases + " cases asserted, " + wrong.size() + " wrong");
        assertThat(wrong).isEmpty();
    }

    /** One case: fresh content, one action by one actor, and what became of it. */
    private final class HttpCase {

        final List<String> errors = new ArrayList<>();
        private final Seeder seeder;
        private final long boardB;
        private final Map<Actor, String> names;
        private final long topic;
        private final long opening;
        private final long ownerPost;
        private final long hiddenPost;
        private final String victim;

        HttpCase(Seeder seeder, long boardA, long boardB, Map<Actor, String> names, WebClient owner) throws Exception {
            this.seeder = seeder;
            this.boardB = boardB;
            this.names = names;
            String id = UUID.randomUUID().toString().substring(0, 8);
            topic = seeder.topics(boardA, List.of("矩阵 " + id)).get(0).id();
            opening = firstPostOf(owner, topic);
            ownerPost = reply(owner, topic, "业主的帖子 " + id);
            hiddenPost = seeder.replies(topic, List.of("隐藏的内容 " + id)).get(0).id();
            seeder.hide(hiddenPost);
            victim = "victim" + id;
            seeder.member(victim, "RESIDENT", null);
        }

        boolean attempt(Action action, Actor actor, WebClient web, WebClient replayer) throws Exception {
            if (action == Action.REPLY_LOCKED) {
                seeder.lock(topic);
            }
            long others = actor == Actor.RESIDENT ? opening : ownerPost;
            return switch (action) {
                case READ_HIDDEN -> shows(web, "/p?id=" + hiddenPost, "article#p3");
                case VIEW_REPORTS -> shows(web, "/mod/reports", "#noReports, section.report");
                case VIEW_AUDIT_LOG -> shows(web, "/mod/log", "form#filters");
                case VIEW_TOPIC_MODERATION -> shows(web, "/mod/topic?id=" + topic, "#form\\:lock, #form\\:unlock");
                case VIEW_POST_MODERATION -> shows(web, "/mod/post?id=" + ownerPost, "#form\\:hide");
                case VIEW_MEMBER_MODERATION -> shows(web, "/mod/member?name=" + victim, "#memberStatus");
                case VIEW_DASHBOARD -> agree(shows(web, "/staff/dashboard", "#counts"), csv(web, "/staff/problems.csv"),
                        "/staff/dashboard and /staff/problems.csv");
                case VIEW_ROLES -> shows(web, "/admin/members?name=" + victim, "#memberName");
                case VIEW_IMPORTS -> shows(web, "/admin/import", "#form\\:file");
                case REPLY, REPLY_LOCKED -> {
                    form(actor, web, replayer, "/post/reply?topic=" + topic, "form:submit", f -> f.getTextAreaByName("form:body").setText("回复 " + UUID.randomUUID()));
                    yield seeder.state("topic", topic).contains("replies=3");
                }
                case EDIT_OWN -> {
                    long own = actor == Actor.RESIDENT ? ownerPost
                            : actor == Actor.ANONYMOUS || actor == Actor.SUSPENDED ? ownerPost : reply(web, topic, "我的 " + UUID.randomUUID());
                    form(actor, web, replayer, "/post/edit?post=" + own, "form:submit", f -> f.getTextAreaByName("form:body").setText("改过 " + UUID.randomUUID()));
                    yield seeder.state("post", own).contains("edited=true");
                }
                case EDIT_OTHERS -> {
                    form(actor, web, replayer, "/post/edit?post=" + others, "form:submit", f -> f.getTextAreaByName("form:body").setText("改别人的 " + UUID.randomUUID()));
                    yield seeder.state("post", others).contains("edited=true");
                }
                case LOCK -> {
                    form(actor, web, replayer, "/mod/topic?id=" + topic, "form:lock", f -> { });
                    yield seeder.state("topic", topic).contains("locked=true");
                }
                case PIN -> {
                    form(actor, web, replayer, "/mod/topic?id=" + topic, "form:pin", f -> { });
                    yield seeder.state("topic", topic).contains("pinned=true");
                }
                case MOVE -> {
                    form(actor, web, replayer, "/mod/topic?id=" + topic, "form:move",
                            f -> { HtmlSelect select = f.getSelectByName("form:board"); select.setSelectedAttribute(select.getOptionByValue(Long.toString(boardB)), true); });
                    yield seeder.state("topic", topic).contains("board=" + boardB + " ");
                }
                case HIDE_TOPIC -> {
                    form(actor, web, replayer, "/mod/topic?id=" + topic, "form:hide", f -> f.getTextAreaByName("form:reason").setText("重复"));
                    yield seeder.state("topic", topic).contains("hidden=true");
                }
                case HIDE_POST -> {
                    form(actor, web, replayer, "/mod/post?id=" + ownerPost, "form:hide", f -> f.getTextAreaByName("form:reason").setText("广告"));
                    yield seeder.state("post", ownerPost).contains("hidden=true");
                }
                case RESTORE -> {
                    form(actor, web, replayer, "/mod/post?id=" + hiddenPost, "form:restore", f -> f.getTextAreaByName("form:reason").setText("误删"));
                    yield seeder.state("post", hiddenPost).contains("hidden=false");
                }
                case SUSPEND -> {
                    form(actor, web, replayer, "/mod/member?name=" + victim, "form:suspend", f -> f.getTextAreaByName("form:reason").setText("辱骂"));
                    yield seeder.state("member", victim).contains("suspended=true");
                }
                case MANAGE_ROLES -> {
                    form(actor, web, replayer, "/admin/members?name=" + victim, "form:save",
                            f -> { HtmlSelect select = f.getSelectByName("form:role"); select.setSelectedAttribute(select.getOptionByValue("STAFF"), true); });
                    yield seeder.state("member", victim).contains("role=STAFF");
                }
            };
        }

        /** A download: whether it came as the CSV file, not a page. */
        private boolean csv(WebClient web, String path) throws Exception {
            Page page = web.getPage(url(path));
            checkStatus(page.getWebResponse(), path);
            return page.getWebResponse().getStatusCode() == 200
                    && page.getWebResponse().getContentType().startsWith("text/csv");
        }

        /** Two reads that must be allowed to the same actors. */
        private boolean agree(boolean one, boolean other, String what) {
            if (one != other) {
                errors.add(what + " disagree");
            }
            return one && other;
        }

        /** Whether the page answers the actor with itself (an element only it has), not a 404 or the sign-in form. */
        private boolean shows(WebClient web, String path, String selector) throws Exception {
            Page page = web.getPage(url(path));
            checkStatus(page.getWebResponse(), path);
            return page instanceof HtmlPage html && page.getWebResponse().getStatusCode() == 200
                    && html.querySelector(selector) != null && html.getElementById("form:password") == null;
        }

        /**
         * Sends the form as the actor: through their own page when they get it, or else by
         * replaying the form POST the replayer (an administrator) would send.
         */
        private void form(Actor actor, WebClient web, WebClient replayer, String path, String button,
                          Consumer<HtmlForm> fill) throws Exception {
            Page own = web.getPage(url(path));
            checkStatus(own.getWebResponse(), path);
            // The sign-in page (shown to anonymous and ended sessions) is not the action's form.
            HtmlForm form = own instanceof HtmlPage html && html.getElementById("form:password") == null ? formOf(html, button) : null;
            if (form != null) {
                fill.accept(form);
                Page after = ((HtmlSubmitInput) form.getInputByName(button)).click();
                checkStatus(after.getWebResponse(), path + " " + button);
                return;
            }
            HtmlPage higher = replayer.getPage(url(path));
            HtmlForm template = formOf(higher, button);
            if (template == null) {
                errors.add("the administrator got no form at " + path);
                return;
            }
            fill.accept(template);
            WebRequest replay = template.getWebRequest(template.getInputByName(button));
            WebResponse response = web.loadWebResponse(replay);
            checkStatus(response, "replay " + path + " " + button);
            if (response.getStatusCode() == 200 && actor != Actor.ANONYMOUS && actor != Actor.SUSPENDED) {
                errors.add("a refused replay of " + path + " answered 200");
            }
        }

        private HtmlForm formOf(HtmlPage page, String button) {
            return page.getForms().stream().filter(f -> !f.getInputsByName(button).isEmpty()).findFirst().orElse(null);
        }

        private void checkStatus(WebResponse response, String what) {
            if (response.getStatusCode() >= 500) {
                errors.add(what + " answered " + response.getStatusCode());
            }
        }

        private long firstPostOf(WebClient owner, long topicId) throws Exception {
            HtmlPage page = owner.getPage(url("/topic?id=" + topicId));
            return Long.parseLong(page.querySelector("#p1 a.number").getAttributes().getNamedItem("href").getNodeValue().replaceAll(".*id=", ""));
        }

        private long reply(WebClient author, long topicId, String text) throws Exception {
            HtmlPage form = author.getPage(url("/post/reply?topic=" + topicId));
            form.getFormByName("form").getTextAreaByName("form:body").setText(text);
            HtmlPage after = form.getFormByName("form").getInputByName("form:submit").click();
            String anchor = after.getUrl().getRef();
            return Long.parseLong(after.querySelector("#" + anchor + " a.number").getAttributes().getNamedItem("href")
                    .getNodeValue().replaceAll(".*id=", ""));
        }
    }

    @Test
    void aResidentReportsAPostAModeratorDismissesItAndTheReporterSeesTheOutcome() throws Exception {
        Seeder seeder = new Seeder(seederUrl);
        long board = seeder.board("举报页 " + unique);
        long topic = seeder.topics(board, List.of("举报 " + unique)).get(0).id();
        long post = seeder.replies(topic, List.of("可疑的广告 " + unique)).get(0).id();
        String reporter = "reporter" + unique;
        seeder.member(reporter, "RESIDENT", null);
        seeder.member("boardmod" + unique, "MODERATOR", board);

        try (WebClient resident = WebClients.visitor(); WebClient moderator = WebClients.visitor()) {
            WebClients.signIn(resident, forum, reporter, "password-" + reporter);
            HtmlPage form = resident.getPage(url("/post/report?post=" + post));
            HtmlPage refused = form.getFormByName("form").getInputByName("form:submit").click();
            assertThat(refused.getWebResponse().getStatusCode()).as("a reason is required").isEqualTo(422);
            refused.getFormByName("form").getTextAreaByName("form:reason").setText("广告");
            HtmlPage mine = refused.getFormByName("form").getInputByName("form:submit").click();
            assertThat(mine.querySelector("#reports tr.report").getAttributes().getNamedItem("data-status").getNodeValue()).isEqualTo("OPEN");
            assertThat(((HtmlPage) resident.getPage(url("/post/report?post=" + post))).getElementById("alreadyReported")).isNotNull();

            WebClients.signIn(moderator, forum, "boardmod" + unique, "password-boardmod" + unique);
            HtmlPage queue = moderator.getPage(url("/mod/reports"));
            DomElement section = queue.querySelectorAll("section.report").stream().map(n -> (DomElement) n)
                    .filter(n -> n.getTextContent().contains("可疑的广告 " + unique)).findFirst().orElseThrow();
            HtmlForm resolve = (HtmlForm) section.querySelector("form");
            resolve.getInputsByName(resolve.getId() + ":note").get(0).setValue("这是正常的转让信息");
            HtmlPage after = ((HtmlSubmitInput) resolve.getInputsByName(resolve.getId() + ":dismiss").get(0)).click();
            assertThat(after.getWebResponse().getStatusCode()).isEqualTo(200);
            assertThat(after.asNormalizedText()).doesNotContain("可疑的广告 " + unique);

            HtmlPage outcome = resident.getPage(url("/member/reports"));
            assertThat(outcome.querySelector("#reports tr.report").getAttributes().getNamedItem("data-status").getNodeValue())
                    .isEqualTo("DISMISSED");
            assertThat(outcome.querySelector("#reports .note").getTextContent()).isEqualTo("这是正常的转让信息");
            HtmlPage log = moderator.getPage(url("/mod/log?action=REPORT_DISMISSED&moderator=boardmod" + unique));
            assertThat(log.querySelectorAll("#entries tr.entry")).hasSize(1);
        }
    }

    @Test
    void aSuspendedMembersOpenSessionStopsWorkingAtOnce() throws Exception {
        Seeder seeder = new Seeder(seederUrl);
        long board = seeder.board("停用 " + unique);
        long topic = seeder.topics(board, List.of("停用测试 " + unique)).get(0).id();
        String name = "rude" + unique;
        seeder.member(name, "RESIDENT", null);
        try (WebClient web = WebClients.visitor()) {
            WebClients.signIn(web, forum, name, "password-" + name);
            HtmlPage reply = web.getPage(url("/post/reply?topic=" + topic));
            assertThat(reply.querySelector(".who").getTextContent()).isEqualTo(name);

            seeder.suspend(name);

            // The form was open before the suspension; sending it now stores nothing.
            reply.getFormByName("form").getTextAreaByName("form:body").setText("骂人的话");
            HtmlPage after = reply.getFormByName("form").getInputByName("form:submit").click();
            assertThat(after.getUrl().toString()).contains("/member/sign-in?ended=1");
            assertThat(after.getElementById("sessionEnded")).isNotNull();
            assertThat(after.<DomNode>querySelector(".who")).isNull();
            assertThat(seeder.state("topic", topic)).contains("replies=0");

            HtmlPage home = web.getPage(url("/"));
            assertThat(home.<DomNode>querySelector(".who")).as("still signed out").isNull();
            HtmlPage again = WebClients.signIn(web, forum, name, "password-" + name);
            assertThat(again.getElementById("form:messages").getTextContent()).contains("停用");
            assertThat(again.<DomNode>querySelector(".who")).isNull();
        }
    }

    @Test
    void postingTooFastIsAnswered429WithRetryAfterAndTheTextIsKept() throws Exception {
        Seeder seeder = new Seeder(seederUrl);
        long board = seeder.board("刷屏 " + unique);
        long topic = seeder.topics(board, List.of("刷屏测试 " + unique)).get(0).id();
        String name = "fast" + unique;
        seeder.member(name, "RESIDENT", null);
        seeder.floodInterval(15);
        try (WebClient web = WebClients.visitor()) {
            WebClients.signIn(web, forum, name, "password-" + name);
            HtmlPage first = web.getPage(url("/post/reply?topic=" + topic));
            first.getFormByName("form").getTextAreaByName("form:body").setText("第一次");
            assertThat(((HtmlPage) first.getFormByName("form").getInputByName("form:submit").click()).getWebResponse().getStatusCode())
                    .isEqualTo(200);

            HtmlPage second = web.getPage(url("/post/reply?topic=" + topic));
            second.getFormByName("form").getTextAreaByName("form:body").setText("马上又一次");
            HtmlPage refused = second.getFormByName("form").getInputByName("form:submit").click();
            WebResponse response = refused.getWebResponse();
            assertThat(response.getStatusCode()).isEqualTo(429);
            assertThat(Integer.parseInt(response.getResponseHeaderValue("Retry-After"))).isBetween(1, 15);
            assertThat(refused.getElementById("form:messages").getTextContent()).contains("太快");
            assertThat(refused.getFormByName("form").getTextAreaByName("form:body").getText()).isEqualTo("马上又一次");
            assertThat(seeder.state("topic", topic)).contains("replies=1");
        } finally {
            seeder.floodInterval(0);
        }
    }

    @Test
    void repeatedFailedSignInsAreThrottledThenTheRightPasswordWorksAgain() throws Exception {
        Seeder seeder = new Seeder(seederUrl);
        String name = "guess" + unique;
        seeder.member(name, "RESIDENT", null);
        try (WebClient web = WebClients.visitor()) {
            for (int i = 0; i < 3; i++) {
                HtmlPage wrong = WebClients.signIn(web, forum, name, "wrong-password-" + i);
                assertThat(wrong.getWebResponse().getStatusCode()).isIn(200, 422, 429);
            }
            HtmlPage blocked = WebClients.signIn(web, forum, name, "password-" + name);
            assertThat(blocked.getWebResponse().getStatusCode()).as("even the right password waits").isEqualTo(429);
            int wait = Integer.parseInt(blocked.getWebResponse().getResponseHeaderValue("Retry-After"));
            assertThat(wait).isBetween(1, 15 * 60);
            assertThat(blocked.getElementById("form:messages").getTextContent()).contains("秒");
            assertThat(blocked.<DomNode>querySelector(".who")).isNull();

            Thread.sleep(wait * 1000L + 200);
            HtmlPage signedIn = WebClients.signIn(web, forum, name, "password-" + name);
            assertThat(signedIn.querySelector(".who").getTextContent()).isEqualTo(name);
        }
    }
}
