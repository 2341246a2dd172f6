package org.linli.forum.e2e;

import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import org.jboss.shrinkwrap.resolver.api.maven.Maven;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

import java.io.File;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Accessibility as a tested property, over every page type in both languages, as anonymous
 * visitor, resident, moderator, staff and administrator, error pages and refused forms included:
 * axe-core (WCAG 2.0 and 2.1, A and AA) in Chromium, and the Nu HTML checker over each page's
 * HTML (as the server sent it; for a refused form, as the browser holds it). Both must find
 * nothing; the counts of pages and rules are printed.
 */
class AccessibilityIT extends SeededPagesTest {

    private static final String CANARY = "canary";
    private static final List<String> WCAG = List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa");

    private final String unique = UUID.randomUUID().toString().substring(0, 6);
    private final Map<String, String> pages = new LinkedHashMap<>();
    private final List<String> axeViolations = new ArrayList<>();
    private int rulesChecked;

    @Test
    void everyPageTypeInBothLanguagesHasNoAxeViolationAndNoNuError() throws Exception {
        Seeder seeder = new Seeder(seederUrl);
        long board = seeder.board("无障碍 " + unique, "PROBLEMS");
        String resident = "a11y" + unique;
        String moderator = "a11ymod" + unique;
        seeder.member(resident, "RESIDENT", null);
        seeder.member(moderator, "MODERATOR", board);
        long topic = seeder.topics(board, List.of("楼道灯不亮 " + unique)).get(0).id();
        long reply = seeder.replies(topic, List.of("| 楼层 | 情况 |\n|---|---|\n| 三楼 | 不亮 |\n\n> 引用一段话\n\n`代码` **加粗**")).get(0).id();
        // Visitors may reply on this board: its topic page has the guest form.
        seeder.guests(board);

        for (String language : List.of("zh", "en")) {
            browser.get(url("/").toString());
            browser.manage().deleteAllCookies();
            browser.get(url("/").toString());
            navigate(By.id("lang-" + language));
            String tag = "[" + language + "] ";

            // Anonymous.
            for (String page : List.of("/", "/board?id=" + board, "/topic?id=" + topic, "/search?q=楼道灯", "/search?q=鼹鼷qzxjvkw",
                    "/member/sign-in", "/member/register", "/member/forgot", "/member/reset?m=1&e=1&t=x", "/topic?id=999999999",
                    "/no/such/page")) {
                check(tag + "anonymous " + page, page);
            }
            browser.get(url("/member/register").toString());
            browser.findElement(By.id("form:username")).sendKeys("x");
            navigate(By.id("form:submit"));
            checkCurrent(tag + "anonymous refused registration");
            browser.get(url("/topic?id=" + topic).toString());
            browser.findElement(By.id("guest-name")).sendKeys("访客");
            browser.findElement(By.id("guest-email")).sendKeys("visitor@example.org");
            browser.findElement(By.id("guestBody")).sendKeys("我也看到了");
            navigate(By.id("guestReplySubmit"));
            checkCurrent(tag + "anonymous refused guest reply");
            browser.get(url("/member/sign-in").toString());
            browser.findElement(By.id("form:username")).sendKeys(resident);
            browser.findElement(By.id("form:password")).sendKeys("wrong-password");
            navigate(By.id("form:submit"));
            checkCurrent(tag + "anonymous refused sign-in");

            // A resident.
            signIn(resident, "password-" + resident);
            for (String page : List.of("/", "/board?id=" + board, "/topic?id=" + topic, "/post/reply?topic=" + topic,
                    "/post/new-topic?board=" + board, "/post/report?post=" + reply, "/member/notifications", "/member/settings",
                    "/member/reports", "/member/topics", "/member/watch?topic=" + topic, "/search?q=楼道灯")) {
                check(tag + "resident " + page, page);
            }
            browser.get(url("/topic?id=" + topic).toString());
            navigate(By.id("quickReplySubmit"));
            checkCurrent(tag + "resident refused quick reply");
            browser.get(url("/post/new-topic?board=" + board).toString());
            navigate(By.id("form:submit"));
            checkCurrent(tag + "resident refused new topic");
            navigate(By.id("signOut:submit"));

            // A moderator of the board.
            signIn(moderator, "password-" + moderator);
            for (String page : List.of("/topic?id=" + topic, "/mod/topic?id=" + topic, "/mod/post?id=" + reply, "/mod/reports",
                    "/mod/member?name=" + resident, "/mod/log", "/mod/guest-replies")) {
                check(tag + "moderator " + page, page);
            }
            browser.get(url("/mod/topic?id=" + topic).toString());
            navigate(By.id("form:hide"));
            checkCurrent(tag + "moderator refused hide (no reason)");
            navigate(By.id("signOut:submit"));

            // Staff.
            signIn("staff", "linli-staff");
            for (String page : List.of("/topic?id=" + topic, "/staff/dashboard", "/post/reply?topic=" + topic)) {
                check(tag + "staff " + page, page);
            }
            browser.get(url("/topic?id=" + topic).toString());
            navigate(By.id("stepRESOLVED"));
            checkCurrent(tag + "staff refused resolution (no note)");
            navigate(By.id("signOut:submit"));

            // An administrator.
            signIn("admin", "linli-admin");
            for (String page : List.of("/admin/boards", "/admin/board?id=" + board, "/admin/members", "/admin/import")) {
                check(tag + "admin " + page, page);
            }
            navigate(By.id("signOut:submit"));
        }

        List<String> nuErrors = nuErrors();
        System.out.println("Accessibility: " + pages.size() + " pages; axe-core " + rulesChecked + " rule runs ("
                + String.join(", ", WCAG) + "), " + axeViolations.size() + " violations; Nu HTML checker "
                + nuErrors.size() + " errors");
        assertThat(axeViolations).isEmpty();
        assertThat(nuErrors).isEmpty();
    }

    /** Loads the page and checks it. */
    private void check(String name, String path) throws Exception {
        browser.get(url(path).toString());
        axe(name);
        // The page again, as the server sends it (the browser's cookies go with it).
        Object raw = browser.executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                fetch(location.href, {credentials: 'same-origin'}).then(r => r.text()).then(done, e => done('fetch failed: ' + e));
                """);
        pages.put(name, String.valueOf(raw));
    }

    /** Checks the page the browser shows (the answer to a form), as the browser holds it. */
    private void checkCurrent(String name) {
        axe(name);
        pages.put(name, "<!DOCTYPE html>\n" + browser.executeScript("return document.documentElement.outerHTML"));
    }

    private void axe(String name) {
        Results results = new AxeBuilder().withTags(WCAG).analyze(browser);
        rulesChecked += results.getPasses().size() + results.getViolations().size() + results.getIncomplete().size();
        for (Rule violation : results.getViolations()) {
            axeViolations.add(name + ": " + violation.getId() + " (" + violation.getHelp() + ") at "
                    + violation.getNodes().stream().map(node -> String.valueOf(node.getTarget())).collect(Collectors.joining(", ")));
        }
    }

    /** Runs the Nu HTML checker (its own JVM: its libraries would clash with the tests') over every page kept. */
    private List<String> nuErrors() throws Exception {
        Path dir = Files.createDirectories(Path.of("target", "nu-pages"));
        Map<String, String> names = new LinkedHashMap<>();
        int n = 0;
        for (Map.Entry<String, String> page : pages.entrySet()) {
            Path file = dir.resolve(String.format("page-%03d.html", n++));
            Files.writeString(file, page.getValue(), StandardCharsets.UTF_8);
            names.put(file.toAbsolutePath().toString(), page.getKey());
        }
        // A page with a known error: the checker must find it, or it checked nothing.
        Path canary = dir.resolve("canary.html");
        Files.writeString(canary, "<!DOCTYPE html><html lang=\"en\"><head><title>c</title></head><body><p><time datetime=\"yesterday\">x</time></p></body></html>");
        names.put(canary.toAbsolutePath().toString(), CANARY);
        File[] jars = Maven.resolver().resolve(System.getProperty("linli.vnu", "nu.validator:validator:20.7.2"))
                .withTransitivity().asFile();
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", Arrays.stream(jars).map(File::getPath).collect(Collectors.joining(File.pathSeparator)),
                "nu.validator.client.SimpleCommandLineValidator", "--errors-only", "--exit-zero-always", "--format", "gnu"));
        command.addAll(names.keySet());
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(5, TimeUnit.MINUTES)).as("the Nu checker finished").isTrue();
        assertThat(process.exitValue()).as("the Nu checker ran: " + output).isZero();
        List<String> errors = new ArrayList<>();
        Pattern line = Pattern.compile("\"?(file:[^\"]+?)\"?:(.*)");
        boolean canaryFound = false;
        for (String message : output.lines().toList()) {
            Matcher m = line.matcher(message);
            if (!m.matches()) {
                continue;  // the checker's own log lines
            }
            String file = Path.of(URI.create(m.group(1))).toAbsolutePath().toString();
            String page = names.getOrDefault(file, file);
            if (page.equals(CANARY)) {
                canaryFound = true;
            } else {
                errors.add(page + ": " + m.group(2));
            }
        }
        assertThat(canaryFound).as("the Nu checker reports the canary page's error: " + output).isTrue();
        return errors;
    }
}
