-- Problem boards (residents report, staff resolve), announcement boards, official answers.

-- DISCUSSION: any member starts topics. PROBLEMS: topics are problems with a status.
-- ANNOUNCEMENTS: only staff and administrators start topics.
ALTER TABLE board ADD COLUMN kind VARCHAR(16) DEFAULT 'DISCUSSION' NOT NULL;
ALTER TABLE board ADD CONSTRAINT ck_board_kind CHECK (kind IN ('DISCUSSION', 'PROBLEMS', 'ANNOUNCEMENTS'));
-- Forums seeded in demo mode before this migration get the kinds the demo seed now gives.
UPDATE board SET kind = 'PROBLEMS' WHERE name IN ('物业管理', '城市建设');
UPDATE board SET kind = 'ANNOUNCEMENTS' WHERE name = '社区公告';

-- A topic on a problem board: OPEN, then ACKNOWLEDGED, then RESOLVED (NULL elsewhere).
ALTER TABLE topic ADD COLUMN problem_status VARCHAR(16);
ALTER TABLE topic ADD CONSTRAINT ck_topic_problem_status CHECK (problem_status IN ('OPEN', 'ACKNOWLEDGED', 'RESOLVED'));
ALTER TABLE topic ADD COLUMN resolved_at TIMESTAMP(6) WITH TIME ZONE;
ALTER TABLE topic ADD COLUMN official_answer_id BIGINT;
ALTER TABLE topic ADD CONSTRAINT fk_topic_official_answer FOREIGN KEY (official_answer_id) REFERENCES post (id);
UPDATE topic SET problem_status = 'OPEN' WHERE board_id IN (SELECT id FROM board WHERE kind = 'PROBLEMS');
-- The staff's view: open problems per board, oldest first.
CREATE INDEX ix_topic_problem_status ON topic (problem_status, board_id, created_at);

CREATE SEQUENCE topic_event_seq START WITH 1 INCREMENT BY 50;

-- A problem's status changes, shown in the topic as event lines.
CREATE TABLE topic_event (
    id           BIGINT        NOT NULL PRIMARY KEY,
    topic_id     BIGINT        NOT NULL,
    actor_id     BIGINT        NOT NULL,
    from_status  VARCHAR(16),
    to_status    VARCHAR(16)   NOT NULL,
    note         VARCHAR(2000),
    created_at   TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    CONSTRAINT fk_topic_event_topic FOREIGN KEY (topic_id) REFERENCES topic (id),
    CONSTRAINT fk_topic_event_actor FOREIGN KEY (actor_id) REFERENCES forum_member (id)
);

CREATE INDEX ix_topic_event_topic ON topic_event (topic_id, created_at);
