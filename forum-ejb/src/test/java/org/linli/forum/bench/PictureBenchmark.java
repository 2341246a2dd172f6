package org.linli.forum.bench;

import org.linli.forum.picture.PictureProcessing;

import javax.imageio.ImageIO;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Random;

/**
 * What an uploaded phone photo costs the server: {@link PictureProcessing} (decode, turn, scale
 * to 2,048 px, encode, thumbnail) against a baseline measured in the same run, the JDK alone
 * reading the photo and writing it back as JPEG at full size (what a server that only "strips
 * metadata" by re-encoding would do). CPU time of this thread, so the figure holds on a noisy
 * machine; after a warm-up.
 * <p>
 * {@code mvn -q -pl forum-ejb test-compile exec:java -Dexec.classpathScope=test
 * -Dexec.mainClass=org.linli.forum.bench.PictureBenchmark -Dexec.args="4032 3024 20"}
 */
public final class PictureBenchmark {

    private PictureBenchmark() {
    }

    public static void main(String[] args) throws IOException {
        int width = args.length > 0 ? Integer.parseInt(args[0]) : 4032;
        int height = args.length > 1 ? Integer.parseInt(args[1]) : 3024;
        int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 20;
        byte[] photo = photo(width, height);
        System.out.printf("photo %d x %d, %.1f MB JPEG; %d rounds each after %d warm-up rounds%n",
                width, height, photo.length / 1e6, rounds, rounds / 4 + 1);
        ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
        byte[][] out = new byte[1][];
        Runnable baseline = () -> {
            try {
                BufferedImage image = ImageIO.read(new ByteArrayInputStream(photo));
                ByteArrayOutputStream bytes = new ByteArrayOutputStream();
                ImageIO.write(image, "jpeg", bytes);
                out[0] = bytes.toByteArray();
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        };
        Runnable forum = () -> out[0] = PictureProcessing.process(photo, "pictures", "photo.jpg").content();
        for (int i = 0; i <= rounds / 4; i++) {
            baseline.run();
            forum.run();
        }
        double[] ms = new double[2];
        // Interleaved, so drift on a shared machine touches both alike.
        for (int i = 0; i < rounds; i++) {
            long start = cpu.getCurrentThreadCpuTime();
            baseline.run();
            long middle = cpu.getCurrentThreadCpuTime();
            forum.run();
            long end = cpu.getCurrentThreadCpuTime();
            ms[0] += (middle - start) / 1e6;
            ms[1] += (end - middle) / 1e6;
        }
        System.out.printf("baseline (JDK read + write, full size): %.0f ms CPU per photo%n", ms[0] / rounds);
        System.out.printf("forum (PictureProcessing):              %.0f ms CPU per photo, %.0f KB stored%n",
                ms[1] / rounds, out[0].length / 1e3);
        System.out.printf("ratio forum / baseline: %.2f%n", ms[1] / ms[0]);
    }

    /** A photo-like JPEG: gradients, shapes and sensor-like noise, so it compresses as photos do. */
    private static byte[] photo(int width, int height) throws IOException {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D graphics = image.createGraphics();
        graphics.setPaint(new java.awt.GradientPaint(0, 0, new Color(120, 160, 220), 0, height, new Color(80, 90, 70)));
        graphics.fillRect(0, 0, width, height);
        graphics.setColor(new Color(60, 60, 70));
        graphics.fillRect(width * 45 / 100, height / 6, width / 30, height);
        graphics.dispose();
        Random random = new Random(42);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                int rgb = image.getRGB(x, y);
                int noise = random.nextInt(17) - 8;
                int r = Math.max(0, Math.min(255, ((rgb >> 16) & 0xFF) + noise));
                int g = Math.max(0, Math.min(255, ((rgb >> 8) & 0xFF) + noise));
                int b = Math.max(0, Math.min(255, (rgb & 0xFF) + noise));
                image.setRGB(x, y, (r << 16) | (g << 8) | b);
            }
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ImageIO.write(image, "jpeg", bytes);
        return bytes.toByteArray();
    }
}
