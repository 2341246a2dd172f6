package org.linli.forum.content;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The renderer and policy together, with the exact HTML a post is stored as. */
class PostRendererTest {

    private final PostRenderer renderer = new PostRenderer();

    /** The sanitizer writes a link's rel values in no fixed order; compare them sorted. */
    private String render(String source) {
        return RELS.matcher(renderer.render(source)).replaceAll(rel -> "rel=\"" + String.join(" ",
                java.util.Arrays.stream(rel.group(1).split(" ")).sorted().toList()) + "\"");
    }

    private static final java.util.regex.Pattern RELS = java.util.regex.Pattern.compile("rel=\"([^\"]*)\"");

    @Test
    void paragraphsLineBreaksAndEmphasis() {
        assertThat(render("青年路 **12 号**\n门前 *路灯*\n\n~~已修好~~ 还没有"))
                .isEqualTo("<p>青年路 <strong>12 号</strong><br />\n门前 <em>路灯</em></p>\n"
                        + "<p><del>已修好</del> 还没有</p>\n");
    }

    @Test
    void linksGetNofollowUgcNoopenerAndOnlySafeSchemes() {
        assertThat(render("[街道办](https://example.org/jiedao?a=1&b=2)"))
                .isEqualTo("<p><a href=\"https://example.org/jiedao?a&#61;1&amp;b&#61;2\" rel=\"nofollow noopener ugc\">街道办</a></p>\n");
        assertThat(render("see https://example.org/x and mail@example.org"))
                .contains("<a href=\"https://example.org/x\" rel=\"nofollow noopener ugc\">https://example.org/x</a>")
                .contains("<a href=\"mailto:mail&#64;example.org\" rel=\"nofollow noopener ugc\">mail&#64;example.org</a>");
        assertThat(render("[x](javascript:alert(1)) [y](vbscript:msgbox) [z](data:text/html;base64,PHNjcmlwdD4=)"))
                .doesNotContain("javascript", "vbscript", "data:")
                .isEqualTo("<p><a href=\"\" rel=\"nofollow noopener ugc\">x</a> <a href=\"\" rel=\"nofollow noopener ugc\">y</a> z</p>\n");
    }

    @Test
    void headingsNeverOutrankTheTopicTitle() {
        assertThat(render("# 通知\n## 时间\n###### 细节"))
                .isEqualTo("<h2>通知</h2>\n<h3>时间</h3>\n<h6>细节</h6>\n");
    }

    @Test
    void bracesStayBracesWithNoEmptyCommentsInTheHtml() {
        String html = render("模板 {{name}} 和 `{ a }` 以及 {");
        assertThat(html).doesNotContain("<!--").doesNotContain("{{");
        assertThat(html).isEqualTo("<p>模板 &#123;{name}} 和 <code>{ a }</code> 以及 &#123;</p>\n");
    }

    @Test
    void htmlTypedIntoAPostIsShownAsText() {
        assertThat(render("<script>alert('x')</script> <b onclick=x>粗</b>"))
                .isEqualTo("<p>&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &lt;b onclick&#61;x&gt;粗&lt;/b&gt;</p>\n");
    }

    @Test
    void codeBlocksKeepTheirHtmlAsText() {
        assertThat(render("```html\n<iframe src=\"x\"></iframe>\n```\n\n`<img src=x onerror=alert(1)>`"))
                .isEqualTo("<pre><code class=\"language-html\">&lt;iframe src&#61;&#34;x&#34;&gt;&lt;/iframe&gt;\n</code></pre>\n"
                        + "<p><code>&lt;img src&#61;x onerror&#61;alert(1)&gt;</code></p>\n");
    }

    @Test
    void nestedListsKeepTheirShape() {
        assertThat(render("1. 物业\n   - 漏水\n   - 电梯\n2. 城建\n\n3) three"))
                .isEqualTo("<ol><li>物业\n<ul><li>漏水</li><li>电梯</li></ul>\n</li><li>城建</li></ol>\n"
                        + "<ol start=\"3\"><li>three</li></ol>\n");
    }

    @Test
    void tablesWithAlignment() {
        assertThat(render("| 楼号 | 户数 |\n|:---|---:|\n| 12 | 36 |"))
                .isEqualTo("<table><thead><tr><th align=\"left\">楼号</th><th align=\"right\">户数</th></tr></thead>"
                        + "<tbody><tr><td align=\"left\">12</td><td align=\"right\">36</td></tr></tbody></table>\n");
    }

    @Test
    void imagesBecomeLinksToTheImage() {
        assertThat(render("![坏掉的路灯](https://example.org/lamp.jpg) ![](http://example.org/a.png)"))
                .doesNotContain("<img")
                .isEqualTo("<p><a href=\"https://example.org/lamp.jpg\" rel=\"nofollow noopener ugc\">坏掉的路灯</a> "
                        + "<a href=\"http://example.org/a.png\" rel=\"nofollow noopener ugc\">http://example.org/a.png</a></p>\n");
    }

    @Test
    void mixedChineseAndEnglish() {
        assertThat(render("The **street lamp** 在青年路 No.12 坏了, please fix。"))
                .isEqualTo("<p>The <strong>street lamp</strong> 在青年路 No.12 坏了, please fix。</p>\n");
    }

    @Test
    void quotesNameTheAuthorAndLinkToThePost() {
        String quote = renderer.quote("李四", 7, 123, "青年路路灯\n\n已报修");

        assertThat(quote).isEqualTo("> [李四 #7](/p?id=123)\n>\n> 青年路路灯\n>\n> 已报修\n\n");
        assertThat(render(quote + "谢谢"))
                .isEqualTo("<blockquote>\n<p><a href=\"/p?id&#61;123\" rel=\"nofollow noopener ugc\">李四 #7</a></p>\n"
                        + "<p>青年路路灯</p>\n<p>已报修</p>\n</blockquote>\n<p>谢谢</p>\n");
    }

    @Test
    void aQuotedNameCannotBreakOutOfItsLink() {
        String quote = renderer.quote("x](javascript:alert(1)) <img src=x onerror=alert(1)> [", 3, 9, "hi");

        assertThat(render(quote))
                .doesNotContain("href=\"javascript", "<img")
                .contains("<a href=\"/p?id&#61;9\" rel=\"nofollow noopener ugc\">x](javascript:alert(1)) "
                        + "&lt;img src&#61;x onerror&#61;alert(1)&gt; [ #3</a>");
    }
}
