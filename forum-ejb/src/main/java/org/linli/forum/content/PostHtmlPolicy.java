package org.linli.forum.content;

import org.owasp.html.HtmlPolicyBuilder;
import org.owasp.html.PolicyFactory;

import java.util.List;
import java.util.regex.Pattern;

/**
 * The one allow-list every post's HTML passes before it is stored: the elements, attributes and
 * URL schemes below, and nothing else. Images only of pictures this forum stores
 * ({@link PictureSizes#ADDRESS}), always with a description and a size: an external image would
 * let any poster track every reader (and CSP allows images from this site only), so the renderer
 * turns any other Markdown image into a plain link.
 * <p>
 * Raise {@link #VERSION} whenever the list changes; posts stored under an older version are
 * rendered again from their source (see {@code PostService.rerenderOutdated}).
 */
public final class PostHtmlPolicy {

    public static final int VERSION = 3;

    public static final List<String> ELEMENTS = List.of(
            "p", "br", "hr", "h2", "h3", "h4", "h5", "h6",
            "strong", "em", "del", "code", "pre", "blockquote",
            "ul", "ol", "li", "a",
            "table", "thead", "tbody", "tr", "th", "td");

    public static final List<String> URL_SCHEMES = List.of("http", "https", "mailto");

    public static final List<String> LINK_RELS = List.of("nofollow", "ugc", "noopener");

    private static final PolicyFactory POLICY = new HtmlPolicyBuilder()
            .allowElements(ELEMENTS.toArray(String[]::new))
            .allowUrlProtocols(URL_SCHEMES.toArray(String[]::new))
            .allowAttributes("href").onElements("a")
            .requireRelsOnLinks(LINK_RELS.toArray(String[]::new))
            .allowAttributes("start").matching(Pattern.compile("[0-9]{1,9}")).onElements("ol")
            .allowAttributes("align").matching(Pattern.compile("left|center|right")).onElements("th", "td")
            .allowAttributes("class").matching(Pattern.compile("language-[A-Za-z0-9_+#-]{1,32}")).onElements("code")
            .allowElements(PostHtmlPolicy::storedPictureOnly, "img")
            .allowAttributes("src").matching(PictureSizes.ADDRESS).onElements("img")
            .allowAttributes("alt").onElements("img")
            .allowAttributes("width", "height").matching(Pattern.compile("[1-9][0-9]{0,4}")).onElements("img")
            .toFactory();

    /** An {@code img} stays only with a source on this forum, a description and a size (all checked above). */
    private static String storedPictureOnly(String element, List<String> attributes) {
        List<String> names = new java.util.ArrayList<>();
        for (int i = 0; i < attributes.size(); i += 2) {
            if (!attributes.get(i + 1).isEmpty()) {
                names.add(attributes.get(i));
            }
        }
        return names.containsAll(List.of("src", "alt", "width", "height")) ? element : null;
    }

    private PostHtmlPolicy() {
    }

    /**
     * The sanitizer writes "{&lt;!-- --&gt;" for every "{" so that a client-side template ("{{ }}")
     * never sees two braces in one text node. The forum runs no such template (no script at
     * all), and the empty comments would show in feeds and copied HTML, so the brace is written as
     * its character reference instead: the same text, with nothing for a template to find in the
     * markup either.
     */
    public static String sanitize(String html) {
        return POLICY.sanitize(html).replace("{<!-- -->", "&#123;");
    }
}
