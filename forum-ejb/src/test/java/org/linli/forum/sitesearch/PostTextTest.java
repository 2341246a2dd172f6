package org.linli.forum.sitesearch;

import org.junit.jupiter.api.Test;
import org.linli.forum.content.PostRenderer;

import static org.assertj.core.api.Assertions.assertThat;

class PostTextTest {

    @Test
    void theTextOfRenderedPostsAsTyped() {
        String html = new PostRenderer().render("**路灯**坏了，请修理！\n\n- a < b & \"c\"\n\n[街道办](https://example.org)");

        assertThat(PostText.of(html)).isEqualTo("路灯坏了，请修理！\n\na < b & \"c\"\n\n街道办");
    }

    @Test
    void aPictureCountsAsItsDescription() {
        String hash = "d".repeat(64);
        String html = new PostRenderer(hashes -> java.util.Map.of(hash, new org.linli.forum.content.PictureSizes.Size(
                "/pictures/" + hash + ".jpg", 800, 600, "/pictures/" + hash + "-t.jpg", 480, 360)))
                .render("照片：![井盖 & 裂缝](/pictures/" + hash + ".jpg)");

        assertThat(PostText.of(html)).isEqualTo("照片： 井盖 & 裂缝");
    }
}
