package org.linli.forum.content;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PostRendererTest {

    private final PostRenderer renderer = new PostRenderer();

    @Test
    void escapesEveryMarkupCharacter() {
        assertThat(renderer.render("<script>alert('x')</script> & \"q\""))
                .isEqualTo("<p>&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;q&quot;</p>");
    }

    @Test
    void keepsParagraphsAndLineBreaks() {
        assertThat(renderer.render("第一段\n第二行\n\n\n第二段"))
                .isEqualTo("<p>第一段<br>第二行</p><p>第二段</p>");
    }

    @Test
    void quotedLinesBecomeABlockquoteAndNest() {
        assertThat(renderer.render("> 张三 #2:\n> 路灯坏了\n> > 哪里?\n我去看过了"))
                .isEqualTo("<blockquote><p>张三 #2:<br>路灯坏了</p><blockquote><p>哪里?</p></blockquote></blockquote>"
                        + "<p>我去看过了</p>");
    }

    @Test
    void quoteNamesTheAuthorAndPostAndQuotesEveryLine() {
        String quote = renderer.quote("李四", 7, "青年路路灯\n\n已报修");

        assertThat(quote).isEqualTo("> 李四 #7:\n> 青年路路灯\n>\n> 已报修\n\n");
        assertThat(renderer.render(quote + "谢谢")).isEqualTo(
                "<blockquote><p>李四 #7:<br>青年路路灯</p><p>已报修</p></blockquote><p>谢谢</p>");
    }

    @Test
    void aQuoteOfHostileTextStaysEscaped() {
        String quote = renderer.quote("<img src=x onerror=alert(1)>", 3, "</blockquote><script>x</script>");

        assertThat(renderer.render(quote)).doesNotContain("<script", "<img").contains("&lt;img src=x");
    }
}
