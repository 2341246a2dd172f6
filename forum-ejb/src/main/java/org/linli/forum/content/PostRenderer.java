package org.linli.forum.content;

import org.commonmark.Extension;
import org.commonmark.ext.autolink.AutolinkExtension;
import org.commonmark.ext.gfm.strikethrough.StrikethroughExtension;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.Code;
import org.commonmark.node.CustomNode;
import org.commonmark.node.Heading;
import org.commonmark.node.Image;
import org.commonmark.node.Link;
import org.commonmark.node.Node;
import org.commonmark.node.Text;
import org.commonmark.parser.Parser;
import org.commonmark.parser.PostProcessor;
import org.commonmark.renderer.NodeRenderer;
import org.commonmark.renderer.html.HtmlNodeRendererContext;
import org.commonmark.renderer.html.HtmlRenderer;
import org.commonmark.renderer.html.HtmlWriter;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Turns a post's source (CommonMark with GitHub's tables, strikethrough and autolinks) into the
 * safe HTML pages print. The only renderer: preview, new posts, replies, edits and re-renders
 * all come through {@link #render(String)}, and its output always passes {@link PostHtmlPolicy}.
 * <ul>
 *     <li>HTML typed into a post is shown as text, never interpreted.</li>
 *     <li>Headings move one level down, so a post's "# heading" never outranks the topic title.</li>
 *     <li>An image of a picture stored by the forum ({@link PictureSizes#ADDRESS}) shows its
 *     thumbnail, with its description as {@code alt} (a default when it has none) and its stored
 *     size, linking to the whole picture. Any other image becomes a link to it (see
 *     {@link PostHtmlPolicy} for why).</li>
 *     <li>A single line break is kept as a line break, as residents type addresses and lists.</li>
 * </ul>
 */
public class PostRenderer {

    /** The description of a picture its author gave none: readers of either language see a word they know. */
    public static final String DEFAULT_ALT = "图片 / Picture";

    private static final List<Extension> EXTENSIONS = List.of(
            TablesExtension.create(), StrikethroughExtension.create(), AutolinkExtension.create());

    private final PictureSizes pictures;

    private final Parser parser;

    private final HtmlRenderer renderer = HtmlRenderer.builder()
            .extensions(EXTENSIONS)
            .escapeHtml(true)
            .sanitizeUrls(true)
            .softbreak("<br />\n")
            .nodeRendererFactory(PictureRenderer::new)
            .build();

    /** A renderer that knows no stored pictures (every image a link): for tests and tools. */
    public PostRenderer() {
        this(PictureSizes.NONE);
    }

    public PostRenderer(PictureSizes pictures) {
        this.pictures = pictures;
        this.parser = Parser.builder()
                .extensions(EXTENSIONS)
                .postProcessor(new ForumAdjustments())
                .build();
    }

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

    /** An image of a stored picture, known to the forum, with its size. */
    private static final class StoredPicture extends CustomNode {

        final String hash;
        final PictureSizes.Size size;
        final String alt;

        StoredPicture(String hash, PictureSizes.Size size, String alt) {
            this.hash = hash;
            this.size = size;
            this.alt = alt;
        }
    }

    private static final class PictureRenderer implements NodeRenderer {

        private final HtmlWriter html;

        PictureRenderer(HtmlNodeRendererContext context) {
            this.html = context.getWriter();
        }

        @Override
        public Set<Class<? extends Node>> getNodeTypes() {
            return Set.of(StoredPicture.class);
        }

        @Override
        public void render(Node node) {
            StoredPicture picture = (StoredPicture) node;
            PictureSizes.Size size = picture.size;
            // Inside a link of its own the picture is just shown; otherwise it opens the whole picture.
            boolean linked = !(node.getParent() instanceof Link) && size.hasThumbnail();
            if (linked) {
                html.tag("a", Map.of("href", size.address()));
            }
            Map<String, String> attributes = new LinkedHashMap<>();
            attributes.put("src", size.thumbnailAddress());
            attributes.put("alt", picture.alt);
            attributes.put("width", Integer.toString(size.thumbnailWidth()));
            attributes.put("height", Integer.toString(size.thumbnailHeight()));
            html.tag("img", attributes, true);
            if (linked) {
                html.tag("/a");
            }
        }
    }

    private final class ForumAdjustments implements PostProcessor {

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
            Set<String> hashes = new LinkedHashSet<>();
            images.forEach(image -> {
                String hash = PictureSizes.hashOf(image.getDestination());
                if (hash != null) {
                    hashes.add(hash);
                }
            });
            Map<String, PictureSizes.Size> sizes = hashes.isEmpty() ? Map.of() : pictures.find(hashes);
            for (Image image : images) {
                String hash = PictureSizes.hashOf(image.getDestination());
                PictureSizes.Size size = hash == null ? null : sizes.get(hash);
                if (size != null) {
                    String alt = altText(image).strip();
                    image.insertBefore(new StoredPicture(hash, size, alt.isEmpty() ? DEFAULT_ALT : alt));
                    image.unlink();
                    continue;
                }
                Link link = new Link(image.getDestination(), image.getTitle());
                Node child = image.getFirstChild();
                while (child != null) {
                    Node next = child.getNext();
                    link.appendChild(child);
                    child = next;
                }
                if (link.getFirstChild() == null) {
                    link.appendChild(new Text(image.getDestination()));
                }
                image.insertBefore(link);
                image.unlink();
            }
            return document;
        }
    }

    /** An image's description as plain text (its Markdown emphasis and code dropped). */
    private static String altText(Image image) {
        StringBuilder alt = new StringBuilder();
        image.accept(new AbstractVisitor() {
            @Override
            public void visit(Text text) {
                alt.append(text.getLiteral());
            }

            @Override
            public void visit(Code code) {
                alt.append(code.getLiteral());
            }
        });
        return alt.toString();
    }
}
