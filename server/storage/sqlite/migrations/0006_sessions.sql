-- Sessions of a relationship, and the audit trail of reads of confidential
-- content. Private notes are stored only as ciphertext (sealed by the
-- server with a key kept outside the database). Times are Unix seconds.

CREATE TABLE sessions (
  id @AUTO_ID@,
  relationship_id BIGINT NOT NULL REFERENCES relationships (id),
  status INTEGER NOT NULL,
  starts_at BIGINT NOT NULL,
  planned_minutes INTEGER NOT NULL,
  mode INTEGER NOT NULL,
  place TEXT NOT NULL,
  proposed_by BIGINT NOT NULL REFERENCES accounts (id),
  cancel_reason TEXT NOT NULL,
  cancelled_by INTEGER NOT NULL,
  actual_minutes INTEGER NOT NULL,
  -- Newline-separated specialism codes.
  themes TEXT NOT NULL,
  agreed_actions TEXT NOT NULL,
  sealed_notes BLOB,
  author_id BIGINT REFERENCES accounts (id),
  idempotency_key TEXT,
  recorded_at BIGINT
);
CREATE INDEX sessions_by_relationship ON sessions (relationship_id, starts_at);
-- A record is made once per author and client key: retries find it.
CREATE UNIQUE INDEX sessions_by_record_key ON sessions (author_id, idempotency_key)
  WHERE idempotency_key IS NOT NULL;

CREATE TABLE audit_log (
  id @AUTO_ID@,
  at BIGINT NOT NULL,
  account_id BIGINT NOT NULL REFERENCES accounts (id),
  what TEXT NOT NULL
);
CREATE INDEX audit_log_by_time ON audit_log (at);
