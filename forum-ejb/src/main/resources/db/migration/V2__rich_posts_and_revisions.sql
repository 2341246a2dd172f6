-- Rich posts: the sanitizer policy version each stored body was rendered under (0: before
-- Markdown, so every existing post is rendered again), and the revisions of edited posts.

ALTER TABLE post ADD COLUMN render_version INTEGER DEFAULT 0 NOT NULL;
ALTER TABLE post ADD COLUMN revision_count INTEGER DEFAULT 1 NOT NULL;

CREATE INDEX ix_post_render_version ON post (render_version);

CREATE SEQUENCE post_revision_seq START WITH 1 INCREMENT BY 50;

-- Written on a post's first edit (revision 1 is then the original) and on every edit after.
CREATE TABLE post_revision (
    id               BIGINT        NOT NULL PRIMARY KEY,
    post_id          BIGINT        NOT NULL,
    revision_number  INTEGER       NOT NULL,
    source           VARCHAR(100000) NOT NULL,
    editor_id        BIGINT        NOT NULL,
    created_at       TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    CONSTRAINT fk_revision_post FOREIGN KEY (post_id) REFERENCES post (id),
    CONSTRAINT fk_revision_editor FOREIGN KEY (editor_id) REFERENCES forum_member (id),
    CONSTRAINT ux_revision_post_number UNIQUE (post_id, revision_number)
);
