-- Guests reply without an account on boards that allow it; each reply is held until a moderator
-- approves it. The guest's address is never stored here: only its SHA-256 (for the per-address
-- limit and to recognise the same guest), and the one confirmation mail carries it.
ALTER TABLE board ADD COLUMN guest_replies BOOLEAN DEFAULT FALSE NOT NULL;

-- The author of approved guest replies: a member row that cannot sign in, one per guest address.
ALTER TABLE forum_member ADD COLUMN guest BOOLEAN DEFAULT FALSE NOT NULL;

-- A guest's confirmation mail is addressed to no member.
ALTER TABLE mail_outbox ALTER COLUMN member_id DROP NOT NULL;

CREATE SEQUENCE guest_reply_seq START WITH 1 INCREMENT BY 50;

CREATE TABLE guest_reply (
    id                  BIGINT         NOT NULL PRIMARY KEY,
    topic_id            BIGINT         NOT NULL,
    guest_name          VARCHAR(40)    NOT NULL,
    email_digest        VARCHAR(64)    NOT NULL,
    source              VARCHAR(100000) NOT NULL,
    html                VARCHAR(1000000) NOT NULL,
    created_at          TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    address_digest      VARCHAR(64)    NOT NULL,
    email_confirmed_at  TIMESTAMP(6) WITH TIME ZONE,
    state               VARCHAR(16)    NOT NULL,
    decided_at          TIMESTAMP(6) WITH TIME ZONE,
    decided_by          BIGINT,
    post_id             BIGINT,
    CONSTRAINT fk_guest_reply_topic FOREIGN KEY (topic_id) REFERENCES topic (id),
    CONSTRAINT fk_guest_reply_decided_by FOREIGN KEY (decided_by) REFERENCES forum_member (id),
    CONSTRAINT fk_guest_reply_post FOREIGN KEY (post_id) REFERENCES post (id)
);
CREATE INDEX ix_guest_reply_state ON guest_reply (state, created_at);
CREATE INDEX ix_guest_reply_address ON guest_reply (address_digest, created_at);
CREATE INDEX ix_guest_reply_email ON guest_reply (email_digest, created_at);
