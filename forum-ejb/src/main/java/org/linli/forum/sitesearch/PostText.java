package org.linli.forum.sitesearch;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The readable text of a post's safe HTML, for the index: a picture counts as its description,
 * tags out, character references decoded.
 */
final class PostText {

    private static final Pattern BLOCK_END = Pattern.compile("(?i)<(br\\s*/?|/p|/li|/h[2-6]|/blockquote|/pre|/tr|/td|/th)>");
    private static final Pattern PICTURE = Pattern.compile("<img\\b[^>]*?\\balt=\"([^\"]*)\"[^>]*>");
    private static final Pattern TAG = Pattern.compile("<[^>]*>");
    private static final Pattern REFERENCE = Pattern.compile("&(#[xX][0-9a-fA-F]+|#[0-9]+|amp|lt|gt|quot|apos|nbsp);");

    private PostText() {
    }

    static String of(String html) {
        String described = PICTURE.matcher(html).replaceAll(" $1 ");
        String text = TAG.matcher(BLOCK_END.matcher(described).replaceAll("$0\n")).replaceAll("");
        Matcher matcher = REFERENCE.matcher(text);
        StringBuilder out = new StringBuilder(text.length());
        while (matcher.find()) {
            matcher.appendReplacement(out, Matcher.quoteReplacement(decode(matcher.group(1))));
        }
        matcher.appendTail(out);
        return out.toString().strip();
    }

    private static String decode(String reference) {
        return switch (reference) {
            case "amp" -> "&";
            case "lt" -> "<";
            case "gt" -> ">";
            case "quot" -> "\"";
            case "apos" -> "'";
            case "nbsp" -> " ";
            default -> {
                int codePoint = reference.startsWith("#x") || reference.startsWith("#X")
                        ? Integer.parseInt(reference.substring(2), 16) : Integer.parseInt(reference.substring(1));
                yield Character.isValidCodePoint(codePoint) ? new String(Character.toChars(codePoint)) : "";
            }
        };
    }
}
