-- Notifications: each person's notices numbered 1, 2, 3… in commit order
-- (kind, screen and plain facts only: the words are rendered when read),
-- the emails they cause, waiting in an outbox for the sender, and each
-- person's choices. A reminder's once_key makes it once only.

CREATE TABLE notifications (
  account_id BIGINT NOT NULL REFERENCES accounts (id),
  sequence BIGINT NOT NULL,
  kind INTEGER NOT NULL,
  screen INTEGER NOT NULL,
  relationship_id BIGINT NOT NULL,
  support INTEGER NOT NULL,
  at_unix BIGINT,
  was_at_unix BIGINT,
  month TEXT,
  once_key TEXT,
  created_at BIGINT NOT NULL,
  read_at BIGINT,
  PRIMARY KEY (account_id, sequence)
);
CREATE UNIQUE INDEX notifications_once ON notifications (once_key) WHERE once_key IS NOT NULL;
CREATE INDEX notifications_unread ON notifications (account_id, sequence) WHERE read_at IS NULL;

CREATE TABLE notification_preferences (
  account_id BIGINT NOT NULL PRIMARY KEY REFERENCES accounts (id),
  quiet_from_minute INTEGER NOT NULL,
  quiet_to_minute INTEGER NOT NULL
);

-- Only the kinds a person chose; the others take their default.
CREATE TABLE notification_choices (
  account_id BIGINT NOT NULL REFERENCES accounts (id),
  kind INTEGER NOT NULL,
  email INTEGER NOT NULL,
  PRIMARY KEY (account_id, kind)
);

-- One row per email to send. The sender takes the due ones oldest first;
-- sent_at or failed_at ends a row's life. Message-ID is made from the id, so
-- a relay sees the same message however often it is tried.
CREATE TABLE email_outbox (
  id @AUTO_ID@,
  account_id BIGINT NOT NULL REFERENCES accounts (id),
  sequence BIGINT NOT NULL,
  to_address TEXT NOT NULL,
  subject TEXT NOT NULL,
  body TEXT NOT NULL,
  created_at BIGINT NOT NULL,
  next_attempt_at BIGINT NOT NULL,
  attempts INTEGER NOT NULL DEFAULT 0,
  last_error TEXT,
  sent_at BIGINT,
  failed_at BIGINT
);
CREATE INDEX email_outbox_due ON email_outbox (next_attempt_at, id)
  WHERE sent_at IS NULL AND failed_at IS NULL;
