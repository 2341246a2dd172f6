package org.linli.forum.picture;

import org.linli.forum.common.ForumSettings;
import org.linli.forum.common.Sha256;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;

/**
 * The pictures' files, under {@code pictures/} in the data directory (never in the deployment,
 * which a redeploy replaces), each named by the SHA-256 of its content and spread over 256
 * folders by the hash's first two digits. A file is written under a temporary name and moved
 * into place, so a reader never sees half a picture; the same picture uploaded twice is one file.
 */
public final class PictureFiles {

    private final Path root;

    public PictureFiles(Path root) {
        this.root = root;
    }

    /** The files in the pictures directory (linli.pictures.dir; by default in the data directory). */
    public static PictureFiles inDataDirectory() {
        return new PictureFiles(ForumSettings.picturesDirectory());
    }

    /** Stores a processed picture and its thumbnail; returns its hash. */
    public String store(PictureProcessing.Result result) {
        String hash = Sha256.hex(result.content());
        write(path(hash, false, result.extension()), result.content());
        if (result.thumbnail() != result.content()) {
            write(path(hash, true, result.extension()), result.thumbnail());
        }
        return hash;
    }

    /** The file of a picture (or of its thumbnail), if it is there. */
    public Optional<Path> find(String hash, boolean thumbnail, String extension) {
        Path path = path(hash, thumbnail, extension);
        return Files.isRegularFile(path) ? Optional.of(path) : Optional.empty();
    }

    /** Removes a picture's files (the picture and its thumbnail). */
    public void delete(String hash, String extension) {
        try {
            Files.deleteIfExists(path(hash, false, extension));
            Files.deleteIfExists(path(hash, true, extension));
        } catch (IOException e) {
            throw new UncheckedIOException("could not remove the picture " + hash, e);
        }
    }

    private Path path(String hash, boolean thumbnail, String extension) {
        if (!hash.matches("[0-9a-f]{64}") || !extension.matches("jpg|png")) {
            throw new IllegalArgumentException("not a picture's name: " + hash + "." + extension);
        }
        return root.resolve(hash.substring(0, 2)).resolve(hash + (thumbnail ? "-t." : ".") + extension);
    }

    private static void write(Path path, byte[] content) {
        if (Files.isRegularFile(path)) {
            return; // named by its content: the file there is this one
        }
        try {
            Files.createDirectories(path.getParent());
            Path temporary = Files.createTempFile(path.getParent(), ".upload-", ".tmp");
            try {
                Files.write(temporary, content);
                try {
                    Files.move(temporary, path, StandardCopyOption.ATOMIC_MOVE);
                } catch (AtomicMoveNotSupportedException e) {
                    Files.move(temporary, path, StandardCopyOption.REPLACE_EXISTING);
                }
            } finally {
                Files.deleteIfExists(temporary);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not store the picture " + path.getFileName(), e);
        }
    }
}
