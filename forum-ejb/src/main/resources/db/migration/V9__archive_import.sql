-- Importing discussion archives (a newsgroup spool, a government message board export).
-- The ledger tables make an import idempotent and resumable: every record, thread and author
-- the importer has brought in is written down in the same transaction as the posts it made,
-- so running the same file again, or again after a kill, brings in only what is missing.
CREATE SEQUENCE import_run_seq START WITH 1 INCREMENT BY 50;
CREATE SEQUENCE import_problem_seq START WITH 1 INCREMENT BY 50;

-- One row per imported record: the post it became, and its Message-ID for threading replies.
CREATE TABLE import_record (
    source        VARCHAR(32)   NOT NULL,
    external_id   VARCHAR(300)  NOT NULL,
    post_id       BIGINT        NOT NULL,
    topic_id      BIGINT        NOT NULL,
    message_id    VARCHAR(300),
    PRIMARY KEY (source, external_id),
    CONSTRAINT fk_import_record_post FOREIGN KEY (post_id) REFERENCES post (id),
    CONSTRAINT fk_import_record_topic FOREIGN KEY (topic_id) REFERENCES topic (id)
);
CREATE INDEX ix_import_record_message ON import_record (source, message_id);

-- The topic each reconstructed thread (a board and a normalised subject) became.
CREATE TABLE import_thread (
    source        VARCHAR(32)   NOT NULL,
    board_id      BIGINT        NOT NULL,
    thread_key    VARCHAR(400)  NOT NULL,
    topic_id      BIGINT        NOT NULL,
    PRIMARY KEY (source, board_id, thread_key),
    CONSTRAINT fk_import_thread_topic FOREIGN KEY (topic_id) REFERENCES topic (id)
);

-- The member each original author became (such members have no password: they cannot sign in).
CREATE TABLE import_author (
    source        VARCHAR(32)   NOT NULL,
    author_key    VARCHAR(300)  NOT NULL,
    member_id     BIGINT        NOT NULL,
    PRIMARY KEY (source, author_key),
    CONSTRAINT fk_import_author_member FOREIGN KEY (member_id) REFERENCES forum_member (id)
);

-- One run of the importer over one file: its progress and, at the end, its counts.
CREATE TABLE import_run (
    id              BIGINT        NOT NULL PRIMARY KEY,
    source          VARCHAR(32)   NOT NULL,
    file_name       VARCHAR(500)  NOT NULL,
    started_at      TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    finished_at     TIMESTAMP(6) WITH TIME ZONE,
    status          VARCHAR(16)   NOT NULL,
    total_records   INTEGER       NOT NULL,
    imported_count  INTEGER       NOT NULL,
    skipped_count   INTEGER       NOT NULL,
    failed_count    INTEGER       NOT NULL,
    -- Why a run failed, if it did.
    error           VARCHAR(1000),
    CONSTRAINT ck_import_run_status CHECK (status IN ('RUNNING', 'FINISHED', 'STOPPED', 'FAILED'))
);

-- Why a record was skipped or failed (the first 1,000 of a run; the counts cover them all).
CREATE TABLE import_problem (
    id            BIGINT        NOT NULL PRIMARY KEY,
    run_id        BIGINT        NOT NULL,
    line_number   INTEGER       NOT NULL,
    external_id   VARCHAR(300),
    outcome       VARCHAR(16)   NOT NULL,
    -- A message key (the page says it in the reader's language), and what it is about.
    reason        VARCHAR(100)  NOT NULL,
    detail        VARCHAR(1000),
    CONSTRAINT fk_import_problem_run FOREIGN KEY (run_id) REFERENCES import_run (id),
    CONSTRAINT ck_import_problem_outcome CHECK (outcome IN ('SKIPPED', 'FAILED'))
);
CREATE INDEX ix_import_problem_run ON import_problem (run_id, line_number);
