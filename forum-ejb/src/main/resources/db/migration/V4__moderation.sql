-- Moderation: board moderators, suspensions, hidden topics and posts, reports, the audit log,
-- and what flood control and the search outbox need for them.

-- A suspended member cannot sign in or post. suspended_until NULL with suspended_at set is a
-- permanent suspension. The history of suspensions is in the audit log.
ALTER TABLE forum_member ADD COLUMN suspended_at TIMESTAMP(6) WITH TIME ZONE;
ALTER TABLE forum_member ADD COLUMN suspended_until TIMESTAMP(6) WITH TIME ZONE;
ALTER TABLE forum_member ADD COLUMN suspension_reason VARCHAR(1000);

-- A member with role MODERATOR and rows here moderates only those boards; with no rows, all.
CREATE TABLE board_moderator (
    board_id   BIGINT NOT NULL,
    member_id  BIGINT NOT NULL,
    CONSTRAINT pk_board_moderator PRIMARY KEY (member_id, board_id),
    CONSTRAINT fk_board_moderator_board FOREIGN KEY (board_id) REFERENCES board (id),
    CONSTRAINT fk_board_moderator_member FOREIGN KEY (member_id) REFERENCES forum_member (id)
);

-- Hiding is a soft delete: the row stays, readers without the right get a 404.
ALTER TABLE topic ADD COLUMN hidden_at TIMESTAMP(6) WITH TIME ZONE;
ALTER TABLE topic ADD COLUMN hidden_by BIGINT;
ALTER TABLE topic ADD COLUMN hidden_reason VARCHAR(1000);
ALTER TABLE topic ADD CONSTRAINT fk_topic_hidden_by FOREIGN KEY (hidden_by) REFERENCES forum_member (id);

-- HIDDEN by a moderator, or DELETED by its author; both keep the text for moderators.
ALTER TABLE post ADD COLUMN hidden_at TIMESTAMP(6) WITH TIME ZONE;
ALTER TABLE post ADD COLUMN hidden_by BIGINT;
ALTER TABLE post ADD COLUMN hidden_reason VARCHAR(1000);
ALTER TABLE post ADD COLUMN deleted_by_author BOOLEAN DEFAULT FALSE NOT NULL;
ALTER TABLE post ADD CONSTRAINT fk_post_hidden_by FOREIGN KEY (hidden_by) REFERENCES forum_member (id);

-- Hidden topics are counted apart, so a board's pages are counted without a COUNT(*).
ALTER TABLE board ADD COLUMN hidden_topic_count INTEGER DEFAULT 0 NOT NULL;
-- A board's latest topic, found again when that topic is hidden or moved away.
CREATE INDEX ix_topic_board_last_post ON topic (board_id, last_post_at);

-- Flood control asks for a member's latest posts. (ix_post_author stays: H2 ties it to the
-- author foreign key.)
CREATE INDEX ix_post_author_created ON post (author_id, created_at);

-- A change that touches every post of a topic (hide, restore, move) is one row naming the topic.
ALTER TABLE search_change ALTER COLUMN post_id DROP NOT NULL;
ALTER TABLE search_change ADD COLUMN topic_id BIGINT;

CREATE SEQUENCE report_seq START WITH 1 INCREMENT BY 50;

CREATE TABLE report (
    id              BIGINT        NOT NULL PRIMARY KEY,
    post_id         BIGINT        NOT NULL,
    reporter_id     BIGINT        NOT NULL,
    reason          VARCHAR(2000) NOT NULL,
    created_at      TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    -- OPEN until a moderator hides the post (POST_HIDDEN) or dismisses the report (DISMISSED).
    status          VARCHAR(16)   NOT NULL,
    resolved_by     BIGINT,
    resolved_at     TIMESTAMP(6) WITH TIME ZONE,
    resolution_note VARCHAR(2000),
    version         BIGINT        NOT NULL,
    CONSTRAINT fk_report_post FOREIGN KEY (post_id) REFERENCES post (id),
    CONSTRAINT fk_report_reporter FOREIGN KEY (reporter_id) REFERENCES forum_member (id),
    CONSTRAINT fk_report_resolved_by FOREIGN KEY (resolved_by) REFERENCES forum_member (id),
    -- The same member reporting the same post twice counts once.
    CONSTRAINT ux_report_post_reporter UNIQUE (post_id, reporter_id),
    CONSTRAINT ck_report_status CHECK (status IN ('OPEN', 'POST_HIDDEN', 'DISMISSED'))
);

CREATE INDEX ix_report_status_created ON report (status, created_at);
CREATE INDEX ix_report_reporter ON report (reporter_id, created_at);

CREATE SEQUENCE audit_entry_seq START WITH 1 INCREMENT BY 50;

-- Every moderation and administration action. Rows are only ever inserted.
CREATE TABLE audit_entry (
    id           BIGINT        NOT NULL PRIMARY KEY,
    actor_id     BIGINT        NOT NULL,
    action       VARCHAR(32)   NOT NULL,
    target_type  VARCHAR(16)   NOT NULL,
    target_id    BIGINT        NOT NULL,
    target_label VARCHAR(400)  NOT NULL,
    board_id     BIGINT,
    reason       VARCHAR(2000),
    created_at   TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    CONSTRAINT fk_audit_actor FOREIGN KEY (actor_id) REFERENCES forum_member (id),
    CONSTRAINT fk_audit_board FOREIGN KEY (board_id) REFERENCES board (id)
);

CREATE INDEX ix_audit_created ON audit_entry (created_at);
CREATE INDEX ix_audit_actor ON audit_entry (actor_id, id);
CREATE INDEX ix_audit_board ON audit_entry (board_id, id);
