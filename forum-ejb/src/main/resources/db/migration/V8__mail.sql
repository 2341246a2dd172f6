-- Notifications by email. A mail is written to this outbox in the transaction of what it is
-- about, and sent after commit by the mail sender, which retries failures with growing waits:
-- sending never blocks or rolls back a post, and a mail server that is down loses nothing.
CREATE SEQUENCE mail_outbox_seq START WITH 1 INCREMENT BY 50;

CREATE TABLE mail_outbox (
    id               BIGINT        NOT NULL PRIMARY KEY,
    member_id        BIGINT        NOT NULL,
    to_address       VARCHAR(254)  NOT NULL,
    subject          VARCHAR(500)  NOT NULL,
    body             VARCHAR(20000) NOT NULL,
    created_at       TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    attempts         INTEGER       NOT NULL,
    next_attempt_at  TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    sent_at          TIMESTAMP(6) WITH TIME ZONE,
    -- Set when the sender gave up; the mail stays here for an operator to see.
    failed_at        TIMESTAMP(6) WITH TIME ZONE,
    last_error       VARCHAR(1000),
    CONSTRAINT fk_mail_outbox_member FOREIGN KEY (member_id) REFERENCES forum_member (id)
);

-- The sender's question: what is due and not yet sent or given up?
CREATE INDEX ix_mail_outbox_due ON mail_outbox (sent_at, failed_at, next_attempt_at);

-- The language a member's mails are written in (zh-CN unless they chose English).
ALTER TABLE notification_settings ADD COLUMN language VARCHAR(16);
ALTER TABLE notification_settings ADD COLUMN email BOOLEAN DEFAULT TRUE NOT NULL;
