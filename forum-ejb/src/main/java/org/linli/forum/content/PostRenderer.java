package org.linli.forum.content;

import org.commonmark.Extension;
import org.commonmark.ext.autolink.AutolinkExtension;
import org.commonmark.ext.gfm.strikethrough.StrikethroughExtension;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.Heading;
import org.commonmark.node.Image;
import org.commonmark.node.Link;
import org.commonmark.node.Node;
import org.commonmark.parser.Parser;
import org.commonmark.parser.PostProcessor;
import org.commonmark.renderer.html.HtmlRenderer;

import java.util.ArrayList;
import java.util.List;

/**
 * Turns a post's source (CommonMark with GitHub's tables, strikethrough and autolinks) into the
 * safe HTML pages print. The only renderer: preview, new posts, replies, edits and re-renders
 * all come through {@link #render(String)}, and its output always passes {@link PostHtmlPolicy}.
 * <ul>
 *     <li>HTML typed into a post is shown as text, never interpreted.</li>
 *     <li>Headings move one level down, so a post's "# heading" never outranks the topic title.</li>
 *     <li>Images become links to the image (see {@link PostHtmlPolicy} for why).</li>
 *     <li>A single line break is kept as a line break, as residents type addresses and lists.</li>
 * </ul>
 */
public class PostRenderer {

    private static final List<Extension> EXTENSIONS = List.of(
            TablesExtension.create(), StrikethroughExtension.create(), AutolinkExtension.create());

    private final Parser parser = Parser.builder()
            .extensions(EXTENSIONS)
            .postProcessor(new ForumAdjustments())
            .build();

    private final HtmlRenderer renderer = HtmlRenderer.builder()
            .extensions(EXTENSIONS)
            .escapeHtml(true)
            .sanitizeUrls(true)
            .softbreak("<br />\n")
            .build();

    public String render(String source) {
        return PostHtmlPolicy.sanitize(renderer.render(parser.parse(source)));
    }

    /**
     * The text that starts a reply quoting a post: a first line naming its author and linking
     * to it, then its source, all behind "&gt; ".
     */
    public String quote(String authorName, int postNumber, long postId, String source) {
        StringBuilder text = new StringBuilder("> [")
                .append(escapeLinkText(authorName)).append(" #").append(postNumber)
                .append("](/p?id=").append(postId).append(")\n>\n");
        for (String line : source.split("\n", -1)) {
            text.append(line.isEmpty() ? ">" : "> " + line).append('\n');
        }
        return text.append('\n').toString();
    }

    /** A name inside [...] of a Markdown link stays plain text, whatever it contains. */
    private static String escapeLinkText(String text) {
        return text.replaceAll("([\\\\\\[\\]*_`<>!#|~])", "\\\\$1");
    }

    private static final class ForumAdjustments implements PostProcessor {

        @Override
        public Node process(Node document) {
            List<Image> images = new ArrayList<>();
            document.accept(new AbstractVisitor() {
                @Override
                public void visit(Heading heading) {
                    heading.setLevel(Math.min(6, heading.getLevel() + 1));
                    visitChildren(heading);
                }

                @Override
                public void visit(Image image) {
                    images.add(image);
                }
            });
            for (Image image : images) {
                Link link = new Link(image.getDestination(), image.getTitle());
                Node child = image.getFirstChild();
                while (child != null) {
                    Node next = child.getNext();
                    link.appendChild(child);
                    child = next;
                }
                if (link.getFirstChild() == null) {
                    link.appendChild(new org.commonmark.node.Text(image.getDestination()));
                }
                image.insertBefore(link);
                image.unlink();
            }
            return document;
        }
    }
}
