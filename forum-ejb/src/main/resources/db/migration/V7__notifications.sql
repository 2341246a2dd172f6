-- Watching topics and boards, and the in-app notifications that watching brings.

CREATE TABLE topic_watch (
    member_id   BIGINT NOT NULL,
    topic_id    BIGINT NOT NULL,
    created_at  TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    CONSTRAINT pk_topic_watch PRIMARY KEY (topic_id, member_id),
    CONSTRAINT fk_topic_watch_member FOREIGN KEY (member_id) REFERENCES forum_member (id),
    CONSTRAINT fk_topic_watch_topic FOREIGN KEY (topic_id) REFERENCES topic (id)
);

CREATE TABLE board_watch (
    member_id   BIGINT NOT NULL,
    board_id    BIGINT NOT NULL,
    created_at  TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    CONSTRAINT pk_board_watch PRIMARY KEY (board_id, member_id),
    CONSTRAINT fk_board_watch_member FOREIGN KEY (member_id) REFERENCES forum_member (id),
    CONSTRAINT fk_board_watch_board FOREIGN KEY (board_id) REFERENCES board (id)
);

CREATE SEQUENCE notification_seq START WITH 1 INCREMENT BY 50;

CREATE TABLE notification (
    id          BIGINT      NOT NULL PRIMARY KEY,
    member_id   BIGINT      NOT NULL,
    -- REPLY, NEW_TOPIC, STATUS or OFFICIAL
    kind        VARCHAR(16) NOT NULL,
    topic_id    BIGINT      NOT NULL,
    post_id     BIGINT,
    actor_id    BIGINT      NOT NULL,
    created_at  TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    read_at     TIMESTAMP(6) WITH TIME ZONE,
    CONSTRAINT fk_notification_member FOREIGN KEY (member_id) REFERENCES forum_member (id),
    CONSTRAINT fk_notification_topic FOREIGN KEY (topic_id) REFERENCES topic (id),
    CONSTRAINT fk_notification_post FOREIGN KEY (post_id) REFERENCES post (id),
    CONSTRAINT fk_notification_actor FOREIGN KEY (actor_id) REFERENCES forum_member (id),
    CONSTRAINT ck_notification_kind CHECK (kind IN ('REPLY', 'NEW_TOPIC', 'STATUS', 'OFFICIAL'))
);

-- The header's unread count and the member's list, newest first.
CREATE INDEX ix_notification_member ON notification (member_id, read_at, id);

-- Each member chooses which kinds they are told about; no row means every kind. (Apart from
-- forum_member, whose version is the session stamp: choosing must not end one's sessions.)
CREATE TABLE notification_settings (
    member_id         BIGINT  NOT NULL PRIMARY KEY,
    notify_reply      BOOLEAN NOT NULL,
    notify_new_topic  BOOLEAN NOT NULL,
    notify_status     BOOLEAN NOT NULL,
    notify_official   BOOLEAN NOT NULL,
    CONSTRAINT fk_notification_settings_member FOREIGN KEY (member_id) REFERENCES forum_member (id)
);
