package org.linli.forum.e2e;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.zip.GZIPInputStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The importer as an operator uses it, in the real server: the Jakarta Batch job started from the
 * administration page and from the management CLI, on slices of both corpora; what it made is
 * on the pages and in search, and a second run brings in nothing.
 */
class ImportIT extends SeededPagesTest {

    private final String unique = UUID.randomUUID().toString().substring(0, 6);
    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void anAdministratorImportsAMessageBoardFromThePageAndAgainWithoutDuplicates() throws Exception {
        List<String> lines = withFreshIds(corpusLines("zh/gov-message-board.train.jsonl.gz", 30, true));
        lines.add(3, "{\"id\": \"broken-" + unique + "\", \"title\": ");
        lines.add(7, "[\"not\", \"a\", \"record\"]");
        String fileName = "board-" + unique + ".jsonl";
        Files.write(importFolder().resolve(fileName), lines, StandardCharsets.UTF_8);
        String board = "导入 " + unique;

        signInAsAdministrator();
        browser.get(url("/admin/import").toString());
        new Select(browser.findElement(By.id("form:file"))).selectByValue(fileName);
        new Select(browser.findElement(By.id("form:format"))).selectByValue("MESSAGE_BOARD");
        browser.findElement(By.id("form:board")).sendKeys(board);
        navigate(By.id("form:start"));
        assertThat(browser.findElement(By.id("started")).getText()).isNotBlank();

        WebElement run = finishedRun(fileName);
        assertThat(cell(run, "imported")).isEqualTo("30");
        assertThat(cell(run, "failed")).isEqualTo("2");
        assertThat(cell(run, "skipped")).isEqualTo("0");
        run.findElement(By.tagName("a")).click();
        List<WebElement> problems = browser.findElements(By.cssSelector("#problems tr.problem"));
        assertThat(problems).extracting(p -> p.findElement(By.cssSelector(".line")).getText()).containsExactly("4", "8");
        assertThat(problems.get(0).findElement(By.cssSelector(".reason")).getText()).containsAnyOf("JSON");

        // The board is there, its answered problems resolved with the official answer shown.
        String html = get("/");
        assertThat(html).contains(board);
        String answered = lines.stream().filter(l -> l.contains("\"reply\"")).findFirst().orElseThrow();
        String title = field(answered, "title");
        // Quoted: exactly that title, not the posts that share some of its words.
        String searchPage = searchUntilFound("\"" + title.replace("\"", " ") + "\"");
        assertThat(searchPage).contains(board);

        // Starting it is in the audit log, with the file.
        browser.get(url("/mod/log").toString());
        assertThat(browser.findElement(By.tagName("main")).getText()).contains(fileName);

        // The same file again: nothing new.
        browser.get(url("/admin/import").toString());
        new Select(browser.findElement(By.id("form:file"))).selectByValue(fileName);
        new Select(browser.findElement(By.id("form:format"))).selectByValue("MESSAGE_BOARD");
        browser.findElement(By.id("form:board")).sendKeys(board);
        navigate(By.id("form:start"));
        WebElement again = finishedRun(fileName);
        assertThat(cell(again, "imported")).isEqualTo("0");
        assertThat(cell(again, "skipped")).isEqualTo("30");
    }

    @Test
    void theManagementCliImportsANewsgroupArchive() throws Exception {
        List<String> lines = withFreshIds(corpusLines("en/mini_newsgroups.train-threads.jsonl.gz", 120, false));
        Path file = importFolder().resolve("news-" + unique + ".jsonl");
        Files.write(file, lines, StandardCharsets.UTF_8);

        Process cli = new ProcessBuilder(Path.of(System.getProperty("jboss.home"), "bin", "jboss-cli.sh").toString(),
                "--controller=127.0.0.1:10090", "--connect",
                "--command=/deployment=linli-forum.ear/subdeployment=forum-ejb.jar/subsystem=batch-jberet:start-job("
                        + "job-xml-name=linli-import, properties={file=\"" + file.toAbsolutePath() + "\", format=newsgroups})")
                .redirectErrorStream(true).start();
        String output = new String(cli.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(cli.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(output).contains("\"outcome\" => \"success\"");

        signInAsAdministrator();
        WebElement run = finishedRun(file.getFileName().toString());
        int imported = Integer.parseInt(cell(run, "imported"));
        assertThat(imported + Integer.parseInt(cell(run, "failed"))).isEqualTo(120);
        assertThat(imported).isGreaterThan(110);
        assertThat(get("/")).contains("alt.atheism");
        // Original authors are members who cannot sign in: the sign-in form refuses any password.
        HttpResponse<String> signIn = http.send(HttpRequest.newBuilder(url("/member/sign-in").toURI()).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(signIn.statusCode()).isEqualTo(200);
    }

    private void signInAsAdministrator() throws Exception {
        browser.get(url("/admin/import").toString());
        if (browser.findElements(By.id("form:start")).isEmpty()) {
            browser.findElement(By.id("form:username")).sendKeys("it-admin");
            browser.findElement(By.id("form:password")).sendKeys("it-admin-password-2026");
            navigate(By.id("form:submit"));
        }
        assertThat(browser.findElements(By.id("form:start"))).isNotEmpty();
    }

    /** Reloads the import page until the newest run of {@code fileName} has ended; returns its row. */
    private WebElement finishedRun(String fileName) throws Exception {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(120));
        while (true) {
            browser.get(url("/admin/import").toString());
            WebElement run = browser.findElements(By.cssSelector("#runs tr.run")).stream()
                    .filter(r -> r.findElement(By.tagName("a")).getText().equals(fileName))
                    .findFirst().orElse(null);
            if (run != null && !run.findElement(By.cssSelector(".status")).getText().matches("(?s).*(进行中|Running).*")) {
                assertThat(run.findElement(By.cssSelector(".status")).getText()).matches("(?s).*(已完成|Finished).*");
                return run;
            }
            assertThat(Instant.now()).as("the import of " + fileName + " ends").isBefore(deadline);
            Thread.sleep(500);
        }
    }

    private static String cell(WebElement run, String name) {
        return run.findElement(By.cssSelector("td." + name)).getText().strip();
    }

    private String searchUntilFound(String words) throws Exception {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(20));
        while (true) {
            String page = get("/search?q=" + URLEncoder.encode(words, StandardCharsets.UTF_8));
            if (page.contains("hit-title")) {
                return page;
            }
            assertThat(Instant.now()).as("imported posts reach search").isBefore(deadline);
            Thread.sleep(300);
        }
    }

    private String get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url(path).toString())).GET().build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8)).body();
    }

    private static Path importFolder() throws IOException {
        return Files.createDirectories(Path.of(System.getProperty("it.data.dir"), "import"));
    }

    /** The first {@code count} records of a corpus file; for the message board, answered ones first among them. */
    private static List<String> corpusLines(String name, int count, boolean someAnswered) throws IOException {
        List<String> lines = new ArrayList<>();
        List<String> answered = new ArrayList<>();
        try (BufferedReader in = new BufferedReader(new InputStreamReader(
                new GZIPInputStream(Files.newInputStream(Corpora.root().resolve(name))), StandardCharsets.UTF_8))) {
            for (String line = in.readLine(); line != null && lines.size() + answered.size() < count; line = in.readLine()) {
                if (someAnswered && line.contains("\"reply\"") && answered.size() < count / 3) {
                    answered.add(line);
                } else if (!someAnswered || lines.size() < count - count / 3) {
                    lines.add(line);
                }
            }
        }
        lines.addAll(0, answered);
        return lines;
    }

    /** The records under ids of this run's own, so that a test server's data directory that saw them before imports them anew. */
    private List<String> withFreshIds(List<String> lines) {
        return new ArrayList<>(lines.stream().map(l -> l.replaceFirst("\\{\"id\": \"", "{\"id\": \"" + unique + "-")).toList());
    }

    /** A top-level text field of a JSON line (the corpora write them plainly). */
    private static String field(String line, String name) {
        var json = jakarta.json.Json.createReader(new java.io.StringReader(line)).readObject();
        return json.getString(name);
    }
}
