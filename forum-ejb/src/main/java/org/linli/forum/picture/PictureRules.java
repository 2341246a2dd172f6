package org.linli.forum.picture;

import org.linli.forum.common.ForumSettings;

/**
 * The limits every uploaded picture meets, each refused with its own message. A setting of the
 * same name (a system property or environment variable, see {@link ForumSettings}) changes one.
 */
public final class PictureRules {

    /** Largest file accepted, in bytes (linli.pictures.file.bytes): a phone photo is 2 to 8 MB. */
    public static final long FILE_BYTES = setting("linli.pictures.file.bytes", 10L * 1024 * 1024);

    /**
     * Most pixels a picture may declare (linli.pictures.pixels), read from its header before any
     * pixel is decoded: a file of a few hundred bytes can claim 50,000 × 50,000 pixels (10 GB
     * decoded). 50 megapixels takes every phone camera's photos.
     */
    public static final long PIXELS = setting("linli.pictures.pixels", 50_000_000L);

    /** Pictures in one post (linli.pictures.per.post). */
    public static final int PER_POST = (int) setting("linli.pictures.per.post", 10);

    /** Bytes of stored pictures a member may have uploaded in all (linli.pictures.quota.bytes). */
    public static final long QUOTA_BYTES = setting("linli.pictures.quota.bytes", 200L * 1024 * 1024);

    /** Longest side of a stored picture: larger ones are scaled down (phones take 4,000 px and more). */
    public static final int STORED_SIDE = 2048;

    /** Longest side of a thumbnail, what a post shows in its text. */
    public static final int THUMBNAIL_SIDE = 480;

    /**
     * One form submission with its files (linli.pictures.request.bytes): what the request size
     * filter lets through to the posting pages. The server's own limit (configure-server.cli) is
     * 64 MB.
     */
    public static final long REQUEST_BYTES = setting("linli.pictures.request.bytes", 40L * 1024 * 1024);

    private PictureRules() {
    }

    private static long setting(String name, long otherwise) {
        String value = ForumSettings.get(name).orElse(null);
        if (value == null) {
            return otherwise;
        }
        try {
            long number = Long.parseLong(value);
            if (number > 0) {
                return number;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalStateException(name + " must be a positive whole number, not '" + value + "'");
    }
}
