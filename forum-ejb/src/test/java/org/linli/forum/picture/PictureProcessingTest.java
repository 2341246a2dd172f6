package org.linli.forum.picture;

import com.drew.imaging.ImageMetadataReader;
import com.drew.metadata.Directory;
import com.drew.metadata.Metadata;
import com.drew.metadata.exif.ExifIFD0Directory;
import com.drew.metadata.exif.GpsDirectory;
import org.junit.jupiter.api.Test;
import org.linli.forum.common.InvalidInputException;

import javax.imageio.ImageIO;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.CRC32;
import java.util.zip.Deflater;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Real files and hostile ones through the one path every upload takes. */
class PictureProcessingTest {

    @Test
    void aPhonePhotoLosesItsLocationAndEveryOtherMetadataAndIsTurnedUpright() throws Exception {
        byte[] phone = resource("phone-gps.jpg");
        Metadata before = ImageMetadataReader.readMetadata(new ByteArrayInputStream(phone));
        GpsDirectory gps = before.getFirstDirectoryOfType(GpsDirectory.class);
        assertThat(gps).as("the fixture carries a location").isNotNull();
        assertThat(gps.getGeoLocation().getLatitude()).isBetween(31.2, 31.3);

        PictureProcessing.Result result = PictureProcessing.process(phone, "pictures", "IMG_0001.jpg");

        assertThat(result.mediaType()).isEqualTo("image/jpeg");
        Metadata after = ImageMetadataReader.readMetadata(new ByteArrayInputStream(result.content()));
        assertThat(after.getFirstDirectoryOfType(GpsDirectory.class)).isNull();
        assertThat(after.getFirstDirectoryOfType(ExifIFD0Directory.class)).isNull();
        List<String> kinds = new ArrayList<>();
        for (Directory directory : after.getDirectories()) {
            kinds.add(directory.getName());
        }
        // What is left describes the encoding, nothing about who took it or where.
        assertThat(kinds).allMatch(kind -> kind.startsWith("JPEG") || kind.equals("JFIF") || kind.equals("Huffman") || kind.equals("File Type"));
        assertThat(new String(result.content(), StandardCharsets.ISO_8859_1)).doesNotContain("ExamplePhone").doesNotContain("Exif");
        // Orientation 6: the 1200 × 900 pixels are shown turned, 900 × 1200.
        assertThat(result.width()).isEqualTo(900);
        assertThat(result.height()).isEqualTo(1200);
        BufferedImage stored = ImageIO.read(new ByteArrayInputStream(result.content()));
        assertThat(stored.getWidth()).isEqualTo(900);
        // The lamp post (dark, vertical in the original at x 560..600) now runs across, at y 560..600.
        assertThat(brightness(stored.getRGB(450, 580))).isLessThan(100);
        assertThat(result.thumbnailWidth()).isEqualTo(360);
        assertThat(result.thumbnailHeight()).isEqualTo(PictureRules.THUMBNAIL_SIDE);
        assertThat(ImageIO.read(new ByteArrayInputStream(result.thumbnail())).getHeight()).isEqualTo(PictureRules.THUMBNAIL_SIDE);
    }

    @Test
    void aWebpPictureIsRead() throws Exception {
        PictureProcessing.Result result = PictureProcessing.process(resource("street.webp"), "pictures", "street.webp");

        assertThat(result.mediaType()).isEqualTo("image/jpeg");
        assertThat(result.width()).isEqualTo(640);
        assertThat(result.height()).isEqualTo(480);
        BufferedImage stored = ImageIO.read(new ByteArrayInputStream(result.content()));
        assertThat(stored.getRGB(20, 20) & 0xFF).as("blue sky").isGreaterThan(180);
    }

    @Test
    void aScriptAppendedToAPngIsGone() throws Exception {
        byte[] png = png(drawing(300, 200, false));
        byte[] withScript = concat(png, "<script>alert('png')</script>".getBytes(StandardCharsets.US_ASCII));
        assertThat(ImageIO.read(new ByteArrayInputStream(withScript))).as("still a PNG to a decoder").isNotNull();

        PictureProcessing.Result result = PictureProcessing.process(withScript, "pictures", "map.png");

        assertThat(result.mediaType()).isEqualTo("image/png");
        assertThat(new String(result.content(), StandardCharsets.ISO_8859_1)).doesNotContain("script").doesNotContain("alert");
        assertThat(endOfPng(result.content())).as("nothing after IEND").isEqualTo(result.content().length);
        assertThat(result.width()).isEqualTo(300);
    }

    @Test
    void aGifThatIsAlsoJavaScriptBecomesAPlainPng() throws Exception {
        byte[] gif = gif(drawing(40, 30, false));
        // The classic polyglot: the logical screen width bytes read "/*", a comment runs to the
        // end, where "*/=alert(...)" follows the GIF's trailer. Browsers decode it as a GIF and
        // run it as a script.
        gif[6] = '/';
        gif[7] = '*';
        byte[] polyglot = concat(gif, "*/=alert('gif');".getBytes(StandardCharsets.US_ASCII));
        assertThat(new String(polyglot, 0, 8, StandardCharsets.US_ASCII)).isEqualTo("GIF89a/*");

        PictureProcessing.Result result = PictureProcessing.process(polyglot, "pictures", "fun.gif");

        assertThat(result.mediaType()).isEqualTo("image/png");
        String stored = new String(result.content(), StandardCharsets.ISO_8859_1);
        assertThat(stored).startsWith("\u0089PNG").doesNotContain("alert").doesNotContain("/*");
        assertThat(result.width()).isEqualTo(40);
    }

    @Test
    void aDecompressionBombIsRefusedFromItsHeaderWithoutDecoding() {
        byte[] bomb = pngClaiming(50_000, 50_000);
        assertThat(bomb.length).isLessThan(200);
        long heapBefore = usedHeap();

        assertThatThrownBy(() -> PictureProcessing.process(bomb, "pictures", "bomb.png"))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> {
                    assertThat(e.getMessageKey()).isEqualTo("error.picture.tooManyPixels");
                    assertThat(e.getArguments()).contains("bomb.png", 50_000L);
                    assertThat(e.getField()).isEqualTo("pictures");
                });
        // 50,000 × 50,000 pixels would be 10 GB decoded; the heap did not grow by even 100 MB.
        assertThat(usedHeap() - heapBefore).isLessThan(100L * 1024 * 1024);
    }

    @Test
    void htmlNamedLikeAJpegIsRefused() {
        byte[] html = "<!DOCTYPE html><html><body><script>alert(document.cookie)</script></body></html>"
                .getBytes(StandardCharsets.UTF_8);

        assertThatThrownBy(() -> PictureProcessing.process(html, "pictures", "x.jpg"))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.getMessageKey()).isEqualTo("error.picture.format"));
    }

    @Test
    void aFileOverTheSizeLimitIsRefusedBeforeItIsRead() {
        byte[] large = new byte[(int) PictureRules.FILE_BYTES + 1];
        large[0] = (byte) 0xFF;
        large[1] = (byte) 0xD8;
        large[2] = (byte) 0xFF;

        assertThatThrownBy(() -> PictureProcessing.process(large, "pictures", "huge.jpg"))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.getMessageKey()).isEqualTo("error.picture.tooLarge"));
    }

    @Test
    void aDamagedFileIsRefusedAsUnreadable() throws Exception {
        byte[] png = png(drawing(300, 200, false));
        byte[] cut = java.util.Arrays.copyOf(png, 60);

        assertThatThrownBy(() -> PictureProcessing.process(cut, "pictures", "cut.png"))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.getMessageKey()).isEqualTo("error.picture.unreadable"));
    }

    @Test
    void aTransparentDrawingStaysAPngAndKeepsItsTransparency() throws Exception {
        PictureProcessing.Result result = PictureProcessing.process(png(drawing(100, 80, true)), "pictures", "sign.png");

        assertThat(result.mediaType()).isEqualTo("image/png");
        assertThat(ImageIO.read(new ByteArrayInputStream(result.content())).getRGB(1, 1) >>> 24).isZero();
        assertThat(result.thumbnail()).isSameAs(result.content());
    }

    @Test
    void aLargePictureIsStoredAtMostTheStoredSide() throws Exception {
        BufferedImage wide = drawing(6000, 1000, false);
        PictureProcessing.Result result = PictureProcessing.process(png(wide), "pictures", "panorama.png");

        assertThat(result.width()).isEqualTo(PictureRules.STORED_SIDE);
        assertThat(result.height()).isEqualTo(341);
    }

    private static int brightness(int rgb) {
        return (((rgb >> 16) & 0xFF) + ((rgb >> 8) & 0xFF) + (rgb & 0xFF)) / 3;
    }

    private static long usedHeap() {
        Runtime runtime = Runtime.getRuntime();
        return runtime.totalMemory() - runtime.freeMemory();
    }

    private static byte[] resource(String name) throws IOException {
        try (InputStream in = PictureProcessingTest.class.getResourceAsStream("/pictures/" + name)) {
            return in.readAllBytes();
        }
    }

    private static BufferedImage drawing(int width, int height, boolean transparent) {
        BufferedImage image = new BufferedImage(width, height, transparent ? BufferedImage.TYPE_INT_ARGB : BufferedImage.TYPE_INT_RGB);
        Graphics2D graphics = image.createGraphics();
        if (!transparent) {
            graphics.setColor(new Color(200, 220, 240));
            graphics.fillRect(0, 0, width, height);
        }
        graphics.setColor(Color.RED);
        graphics.fillOval(width / 4, height / 4, width / 2, height / 2);
        graphics.dispose();
        return image;
    }

    private static byte[] png(BufferedImage image) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "png", out);
        return out.toByteArray();
    }

    private static byte[] gif(BufferedImage image) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "gif", out);
        return out.toByteArray();
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] both = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, both, a.length, b.length);
        return both;
    }

    /** Where a PNG's IEND chunk ends. */
    private static int endOfPng(byte[] png) {
        int at = 8;
        while (at < png.length) {
            int length = ByteBuffer.wrap(png, at, 4).getInt();
            String type = new String(png, at + 4, 4, StandardCharsets.US_ASCII);
            at += 12 + length;
            if (type.equals("IEND")) {
                return at;
            }
        }
        return -1;
    }

    /** A valid PNG header claiming {@code width} × {@code height} pixels, with one tiny compressed row. */
    private static byte[] pngClaiming(int width, int height) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(new byte[]{(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A});
        ByteBuffer header = ByteBuffer.allocate(13).putInt(width).putInt(height).put((byte) 8).put((byte) 2)
                .put((byte) 0).put((byte) 0).put((byte) 0);
        chunk(out, "IHDR", header.array());
        Deflater deflater = new Deflater();
        deflater.setInput(new byte[1 + 3 * 64]);
        deflater.finish();
        byte[] compressed = new byte[256];
        int length = deflater.deflate(compressed);
        chunk(out, "IDAT", java.util.Arrays.copyOf(compressed, length));
        chunk(out, "IEND", new byte[0]);
        return out.toByteArray();
    }

    private static void chunk(ByteArrayOutputStream out, String type, byte[] data) {
        byte[] typeBytes = type.getBytes(StandardCharsets.US_ASCII);
        out.writeBytes(ByteBuffer.allocate(4).putInt(data.length).array());
        out.writeBytes(typeBytes);
        out.writeBytes(data);
        CRC32 crc = new CRC32();
        crc.update(typeBytes);
        crc.update(data);
        out.writeBytes(ByteBuffer.allocate(4).putInt((int) crc.getValue()).array());
    }
}
