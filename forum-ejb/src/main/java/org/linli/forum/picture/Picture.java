package org.linli.forum.picture;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.SequenceGenerator;
import org.linli.forum.content.PictureSizes;
import org.linli.forum.member.Member;

import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;

/**
 * A picture a member uploaded: its file (named by the hash of its content, see
 * {@link PictureFiles}) with its size and its thumbnail's. Made only from a
 * {@link PictureProcessing.Result}, so every picture the forum has was decoded and re-encoded.
 */
@Entity
public class Picture implements Serializable {

    private static final long serialVersionUID = 1L;


    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "picture_seq")
    @SequenceGenerator(name = "picture_seq", sequenceName = "picture_seq", allocationSize = 50)
    private Long id;

    @Column(name = "content_hash", nullable = false, length = 64)
    private String hash;

    @Column(name = "media_type", nullable = false, length = 32)
    private String mediaType;

    @Column(nullable = false)
    private int width;

    @Column(nullable = false)
    private int height;

    @Column(name = "byte_size", nullable = false)
    private long byteSize;

    @Column(name = "thumbnail_width", nullable = false)
    private int thumbnailWidth;

    @Column(name = "thumbnail_height", nullable = false)
    private int thumbnailHeight;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "uploader_id", nullable = false)
    private Member uploader;

    @Column(name = "uploaded_at", nullable = false)
    private Instant uploadedAt;

    protected Picture() {
    }

    Picture(String hash, PictureProcessing.Result result, Member uploader, Instant uploadedAt) {
        this.hash = Objects.requireNonNull(hash);
        this.mediaType = result.mediaType();
        this.width = result.width();
        this.height = result.height();
        this.byteSize = result.content().length;
        this.thumbnailWidth = result.thumbnailWidth();
        this.thumbnailHeight = result.thumbnailHeight();
        this.uploader = Objects.requireNonNull(uploader);
        this.uploadedAt = Objects.requireNonNull(uploadedAt);
    }

    /** Where the forum serves the picture: what a post's Markdown names. */
    public String getAddress() {
        return "/pictures/" + hash + "." + extension();
    }

    /** The thumbnail's address: the picture's own when it is small enough to be its own thumbnail. */
    public String getThumbnailAddress() {
        return hasThumbnail() ? "/pictures/" + hash + "-t." + extension() : getAddress();
    }

    public boolean hasThumbnail() {
        return thumbnailWidth != width || thumbnailHeight != height;
    }

    /** The line that places the picture in a post's text. */
    public String getMarkdown() {
        return "![](" + getAddress() + ")";
    }

    public PictureSizes.Size size() {
        return new PictureSizes.Size(getAddress(), width, height, getThumbnailAddress(), thumbnailWidth, thumbnailHeight);
    }

    public String extension() {
        return PictureProcessing.JPEG.equals(mediaType) ? "jpg" : "png";
    }

    public Long getId() {
        return id;
    }

    public String getHash() {
        return hash;
    }

    public String getMediaType() {
        return mediaType;
    }

    public int getWidth() {
        return width;
    }

    public int getHeight() {
        return height;
    }

    public long getByteSize() {
        return byteSize;
    }

    public int getThumbnailWidth() {
        return thumbnailWidth;
    }

    public int getThumbnailHeight() {
        return thumbnailHeight;
    }

    public Member getUploader() {
        return uploader;
    }

    public Instant getUploadedAt() {
        return uploadedAt;
    }
}
