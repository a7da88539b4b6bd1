-- Idempotency keys of writes other than RecordSession (which keeps its key
-- on the session): each caller's key, a digest of the request it came
-- with, and the id of the relationship, session or concern it wrote. Kept
-- in the write's own transaction, and kept as long as the data.
CREATE TABLE write_receipts (
  account_id INTEGER NOT NULL REFERENCES accounts (id),
  idempotency_key TEXT NOT NULL,
  request_digest TEXT NOT NULL,
  result_id INTEGER NOT NULL,
  created_at INTEGER NOT NULL,
  PRIMARY KEY (account_id, idempotency_key)
);
