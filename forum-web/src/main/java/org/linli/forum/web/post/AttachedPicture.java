package org.linli.forum.web.post;

import org.linli.forum.picture.Picture;

import java.io.Serializable;

/** A picture uploaded into a posting form, as the form lists it until the post is sent. */
public record AttachedPicture(long id, String address, String thumbnailAddress, int thumbnailWidth, int thumbnailHeight,
                              String markdown) implements Serializable {

    static AttachedPicture of(Picture picture) {
        return new AttachedPicture(picture.getId(), picture.getAddress(), picture.getThumbnailAddress(),
                picture.getThumbnailWidth(), picture.getThumbnailHeight(), picture.getMarkdown());
    }
}
