package org.linli.forum.web.common;

import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import org.linli.forum.post.Post;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;

/** The forum's bookmarkable URLs, built in one place, and the redirect to one of them. */
public final class Links {

    private Links() {
    }

    /** Ends this request with a redirect to a path of this site (POST, then redirect, then GET). */
    public static void redirect(String path) throws IOException {
        ExternalContext external = FacesContext.getCurrentInstance().getExternalContext();
        external.redirect(local(external.getRequestContextPath() + path));
    }

    /**
     * A path on this site made from something a request or a form said (a request URI, a return
     * address): every redirect and self-link that echoes one goes through here. A browser reads
     * {@code //host}, {@code /\host} and their encoded forms as another host, so separators are
     * collapsed and dot segments resolved; anything that is not an absolute path becomes the home
     * page. Control characters are dropped and other characters outside printable ASCII are
     * percent-encoded (a header carries bytes, and U+3000 must not become a NUL).
     */
    public static String local(String given) {
        String target = given == null ? null : given.codePoints().filter(c -> !Character.isISOControl(c))
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();
        if (target == null || !(target.startsWith("/") || target.startsWith("\\"))) {
            return "/";
        }
        int end = indexOfAny(target, '?', '#');
        String path = (end < 0 ? target : target.substring(0, end))
                .replaceAll("(?i)%2f|%5c", "/").replace('\\', '/').replaceAll("(?i)%2e", ".");
        String rest = end < 0 ? "" : target.substring(end);
        Deque<String> segments = new ArrayDeque<>();
        for (String segment : path.split("/")) {
            if (segment.equals("..")) {
                segments.pollLast();
            } else if (!segment.isEmpty() && !segment.equals(".")) {
                segments.addLast(segment);
            }
        }
        boolean directory = path.endsWith("/") && !segments.isEmpty();
        return printable("/" + String.join("/", segments) + (directory ? "/" : "") + rest);
    }

    private static int indexOfAny(String text, char a, char b) {
        int first = text.indexOf(a);
        int second = text.indexOf(b);
        return first < 0 ? second : second < 0 ? first : Math.min(first, second);
    }

    private static String printable(String text) {
        StringBuilder out = new StringBuilder(text.length());
        text.codePoints().forEach(c -> {
            if (c > ' ' && c < 0x7f && "\"<>\\^`{|}".indexOf(c) < 0) {
                out.append((char) c);
            } else {
                for (byte b : new String(Character.toChars(c)).getBytes(StandardCharsets.UTF_8)) {
                    out.append('%').append(Character.toUpperCase(Character.forDigit((b >> 4) & 0xF, 16)))
                            .append(Character.toUpperCase(Character.forDigit(b & 0xF, 16)));
                }
            }
        });
        return out.toString();
    }

    public static String board(long boardId) {
        return "/board?id=" + boardId;
    }

    public static String topic(long topicId, int page) {
        return "/topic?id=" + topicId + (page > 1 ? "&page=" + page : "");
    }

    /** The topic page that shows the post, scrolled to it. */
    public static String post(Post post) {
        return topic(post.getTopic().getId(), post.pageInTopic()) + "#p" + post.getNumber();
    }
}
