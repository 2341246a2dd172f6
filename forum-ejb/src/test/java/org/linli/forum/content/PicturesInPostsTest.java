package org.linli.forum.content;

import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** How a post shows the forum's own pictures, and that it shows no other. */
class PicturesInPostsTest {

    private static final String LAMP = "a".repeat(64);
    private static final String SMALL = "b".repeat(64);
    private static final String UNKNOWN = "c".repeat(64);

    /** Two stored pictures: a photo with a thumbnail, and a small drawing that is its own thumbnail. */
    private final PostRenderer renderer = new PostRenderer(hashes -> Map.of(
            LAMP, new PictureSizes.Size("/pictures/" + LAMP + ".jpg", 2048, 1536, "/pictures/" + LAMP + "-t.jpg", 480, 360),
            SMALL, new PictureSizes.Size("/pictures/" + SMALL + ".png", 120, 80, "/pictures/" + SMALL + ".png", 120, 80)));

    @Test
    void aStoredPictureShowsItsThumbnailWithDescriptionAndSizeLinkingToTheWholePicture() {
        String html = renderer.render("路灯坏了：\n\n![坏掉的*路灯*](/pictures/" + LAMP + ".jpg)");

        assertThat(html).contains("<a href=\"/pictures/" + LAMP + ".jpg\"")
                .contains("<img src=\"/pictures/" + LAMP + "-t.jpg\" alt=\"坏掉的路灯\" width=\"480\" height=\"360\" />");
    }

    @Test
    void aSmallPictureIsShownAsItIsAndAPictureWithoutDescriptionGetsTheDefault() {
        String html = renderer.render("![](/pictures/" + SMALL + ".png)");

        assertThat(html).isEqualTo("<p><img src=\"/pictures/" + SMALL + ".png\" alt=\"" + PostRenderer.DEFAULT_ALT
                + "\" width=\"120\" height=\"80\" /></p>\n");
    }

    @Test
    void imagesFromElsewhereAndUnknownPicturesStayLinks() {
        String html = renderer.render("![外站](https://example.org/x.jpg) ![不存在](/pictures/" + UNKNOWN + ".jpg)"
                + " ![缩略图](/pictures/" + LAMP + "-t.jpg)");

        assertThat(html).doesNotContain("<img");
    }

    @Test
    void theSanitizerKeepsNoImageThatIsNotAStoredPictureWithDescriptionAndSize() {
        String own = "/pictures/" + LAMP + ".jpg";
        assertThat(PostHtmlPolicy.sanitize("<img src=\"https://evil.example/track.gif\" alt=\"x\" width=\"1\" height=\"1\">"))
                .doesNotContain("<img");
        assertThat(PostHtmlPolicy.sanitize("<img src=\"" + own + "\" width=\"10\" height=\"10\">")).as("no description").doesNotContain("<img");
        assertThat(PostHtmlPolicy.sanitize("<img src=\"" + own + "\" alt=\"x\">")).as("no size").doesNotContain("<img");
        assertThat(PostHtmlPolicy.sanitize("<img src=\"" + own + "?x=1\" alt=\"x\" width=\"10\" height=\"10\">")).doesNotContain("<img");
        assertThat(PostHtmlPolicy.sanitize("<img src=\"//evil.example" + own + "\" alt=\"x\" width=\"10\" height=\"10\">"))
                .doesNotContain("<img");
        assertThat(PostHtmlPolicy.sanitize("<img src=\"" + own + "\" alt=\"x\" width=\"10\" height=\"10\" onerror=\"alert(1)\">"))
                .isEqualTo("<img src=\"" + own + "\" alt=\"x\" width=\"10\" height=\"10\" />");
    }

    @Test
    void htmlTypedIntoAPostNeverBecomesAPicture() {
        String html = renderer.render("<img src=\"/pictures/" + LAMP + ".jpg\" alt=\"x\" width=\"10\" height=\"10\">");

        assertThat(html).doesNotContain("<img").contains("&lt;img");
    }

    @Test
    void aDescriptionCannotBreakOutOfItsAttribute() {
        String html = renderer.render("![\" onerror=\"alert(1)](/pictures/" + LAMP + ".jpg)");

        assertThat(html).doesNotContain("onerror=\"").contains("alt=\"&#34; onerror&#61;&#34;alert(1)\"");
    }

    @Test
    void theRendererAsksOnlyForThePicturesAPostPlaces() {
        Set<String>[] asked = new Set[1];
        new PostRenderer(hashes -> {
            asked[0] = hashes;
            return Map.of();
        }).render("![a](/pictures/" + LAMP + ".jpg) ![b](https://example.org/b.png)");

        assertThat(asked[0]).containsExactly(LAMP);
    }
}
