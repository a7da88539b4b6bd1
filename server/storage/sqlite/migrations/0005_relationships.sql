-- The contract of a relationship and the history of its life cycle.
-- Dates are the start of the day (UTC) in Unix seconds.

ALTER TABLE relationships ADD COLUMN terms_set INTEGER NOT NULL DEFAULT 0;
ALTER TABLE relationships ADD COLUMN number_of_sessions INTEGER NOT NULL DEFAULT 0;
ALTER TABLE relationships ADD COLUMN session_minutes INTEGER NOT NULL DEFAULT 0;
ALTER TABLE relationships ADD COLUMN regularity INTEGER NOT NULL DEFAULT 0;
ALTER TABLE relationships ADD COLUMN planned_end_on BIGINT;
ALTER TABLE relationships ADD COLUMN review_cadence INTEGER NOT NULL DEFAULT 0;
ALTER TABLE relationships ADD COLUMN coachee_agreed_at BIGINT;
ALTER TABLE relationships ADD COLUMN member_agreed_at BIGINT;
-- Agreeing acknowledges both confidentiality and the code of ethics; the
-- acknowledgement time is the agreement time.
ALTER TABLE relationships ADD COLUMN line_manager_told INTEGER NOT NULL DEFAULT 0;
ALTER TABLE relationships ADD COLUMN reviews INTEGER NOT NULL DEFAULT 0;

CREATE TABLE relationship_history (
  id @AUTO_ID@,
  relationship_id BIGINT NOT NULL REFERENCES relationships (id),
  at BIGINT NOT NULL,
  by_account_id BIGINT NOT NULL REFERENCES accounts (id),
  event TEXT NOT NULL,
  from_state INTEGER NOT NULL,
  to_state INTEGER NOT NULL,
  reason TEXT NOT NULL
);
CREATE INDEX relationship_history_by_relationship ON relationship_history (relationship_id, id);
