-- Pictures members attach to posts. The file is stored once under the data directory, named by
-- the SHA-256 of its (re-encoded) content; a row says who uploaded it, so each member's quota
-- and pending uploads are theirs even when two members upload the same picture.
CREATE SEQUENCE picture_seq START WITH 1 INCREMENT BY 50;

CREATE TABLE picture (
    id                BIGINT       NOT NULL PRIMARY KEY,
    content_hash      VARCHAR(64)  NOT NULL,
    media_type        VARCHAR(32)  NOT NULL,
    width             INTEGER      NOT NULL,
    height            INTEGER      NOT NULL,
    byte_size         BIGINT       NOT NULL,
    thumbnail_width   INTEGER      NOT NULL,
    thumbnail_height  INTEGER      NOT NULL,
    uploader_id       BIGINT       NOT NULL,
    uploaded_at       TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    CONSTRAINT fk_picture_uploader FOREIGN KEY (uploader_id) REFERENCES forum_member (id),
    CONSTRAINT uq_picture_hash_uploader UNIQUE (content_hash, uploader_id)
);
CREATE INDEX ix_picture_uploader ON picture (uploader_id);

-- Which posts show which pictures (from their rendered text): a picture is served to a reader
-- who may see one of them, and goes when none uses it any more.
CREATE TABLE post_picture (
    post_id     BIGINT NOT NULL,
    picture_id  BIGINT NOT NULL,
    PRIMARY KEY (post_id, picture_id),
    CONSTRAINT fk_post_picture_post FOREIGN KEY (post_id) REFERENCES post (id),
    CONSTRAINT fk_post_picture_picture FOREIGN KEY (picture_id) REFERENCES picture (id) ON DELETE CASCADE
);
CREATE INDEX ix_post_picture_picture ON post_picture (picture_id);
