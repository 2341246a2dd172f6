-- The search outbox: every change that affects search appends a row here in the same
-- transaction. The indexer applies rows past the sequence number its index last committed.
CREATE SEQUENCE search_change_seq START WITH 1 INCREMENT BY 1;

CREATE TABLE search_change (
    seq         BIGINT       NOT NULL PRIMARY KEY,
    post_id     BIGINT       NOT NULL,
    created_at  TIMESTAMP(6) WITH TIME ZONE NOT NULL
);
