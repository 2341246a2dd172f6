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
}
