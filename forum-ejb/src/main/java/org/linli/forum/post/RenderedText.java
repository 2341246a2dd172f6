package org.linli.forum.post;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import org.linli.forum.content.PostHtmlPolicy;
import org.linli.forum.content.PostRenderer;

import java.io.Serializable;
import java.util.Objects;

/**
 * A post's text: the source its author typed and the safe HTML rendered from it, always
 * together, with the {@link PostHtmlPolicy#VERSION} the HTML was made under. A value: only the
 * renderer makes one, so pages print HTML that went through the policy and nothing else.
 */
@Embeddable
public class RenderedText implements Serializable {

    private static final long serialVersionUID = 1L;


    @Column(nullable = false, length = 100_000)
    private String source;

    @Column(nullable = false, length = 1_000_000)
    private String html;

    @Column(name = "render_version", nullable = false)
    private int renderVersion;

    protected RenderedText() {
    }

    private RenderedText(String source, String html, int renderVersion) {
        this.source = source;
        this.html = html;
        this.renderVersion = renderVersion;
    }

    /** {@code source} rendered under the current policy. */
    public static RenderedText of(String source, PostRenderer renderer) {
        return new RenderedText(Objects.requireNonNull(source), renderer.render(source), PostHtmlPolicy.VERSION);
    }

    public boolean isUnderCurrentPolicy() {
        return renderVersion == PostHtmlPolicy.VERSION;
    }

    public String getSource() {
        return source;
    }

    public String getHtml() {
        return html;
    }
}
