package org.linli.forum.picture;

import org.linli.forum.common.InvalidInputException;

import java.util.List;

/** What became of one submission's files: the pictures stored, and why each other file was refused. */
public record UploadResult(List<Picture> stored, List<InvalidInputException> refused) {
}
