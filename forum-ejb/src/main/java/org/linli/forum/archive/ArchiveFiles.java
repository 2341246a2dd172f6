package org.linli.forum.archive;

import org.linli.forum.common.ForumSettings;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** Where archives to import are put: {@code <data dir>/import}, the only folder the administration page offers. */
public final class ArchiveFiles {

    private ArchiveFiles() {
    }

    public static Path folder() {
        return ForumSettings.dataDirectory().resolve("import");
    }

    /** The archive files in the import folder, by name. */
    public static List<String> available() {
        Path folder = folder();
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(Files::isRegularFile)
                    .map(p -> p.getFileName().toString())
                    .filter(n -> n.endsWith(".jsonl") || n.endsWith(".jsonl.gz") || n.endsWith(".json") || n.endsWith(".json.gz"))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** An absolute path as given (the CLI's operator may name any file), a bare name in the import folder. */
    static Path resolve(String file) {
        if (file == null || file.isBlank()) {
            throw new IllegalArgumentException("the file parameter is missing");
        }
        Path path = Path.of(file.strip());
        Path resolved = path.isAbsolute() ? path : folder().resolve(path);
        if (!Files.isReadable(resolved)) {
            throw new IllegalArgumentException("cannot read " + resolved);
        }
        return resolved;
    }
}
