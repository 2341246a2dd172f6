package org.linli.forum.content;

import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the renderer needs to know of the forum's own pictures: the stored size of each, so a
 * page reserves its place before it loads. A picture the forum does not have stays a link.
 */
@FunctionalInterface
public interface PictureSizes {

    /**
     * The address of a stored picture, {@code /pictures/<sha-256>.jpg|png}, and of its thumbnail
     * ({@code -t} before the extension). The sanitizer lets {@code img} point nowhere else.
     */
    Pattern ADDRESS = Pattern.compile("/pictures/([0-9a-f]{64})(-t)?\\.(jpg|png)");

    /** A renderer that knows no pictures: every image is a link. */
    PictureSizes NONE = hashes -> Map.of();

    /** The sizes of those of {@code hashes} the forum stores. */
    Map<String, Size> find(Set<String> hashes);

    /** A picture's size and its thumbnail's (the same when the picture is small). */
    record Size(String address, int width, int height, String thumbnailAddress, int thumbnailWidth, int thumbnailHeight) {

        public boolean hasThumbnail() {
            return !thumbnailAddress.equals(address);
        }
    }

    /**
     * The full-size addresses of the stored pictures {@code text} names (a post's source or its
     * HTML, where a thumbnail's address stands for its picture), each once, in order.
     */
    static Set<String> addressesIn(String text) {
        Set<String> addresses = new LinkedHashSet<>();
        Matcher matcher = ADDRESS.matcher(text);
        while (matcher.find()) {
            addresses.add("/pictures/" + matcher.group(1) + "." + matcher.group(3));
        }
        return addresses;
    }

    /** The hashes of the stored pictures {@code text} names, each once, in order. */
    static Set<String> hashesIn(String text) {
        Set<String> hashes = new LinkedHashSet<>();
        Matcher matcher = ADDRESS.matcher(text);
        while (matcher.find()) {
            hashes.add(matcher.group(1));
        }
        return hashes;
    }

    /** The picture's hash, if {@code address} is the address of a (full-size) stored picture. */
    static String hashOf(String address) {
        Matcher matcher = ADDRESS.matcher(address == null ? "" : address);
        return matcher.matches() && matcher.group(2) == null ? matcher.group(1) : null;
    }
}
