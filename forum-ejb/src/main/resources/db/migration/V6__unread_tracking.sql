-- How far each member has read each topic they opened: the board page marks topics with newer
-- posts, and "first unread" jumps to the post after this one.
CREATE TABLE topic_read (
    member_id         BIGINT  NOT NULL,
    topic_id          BIGINT  NOT NULL,
    last_read_number  INTEGER NOT NULL,
    read_at           TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    CONSTRAINT pk_topic_read PRIMARY KEY (member_id, topic_id),
    CONSTRAINT fk_topic_read_member FOREIGN KEY (member_id) REFERENCES forum_member (id),
    CONSTRAINT fk_topic_read_topic FOREIGN KEY (topic_id) REFERENCES topic (id)
);
