package org.linli.forum.content;

import java.util.ArrayList;
import java.util.List;

/**
 * Turns a post's plain-text source into the HTML the pages print: every character escaped,
 * paragraphs at blank lines, line breaks kept, and runs of lines starting with "&gt;" shown as a
 * quotation. The only renderer: new posts, replies and quotes all use it.
 */
public class PostRenderer {

    public String render(String source) {
        StringBuilder html = new StringBuilder(source.length() + source.length() / 4);
        for (List<String> block : blocks(source)) {
            if (block.stream().allMatch(PostRenderer::isQuoteLine)) {
                List<String> inner = block.stream().map(PostRenderer::unquote).toList();
                html.append("<blockquote>").append(render(String.join("\n", inner))).append("</blockquote>");
            } else {
                html.append("<p>");
                for (int i = 0; i < block.size(); i++) {
                    if (i > 0) {
                        html.append("<br>");
                    }
                    escape(block.get(i), html);
                }
                html.append("</p>");
            }
        }
        return html.toString();
    }

    /**
     * The text that starts a reply quoting a post: its author and number, then each of its lines
     * behind "&gt; ".
     */
    public String quote(String authorName, int postNumber, String source) {
        StringBuilder text = new StringBuilder("> ").append(authorName).append(" #").append(postNumber).append(":\n");
        for (String line : source.split("\n", -1)) {
            text.append(line.isEmpty() ? ">" : "> " + line).append('\n');
        }
        return text.append('\n').toString();
    }

    /** Paragraphs separated by blank lines; a change between quoted and plain lines also splits. */
    private static List<List<String>> blocks(String source) {
        List<List<String>> blocks = new ArrayList<>();
        List<String> current = new ArrayList<>();
        for (String line : source.split("\n", -1)) {
            boolean blank = line.isBlank();
            if (blank || (!current.isEmpty() && isQuoteLine(line) != isQuoteLine(current.get(0)))) {
                if (!current.isEmpty()) {
                    blocks.add(current);
                    current = new ArrayList<>();
                }
            }
            if (!blank) {
                current.add(line);
            }
        }
        if (!current.isEmpty()) {
            blocks.add(current);
        }
        return blocks;
    }

    private static boolean isQuoteLine(String line) {
        return line.startsWith(">");
    }

    private static String unquote(String line) {
        return line.startsWith("> ") ? line.substring(2) : line.substring(1);
    }

    static void escape(String text, StringBuilder out) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
    }
}
