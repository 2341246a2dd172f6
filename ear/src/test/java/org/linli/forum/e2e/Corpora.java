package org.linli.forum.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The shared test corpora beside the repository (../shared/corpora; the build passes the path
 * as linli.corpora). Read, never copied into the product.
 */
final class Corpora {

    private Corpora() {
    }

    static Path root() {
        Path root = Path.of(System.getProperty("linli.corpora", "../../shared/corpora")).toAbsolutePath().normalize();
        if (!Files.isDirectory(root)) {
            throw new IllegalStateException("The shared corpora are not at " + root);
        }
        return root;
    }

    /**
     * Every distinct XSS payload: each non-blank line of the payload lists, and each line inside
     * the fenced code blocks of the OWASP cheat sheet.
     */
    static List<String> xssPayloads() {
        Set<String> payloads = new LinkedHashSet<>();
        try (Stream<Path> files = Files.walk(root().resolve("xss"))) {
            for (Path file : files.sorted().toList()) {
                String name = file.getFileName().toString();
                if (name.endsWith(".txt") && !name.startsWith("LICENSE")) {
                    lines(file).stream().filter(line -> !line.isBlank()).forEach(payloads::add);
                } else if (name.endsWith(".md") && !name.startsWith("LICENSE") && !name.equals("SOURCES.md")) {
                    boolean fenced = false;
                    for (String line : lines(file)) {
                        if (line.startsWith("```")) {
                            fenced = !fenced;
                        } else if (fenced && !line.isBlank()) {
                            payloads.add(line);
                        }
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new ArrayList<>(payloads);
    }

    /** Every line of the Big List of Naughty Strings that is not a comment, blank ones included. */
    static List<String> naughtyStrings() {
        return lines(root().resolve("naughty-strings/blns/blns.txt")).stream()
                .filter(line -> !line.startsWith("#"))
                .distinct()
                .toList();
    }

    /** Every line of the SQL-injection payload lists. */
    static List<String> sqlInjections() {
        try (Stream<Path> files = Files.walk(root().resolve("sqli"))) {
            return files.filter(f -> f.toString().endsWith(".txt") && !f.getFileName().toString().startsWith("LICENSE"))
                    .sorted().flatMap(f -> lines(f).stream()).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<String> lines(Path file) {
        try {
            // Some lists hold bytes that are not UTF-8; they arrive as U+FFFD, as a browser would send them.
            String text = new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
            return List.of(text.replace("\r\n", "\n").split("\n"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
