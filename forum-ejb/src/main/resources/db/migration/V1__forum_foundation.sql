-- Linli Forum foundation schema: members, boards, topics and posts.
-- Runs unchanged on H2 and PostgreSQL; Hibernate never creates or alters the schema.

CREATE SEQUENCE forum_member_seq START WITH 1 INCREMENT BY 50;
CREATE SEQUENCE board_seq START WITH 1 INCREMENT BY 50;
CREATE SEQUENCE topic_seq START WITH 1 INCREMENT BY 50;
CREATE SEQUENCE post_seq START WITH 1 INCREMENT BY 50;

CREATE TABLE forum_member (
    id             BIGINT        NOT NULL PRIMARY KEY,
    username       VARCHAR(32)   NOT NULL,
    -- Case- and width-folded form of the username and the email, for uniqueness and sign-in.
    username_key   VARCHAR(32)   NOT NULL,
    display_name   VARCHAR(64)   NOT NULL,
    email          VARCHAR(254)  NOT NULL,
    email_key      VARCHAR(254)  NOT NULL,
    -- NULL for members who cannot sign in (such as authors brought in by an import).
    password_hash  VARCHAR(255),
    member_role    VARCHAR(16)   NOT NULL,
    created_at     TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    version        BIGINT        NOT NULL,
    CONSTRAINT ux_member_username_key UNIQUE (username_key),
    CONSTRAINT ux_member_email_key UNIQUE (email_key),
    CONSTRAINT ck_member_role CHECK (member_role IN ('RESIDENT', 'MODERATOR', 'STAFF', 'ADMIN'))
);

CREATE TABLE board (
    id             BIGINT        NOT NULL PRIMARY KEY,
    name           VARCHAR(100)  NOT NULL,
    description    VARCHAR(500)  NOT NULL,
    sort_position  INTEGER       NOT NULL,
    -- Counters are maintained by the services, never computed per view.
    topic_count    INTEGER       NOT NULL,
    post_count     BIGINT        NOT NULL,
    last_post_at   TIMESTAMP(6) WITH TIME ZONE,
    last_topic_id  BIGINT
);

CREATE TABLE topic (
    id             BIGINT        NOT NULL PRIMARY KEY,
    board_id       BIGINT        NOT NULL,
    -- 200 characters; a character outside the BMP takes two UTF-16 units.
    title          VARCHAR(400)  NOT NULL,
    author_id      BIGINT        NOT NULL,
    created_at     TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    last_post_at   TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    last_poster_id BIGINT        NOT NULL,
    reply_count    INTEGER       NOT NULL,
    locked         BOOLEAN       NOT NULL,
    pinned         BOOLEAN       NOT NULL,
    version        BIGINT        NOT NULL,
    CONSTRAINT fk_topic_board FOREIGN KEY (board_id) REFERENCES board (id),
    CONSTRAINT fk_topic_author FOREIGN KEY (author_id) REFERENCES forum_member (id),
    CONSTRAINT fk_topic_last_poster FOREIGN KEY (last_poster_id) REFERENCES forum_member (id)
);

-- The board page: pinned topics first, then by last activity.
CREATE INDEX ix_topic_board_activity ON topic (board_id, pinned, last_post_at, id);

ALTER TABLE board ADD CONSTRAINT fk_board_last_topic FOREIGN KEY (last_topic_id) REFERENCES topic (id);

CREATE TABLE post (
    id             BIGINT        NOT NULL PRIMARY KEY,
    topic_id       BIGINT        NOT NULL,
    -- 1 is the topic's opening post; replies count up from 2, with no gaps or duplicates.
    post_number    INTEGER       NOT NULL,
    author_id      BIGINT        NOT NULL,
    source         VARCHAR(100000)  NOT NULL,
    html           VARCHAR(1000000) NOT NULL,
    created_at     TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    edited_at      TIMESTAMP(6) WITH TIME ZONE,
    version        BIGINT        NOT NULL,
    CONSTRAINT fk_post_topic FOREIGN KEY (topic_id) REFERENCES topic (id),
    CONSTRAINT fk_post_author FOREIGN KEY (author_id) REFERENCES forum_member (id),
    -- Also the index behind topic pages: a page is a range of post numbers.
    CONSTRAINT ux_post_topic_number UNIQUE (topic_id, post_number)
);

CREATE INDEX ix_post_author ON post (author_id);
