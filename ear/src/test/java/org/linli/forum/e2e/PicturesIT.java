package org.linli.forum.e2e;

import com.drew.imaging.ImageMetadataReader;
import com.drew.metadata.Metadata;
import com.drew.metadata.exif.ExifIFD0Directory;
import com.drew.metadata.exif.GpsDirectory;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.CRC32;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Residents share pictures, in Chromium: a phone photo (with its GPS position in EXIF) and a
 * WebP picture go into a new topic through the file field, without JavaScript's help; the
 * topic shows them at their size with their descriptions, the photo without its location, and
 * a picture from another site is still not loaded. Refused files say why, in the reader's
 * language, and keep what was typed; hidden and deleted posts take their pictures away.
 */
class PicturesIT extends SeededPagesTest {

    /** The fixtures of the picture tests of forum-ejb (see their README). */
    private static final Path PICTURES = Path.of("../forum-ejb/src/test/resources/pictures").toAbsolutePath().normalize();

    private static final Pattern PICTURE_ADDRESS = Pattern.compile("/pictures/[0-9a-f]{64}(-t)?\\.(jpg|png)");

    private final String unique = UUID.randomUUID().toString().substring(0, 6);
    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void aPhotoIsShownWithItsDescriptionWithoutItsLocationAndOtherSitesPicturesStayLinks() throws Exception {
        newTopicForm("photo" + unique, "城市建设");
        browser.findElement(By.id("form:title")).sendKeys("路灯杆倒了 " + unique);
        browser.findElement(By.id("form:body")).sendKeys("就在小区门口。");
        browser.findElement(By.id("form:pictures")).sendKeys(PICTURES.resolve("phone-gps.jpg") + "\n" + PICTURES.resolve("street.webp"));
        navigate(By.id("form:attach"));

        List<WebElement> attached = browser.findElements(By.cssSelector("#attachedPictures li"));
        assertThat(attached).hasSize(2);
        assertThat(browser.findElement(By.id("form:body")).getAttribute("value")).as("the text stays").isEqualTo("就在小区门口。");
        String photoLine = attached.get(0).findElement(By.cssSelector("code")).getText();
        assertThat(photoLine).matches("!\\[\\]\\(/pictures/[0-9a-f]{64}\\.jpg\\)");
        // The resident puts the photo into the text with one click and describes it where the
        // cursor lands, between the brackets; the WebP picture goes under the text.
        WebElement body = browser.findElement(By.id("form:body"));
        body.sendKeys("\n");
        attached.get(0).findElement(By.cssSelector("button.insert-picture")).click();
        browser.switchTo().activeElement().sendKeys("倒在路边的路灯杆 " + unique);
        assertThat(body.getAttribute("value")).isEqualTo("就在小区门口。\n" + photoLine.replace("![]", "![倒在路边的路灯杆 " + unique + "]") + "\n");
        browser.executeScript("arguments[0].setSelectionRange(arguments[0].value.length, arguments[0].value.length)", body);
        body.sendKeys("\n外站图片：![外站](http://127.0.0.1:9/tracker.png)");
        navigate(By.id("form:submit"));

        WebElement photo = browser.findElement(By.cssSelector(".post-body img[alt='倒在路边的路灯杆 " + unique + "']"));
        // Orientation 6: the 1200 × 900 photo stands upright, its thumbnail 360 × 480.
        assertThat(photo.getDomAttribute("width")).isEqualTo("360");
        assertThat(photo.getDomAttribute("height")).isEqualTo("480");
        assertThat(naturalWidth(photo)).as("loaded").isEqualTo(360L);
        assertThat(photo.findElement(By.xpath("..")).getAttribute("href")).matches(".*/pictures/[0-9a-f]{64}\\.jpg");
        List<WebElement> images = browser.findElements(By.cssSelector(".post-body img"));
        assertThat(images).hasSize(2);
        WebElement webp = images.get(1);
        assertThat(webp.getAttribute("alt")).isEqualTo("图片 / Picture");
        assertThat(naturalWidth(webp)).isEqualTo(480L);
        // The other site's picture is a link, and nothing was fetched from it.
        assertThat(browser.findElement(By.linkText("外站")).getAttribute("href")).isEqualTo("http://127.0.0.1:9/tracker.png");
        @SuppressWarnings("unchecked")
        List<String> fetched = (List<String>) browser.executeScript(
                "return performance.getEntriesByType('resource').map(e => e.name)");
        assertThat(fetched).noneMatch(name -> name.contains("127.0.0.1:9"));

        // The stored photo, as anyone fetches it: the right type and headers, and no location.
        String full = photo.findElement(By.xpath("..")).getAttribute("href");
        HttpResponse<byte[]> response = http.send(HttpRequest.newBuilder(URI.create(full)).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("image/jpeg");
        assertThat(response.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(response.headers().firstValue("Content-Disposition").orElseThrow()).startsWith("inline; filename=\"");
        assertThat(response.headers().firstValue("Cache-Control")).hasValue("public, max-age=31536000, immutable");
        String etag = response.headers().firstValue("ETag").orElseThrow();
        Metadata metadata = ImageMetadataReader.readMetadata(new ByteArrayInputStream(response.body()));
        assertThat(metadata.getFirstDirectoryOfType(GpsDirectory.class)).isNull();
        assertThat(metadata.getFirstDirectoryOfType(ExifIFD0Directory.class)).isNull();
        assertThat(new String(response.body(), StandardCharsets.ISO_8859_1)).doesNotContain("ExamplePhone");
        HttpResponse<Void> again = http.send(HttpRequest.newBuilder(URI.create(full)).header("If-None-Match", etag).build(),
                HttpResponse.BodyHandlers.discarding());
        assertThat(again.statusCode()).isEqualTo(304);

        // Search finds the topic by the photo's description; the board's feed links the pictures in full.
        String topicUrl = browser.getCurrentUrl().replaceAll("#.*", "");
        long topicId = Long.parseLong(topicUrl.replaceAll(".*[?&]id=(\\d+).*", "$1"));
        assertThat(searchFinds("倒在路边的路灯杆 " + unique, "路灯杆倒了 " + unique)).isTrue();
        String feed = get("/feed/board/" + boardOf(topicId));
        assertThat(feed).contains("src=\"" + url("/").toString().replaceAll("/$", "") + "/pictures/");
    }

    @Test
    void refusedFilesSayWhyInTheReadersLanguageAndNothingTypedIsLost() throws Exception {
        newTopicForm("refused" + unique, "物业管理");
        browser.findElement(By.id("form:title")).sendKeys("楼道漏水 " + unique);
        browser.findElement(By.id("form:body")).sendKeys("三楼楼道顶上一直滴水。");

        Path html = Files.writeString(Files.createTempDirectory("pictures").resolve("x.jpg"),
                "<!DOCTYPE html><html><body><script>alert(1)</script></body></html>");
        Path bomb = Files.write(html.resolveSibling("bomb.png"), pngClaiming(50_000, 50_000));
        Path huge = html.resolveSibling("huge.jpg");
        byte[] large = new byte[11 * 1024 * 1024];
        large[0] = (byte) 0xFF;
        large[1] = (byte) 0xD8;
        large[2] = (byte) 0xFF;
        Files.write(huge, large);
        browser.findElement(By.id("form:pictures")).sendKeys(html + "\n" + bomb + "\n" + huge + "\n" + PICTURES.resolve("street.webp"));
        navigate(By.id("form:submit"));

        // Nothing was posted: the form is back with one message per refused file, beside the field.
        assertThat(browser.getCurrentUrl()).contains("/post/new-topic");
        String errors = browser.findElement(By.id("form:picturesError")).getText();
        assertThat(errors).contains("“x.jpg”不是 JPEG、PNG、WebP 或 GIF 图片。")
                .contains("“bomb.png”像素过多（50,000 × 50,000）：最多 50 百万像素。")
                .contains("“huge.jpg”太大：每张图片最大 10 MB。");
        assertThat(browser.findElement(By.id("form:pictures")).getAttribute("aria-invalid")).isEqualTo("true");
        assertThat(browser.findElement(By.id("form:title")).getAttribute("value")).isEqualTo("楼道漏水 " + unique);
        assertThat(browser.findElement(By.id("form:body")).getAttribute("value")).isEqualTo("三楼楼道顶上一直滴水。");
        assertThat(browser.findElements(By.cssSelector("#attachedPictures li"))).as("the good file was kept").hasSize(1);

        // Sending again posts the topic with the picture that was accepted, nothing retyped.
        navigate(By.id("form:submit"));
        assertThat(browser.findElements(By.cssSelector(".post-body img"))).hasSize(1);
        assertThat(browser.findElement(By.cssSelector(".post-body")).getText()).contains("三楼楼道顶上一直滴水。");
    }

    @Test
    void aHiddenPostHidesItsPicturesAndADeletedOneTakesThemAway() throws Exception {
        // The test server runs without flood control (arquillian.xml), so replies follow at once.
        Seeder seeder = new Seeder(seederUrl);
        newTopicForm("hide" + unique, "邻里议事");
        browser.findElement(By.id("form:title")).sendKeys("小区花园 " + unique);
        browser.findElement(By.id("form:body")).sendKeys("大家发发花园的照片。");
        navigate(By.id("form:submit"));
        long topic = topicIdOf(browser.getCurrentUrl());

        // A reply with a picture, hidden by a moderator: to anyone but its uploader and moderators, the picture is gone.
        // Pictures of their own: the same picture posted elsewhere is, rightly, still shown there.
        String hiddenPicture = replyWithPicture(topic, "春天的花园。", uniquePicture("garden"));
        long hiddenReply = lastPostId();
        assertThat(status(hiddenPicture)).isEqualTo(200);
        seeder.hide(hiddenReply);
        assertThat(status(hiddenPicture)).as("a hidden post's picture, to anyone else").isEqualTo(404);
        assertThat(statusInBrowser(hiddenPicture)).as("its uploader still sees it").isEqualTo(200);

        // A reply with a picture, deleted by its author: the picture goes, for everyone.
        String deletedPicture = replyWithPicture(topic, "再来一张。", uniquePicture("again"));
        long deletedReply = lastPostId();
        assertThat(status(deletedPicture)).isEqualTo(200);
        browser.get(url("/post/delete?post=" + deletedReply).toString());
        navigate(By.id("form:submit"));
        assertThat(status(deletedPicture)).isEqualTo(404);
        assertThat(statusInBrowser(deletedPicture)).as("its uploader too").isEqualTo(404);
    }

    @org.junit.jupiter.api.BeforeEach
    void signedOut() {
        browser.manage().deleteAllCookies();
    }

    /** A new resident, signed in, on the new-topic form of {@code board}, reached as a reader does. */
    private void newTopicForm(String resident, String board) throws Exception {
        new Seeder(seederUrl).member(resident, "RESIDENT", null);
        signIn(resident, "password-" + resident);
        browser.get(url("/").toString());
        navigate(By.xpath("//a[@class='board-name'][text()='" + board + "']"));
        navigate(By.id("newTopic"));
    }

    /** A PNG no other test uploads: a drawing with this run's name in it. */
    private Path uniquePicture(String name) throws IOException {
        java.awt.image.BufferedImage image = new java.awt.image.BufferedImage(600, 400, java.awt.image.BufferedImage.TYPE_INT_RGB);
        java.awt.Graphics2D graphics = image.createGraphics();
        graphics.setColor(java.awt.Color.WHITE);
        graphics.fillRect(0, 0, 600, 400);
        graphics.setColor(java.awt.Color.BLUE);
        graphics.drawString(name + " " + unique + " " + System.nanoTime(), 20, 200);
        graphics.dispose();
        Path file = Files.createTempDirectory("pictures").resolve(name + ".png");
        javax.imageio.ImageIO.write(image, "png", file.toFile());
        return file;
    }

    private String replyWithPicture(long topic, String text, Path picture) throws Exception {
        browser.get(url("/post/reply?topic=" + topic).toString());
        browser.findElement(By.id("form:body")).sendKeys(text);
        browser.findElement(By.id("form:pictures")).sendKeys(picture.toString());
        navigate(By.id("form:submit"));
        return pictureOfLastPost();
    }

    private long lastPostId() {
        List<WebElement> posts = browser.findElements(By.cssSelector("article.post"));
        return postIdOf(posts.get(posts.size() - 1));
    }

    /** The status of a request from the signed-in browser (its session cookie goes along). */
    private long statusInBrowser(String path) {
        return ((Number) browser.executeAsyncScript(
                "const done = arguments[arguments.length - 1]; fetch(arguments[0], {cache: 'no-store'}).then(r => done(r.status));", path)).longValue();
    }

    private String pictureOfLastPost() {
        List<WebElement> images = browser.findElements(By.cssSelector(".post-body img"));
        String src = images.get(images.size() - 1).getAttribute("src");
        Matcher matcher = PICTURE_ADDRESS.matcher(src);
        assertThat(matcher.find()).isTrue();
        return matcher.group();
    }

    private static long postIdOf(WebElement post) {
        return Long.parseLong(post.findElement(By.cssSelector("a.number")).getAttribute("href").replaceAll(".*[?&]id=(\\d+).*", "$1"));
    }

    private static long topicIdOf(String topicUrl) {
        return Long.parseLong(topicUrl.replaceAll(".*[?&]id=(\\d+).*", "$1"));
    }

    private int status(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(url(path).toURI()).build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    private String get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(url(path).toURI()).build(), HttpResponse.BodyHandlers.ofString()).body();
    }

    private long boardOf(long topicId) throws Exception {
        Matcher board = Pattern.compile("/board\\?id=(\\d+)").matcher(get("/topic?id=" + topicId));
        assertThat(board.find()).isTrue();
        return Long.parseLong(board.group(1));
    }

    /** The search index follows commits within a second or so. */
    private boolean searchFinds(String query, String title) throws Exception {
        for (int attempt = 0; attempt < 50; attempt++) {
            if (get("/search?q=" + java.net.URLEncoder.encode(query, StandardCharsets.UTF_8)).contains(title)) {
                return true;
            }
            Thread.sleep(200);
        }
        return false;
    }

    private static long naturalWidth(WebElement image) {
        return ((Number) browser.executeScript(
                "const i = arguments[0]; return i.complete ? i.naturalWidth : -1;", image)).longValue();
    }

    /** A valid PNG header claiming {@code width} × {@code height} pixels (10 GB decoded), in under 100 bytes. */
    private static byte[] pngClaiming(int width, int height) throws IOException {
        var out = new java.io.ByteArrayOutputStream();
        out.write(new byte[]{(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A});
        chunk(out, "IHDR", ByteBuffer.allocate(13).putInt(width).putInt(height).put((byte) 8).put((byte) 2).array());
        chunk(out, "IEND", new byte[0]);
        return out.toByteArray();
    }

    private static void chunk(java.io.ByteArrayOutputStream out, String type, byte[] data) throws IOException {
        byte[] name = type.getBytes(StandardCharsets.US_ASCII);
        out.write(ByteBuffer.allocate(4).putInt(data.length).array());
        out.write(name);
        out.write(data);
        CRC32 crc = new CRC32();
        crc.update(name);
        crc.update(data);
        out.write(ByteBuffer.allocate(4).putInt((int) crc.getValue()).array());
    }
}
