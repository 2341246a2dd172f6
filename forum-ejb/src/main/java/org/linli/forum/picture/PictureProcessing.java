package org.linli.forum.picture;

import com.drew.imaging.ImageMetadataReader;
import com.drew.imaging.ImageProcessingException;
import com.drew.metadata.MetadataException;
import com.drew.metadata.exif.ExifIFD0Directory;
import org.linli.forum.common.InvalidInputException;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.spi.IIORegistry;
import javax.imageio.spi.ImageReaderSpi;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.ImageOutputStream;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Iterator;
import java.util.concurrent.Semaphore;

/**
 * Turns an uploaded file into a picture the forum can publish, or refuses it. Every picture is
 * decoded and drawn afresh, then encoded anew: nothing of the uploaded file but its pixels
 * survives, so no EXIF or GPS metadata (a phone photo of a broken lamp would otherwise publish
 * where its taker lives), no comment, no trailing data, no second format hidden in the first
 * (a GIF that is also a script). Decoding is done by maintained readers: the JDK's for PNG and
 * GIF, TwelveMonkeys' for JPEG (also CMYK and damaged ones, which the JDK's refuses) and WebP.
 * <ul>
 *     <li>The format is told from the file's first bytes, never from its name or its declared
 *     type: HTML called {@code x.jpg} is refused.</li>
 *     <li>The pixel count is read from the header and refused over {@link PictureRules#PIXELS}
 *     before any pixel is decoded; a large picture is decoded subsampled, so a decoded picture
 *     never takes more than about 4,096 × 4,096 pixels of memory, and at most two are decoded
 *     at once.</li>
 *     <li>A photo's EXIF orientation is applied to the pixels before the metadata goes.</li>
 *     <li>Photos (JPEG, WebP without transparency) are stored as JPEG; drawings (PNG, GIF, or
 *     anything transparent) as PNG. An animated GIF keeps its first frame.</li>
 * </ul>
 */
public final class PictureProcessing {

    /** A published picture: the stored file and its thumbnail (the same bytes when it is small). */
    public record Result(byte[] content, String mediaType, int width, int height,
                         byte[] thumbnail, int thumbnailWidth, int thumbnailHeight) {

        public String extension() {
            return mediaType.equals(JPEG) ? "jpg" : "png";
        }
    }

    static final String JPEG = "image/jpeg";
    static final String PNG = "image/png";

    private enum Format { JPEG, PNG, GIF, WEBP }

    /** Decoded pictures in memory at once: each can take up to 64 MB while it is drawn. */
    private static final Semaphore DECODING = new Semaphore(2);

    /**
     * TwelveMonkeys' JPEG reader hands the plain cases to the JDK's, which it finds when it is
     * registered; a deployment's class loader is not scanned for plugins by the JVM-wide
     * registry, so it is registered here, once. (The registry then holds this deployment's
     * class until the server stops: a redeploy keeps the old one's reader in memory.)
     */
    private static final ImageReaderSpi JPEG_READER;

    static {
        IIORegistry registry = IIORegistry.getDefaultInstance();
        registry.registerServiceProvider(new com.twelvemonkeys.imageio.plugins.jpeg.JPEGImageReaderSpi());
        JPEG_READER = registry.getServiceProviderByClass(com.twelvemonkeys.imageio.plugins.jpeg.JPEGImageReaderSpi.class);
    }

    private PictureProcessing() {
    }

    /**
     * The picture {@code data} holds, made safe to publish; refused with a message for the form's
     * {@code field} that names the file ({@code name}, as the member's device called it).
     */
    public static Result process(byte[] data, String field, String name) {
        if (data.length > PictureRules.FILE_BYTES) {
            throw new InvalidInputException(field, "error.picture.tooLarge", name, PictureRules.FILE_BYTES / (1024 * 1024));
        }
        Format format = formatOf(data);
        if (format == null) {
            throw new InvalidInputException(field, "error.picture.format", name);
        }
        try {
            DECODING.acquire();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting to decode a picture", e);
        }
        try {
            BufferedImage decoded = decode(data, format, field, name);
            BufferedImage upright = orient(decoded, format == Format.JPEG || format == Format.WEBP ? orientation(data) : 1);
            boolean photo = !upright.getColorModel().hasAlpha() && (format == Format.JPEG || format == Format.WEBP);
            BufferedImage stored = scaled(upright, PictureRules.STORED_SIDE, photo);
            byte[] content = encode(stored, photo);
            if (Math.max(stored.getWidth(), stored.getHeight()) <= PictureRules.THUMBNAIL_SIDE) {
                return new Result(content, photo ? JPEG : PNG, stored.getWidth(), stored.getHeight(),
                        content, stored.getWidth(), stored.getHeight());
            }
            BufferedImage thumbnail = scaled(stored, PictureRules.THUMBNAIL_SIDE, photo);
            return new Result(content, photo ? JPEG : PNG, stored.getWidth(), stored.getHeight(),
                    encode(thumbnail, photo), thumbnail.getWidth(), thumbnail.getHeight());
        } finally {
            DECODING.release();
        }
    }

    private static Format formatOf(byte[] data) {
        if (startsWith(data, 0, 0xFF, 0xD8, 0xFF)) {
            return Format.JPEG;
        }
        if (startsWith(data, 0, 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A)) {
            return Format.PNG;
        }
        if (startsWith(data, 0, 'G', 'I', 'F', '8', '7', 'a') || startsWith(data, 0, 'G', 'I', 'F', '8', '9', 'a')) {
            return Format.GIF;
        }
        if (startsWith(data, 0, 'R', 'I', 'F', 'F') && startsWith(data, 8, 'W', 'E', 'B', 'P')) {
            return Format.WEBP;
        }
        return null;
    }

    private static boolean startsWith(byte[] data, int offset, int... expected) {
        if (data.length < offset + expected.length) {
            return false;
        }
        for (int i = 0; i < expected.length; i++) {
            if ((data[offset + i] & 0xFF) != expected[i]) {
                return false;
            }
        }
        return true;
    }

    private static BufferedImage decode(byte[] data, Format format, String field, String name) {
        ImageReader reader = readerFor(format);
        try (ImageInputStream input = ImageIO.createImageInputStream(new ByteArrayInputStream(data))) {
            reader.setInput(input, true, true);
            long width = reader.getWidth(0);
            long height = reader.getHeight(0);
            if (width <= 0 || height <= 0) {
                throw new InvalidInputException(field, "error.picture.unreadable", name);
            }
            if (width * height > PictureRules.PIXELS) {
                throw new InvalidInputException(field, "error.picture.tooManyPixels", name, width, height, PictureRules.PIXELS / 1_000_000);
            }
            ImageReadParam param = reader.getDefaultReadParam();
            // Read every n-th pixel of a large picture: it is scaled down to STORED_SIDE anyway.
            int step = (int) Math.max(1, Math.max(width, height) / (2L * PictureRules.STORED_SIDE));
            param.setSourceSubsampling(step, step, 0, 0);
            BufferedImage image = reader.read(0, param);
            if (image == null) {
                throw new InvalidInputException(field, "error.picture.unreadable", name);
            }
            return image;
        } catch (IOException | RuntimeException e) {
            if (e instanceof InvalidInputException invalid) {
                throw invalid;
            }
            // A damaged or truncated file, or one the reader cannot make sense of.
            throw new InvalidInputException(field, "error.picture.unreadable", name);
        } finally {
            reader.dispose();
        }
    }

    /** A reader chosen by the sniffed format, not by whatever readers the JVM happens to have registered. */
    private static ImageReader readerFor(Format format) {
        try {
            ImageReaderSpi provider = switch (format) {
                case JPEG -> JPEG_READER;
                case WEBP -> new com.twelvemonkeys.imageio.plugins.webp.WebPImageReaderSpi();
                case PNG -> jdkReader("png");
                case GIF -> jdkReader("gif");
            };
            return provider.createReaderInstance();
        } catch (IOException e) {
            throw new IllegalStateException("no image reader for " + format, e);
        }
    }

    private static ImageReaderSpi jdkReader(String formatName) {
        Iterator<ImageReader> readers = ImageIO.getImageReadersByFormatName(formatName);
        while (readers.hasNext()) {
            ImageReader reader = readers.next();
            if (reader.getOriginatingProvider().getClass().getName().startsWith("com.sun.imageio.")) {
                return reader.getOriginatingProvider();
            }
        }
        throw new IllegalStateException("the JDK has no " + formatName + " reader");
    }

    /** The EXIF orientation (1 to 8), 1 when there is none or it cannot be read. */
    private static int orientation(byte[] data) {
        try {
            ExifIFD0Directory exif = ImageMetadataReader.readMetadata(new ByteArrayInputStream(data))
                    .getFirstDirectoryOfType(ExifIFD0Directory.class);
            if (exif != null && exif.containsTag(ExifIFD0Directory.TAG_ORIENTATION)) {
                int orientation = exif.getInt(ExifIFD0Directory.TAG_ORIENTATION);
                return orientation >= 1 && orientation <= 8 ? orientation : 1;
            }
        } catch (ImageProcessingException | MetadataException | IOException | RuntimeException e) {
            // No usable orientation: the pixels are shown as stored.
        }
        return 1;
    }

    /** The picture turned as EXIF orientation {@code orientation} says a viewer should show it. */
    private static BufferedImage orient(BufferedImage image, int orientation) {
        if (orientation == 1) {
            return image;
        }
        int w = image.getWidth();
        int h = image.getHeight();
        boolean turned = orientation >= 5;
        AffineTransform transform = new AffineTransform();
        switch (orientation) {
            case 2 -> { transform.translate(w, 0); transform.scale(-1, 1); }
            case 3 -> { transform.translate(w, h); transform.rotate(Math.PI); }
            case 4 -> { transform.translate(0, h); transform.scale(1, -1); }
            case 5 -> transform.setTransform(0, 1, 1, 0, 0, 0);
            case 6 -> { transform.translate(h, 0); transform.rotate(Math.PI / 2); }
            case 7 -> transform.setTransform(0, -1, -1, 0, h, w);
            case 8 -> { transform.translate(0, w); transform.rotate(-Math.PI / 2); }
            default -> { }
        }
        BufferedImage result = new BufferedImage(turned ? h : w, turned ? w : h, imageType(image.getColorModel().hasAlpha()));
        Graphics2D graphics = result.createGraphics();
        try {
            graphics.drawImage(image, transform, null);
        } finally {
            graphics.dispose();
        }
        return result;
    }

    /**
     * The picture drawn afresh at most {@code side} pixels on its longest side, halving in steps
     * (one bilinear step from far larger looks grainy).
     */
    private static BufferedImage scaled(BufferedImage image, int side, boolean photo) {
        int width = image.getWidth();
        int height = image.getHeight();
        double factor = Math.min(1.0, (double) side / Math.max(width, height));
        int targetWidth = Math.max(1, (int) Math.round(width * factor));
        int targetHeight = Math.max(1, (int) Math.round(height * factor));
        BufferedImage current = image;
        do {
            width = Math.max(targetWidth, width / 2 >= targetWidth ? width / 2 : targetWidth);
            height = Math.max(targetHeight, height / 2 >= targetHeight ? height / 2 : targetHeight);
            current = drawn(current, width, height, photo);
        } while (width != targetWidth || height != targetHeight);
        return current;
    }

    private static BufferedImage drawn(BufferedImage image, int width, int height, boolean photo) {
        BufferedImage result = new BufferedImage(width, height, imageType(!photo));
        Graphics2D graphics = result.createGraphics();
        try {
            graphics.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
            graphics.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
            if (photo) {
                // A photo has no transparency: what was transparent becomes white, not black.
                graphics.setColor(java.awt.Color.WHITE);
                graphics.fillRect(0, 0, width, height);
            }
            graphics.drawImage(image, 0, 0, width, height, null);
        } finally {
            graphics.dispose();
        }
        return result;
    }

    private static int imageType(boolean alpha) {
        return alpha ? BufferedImage.TYPE_INT_ARGB : BufferedImage.TYPE_INT_RGB;
    }

    /** A new file from pixels alone: no metadata is written, nothing of the upload is copied. */
    private static byte[] encode(BufferedImage image, boolean photo) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ImageWriter writer = ImageIO.getImageWritersByFormatName(photo ? "jpeg" : "png").next();
        try (ImageOutputStream output = ImageIO.createImageOutputStream(bytes)) {
            writer.setOutput(output);
            ImageWriteParam param = writer.getDefaultWriteParam();
            if (photo) {
                param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
                param.setCompressionQuality(0.85f);
            }
            writer.write(null, new IIOImage(image, null, null), param);
        } catch (IOException e) {
            throw new IllegalStateException("encoding a picture in memory failed", e);
        } finally {
            writer.dispose();
        }
        return bytes.toByteArray();
    }
}
