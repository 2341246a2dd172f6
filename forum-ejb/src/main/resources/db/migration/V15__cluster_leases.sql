-- Work that must run on one server at a time (re-rendering posts, imports) is leased: a server
-- holds a lease until it expires, renewing it while it works; a server that dies loses it when
-- it expires. One row per kind of work, made here, so taking a lease is a single UPDATE.
CREATE TABLE cluster_lease (
    name        VARCHAR(40)  NOT NULL PRIMARY KEY,
    holder      VARCHAR(200),
    expires_at  TIMESTAMP(6) WITH TIME ZONE NOT NULL
);

INSERT INTO cluster_lease (name, holder, expires_at) VALUES ('rerender', NULL, TIMESTAMP WITH TIME ZONE '2000-01-01 00:00:00+00');
INSERT INTO cluster_lease (name, holder, expires_at) VALUES ('import', NULL, TIMESTAMP WITH TIME ZONE '2000-01-01 00:00:00+00');
INSERT INTO cluster_lease (name, holder, expires_at) VALUES ('pictures', NULL, TIMESTAMP WITH TIME ZONE '2000-01-01 00:00:00+00');

-- A mail being sent is claimed: its next attempt is moved past the claim's lease (one UPDATE
-- that succeeds on one server only), so two servers never send the same mail, and a mail whose
-- server died while sending it is due again once the lease is over. The claim's holder is kept
-- for the operator.
ALTER TABLE mail_outbox ADD COLUMN claimed_by VARCHAR(200);

-- Seeding an empty forum (demo data, the first administrator) locks this row for its
-- transaction, so servers starting at once on one new database seed it once.
INSERT INTO cluster_lease (name, holder, expires_at) VALUES ('setup', NULL, TIMESTAMP WITH TIME ZONE '2000-01-01 00:00:00+00');

-- The key that signs the links in mails and the guest form's time: one for every server, so a
-- link one server mailed works on any other. Made at the first start (from the older
-- <data dir>/secret.key if there is one, so links already mailed keep working).
CREATE TABLE forum_key (
    name   VARCHAR(40)  NOT NULL PRIMARY KEY,
    key_value  VARCHAR(200) NOT NULL
);
