package org.linli.forum.picture;

/** A file as a member sent it: the name their device gave it (for messages only) and its bytes. */
public record PictureUpload(String name, byte[] content) {
}
