-- Requests for coaching or mentoring, the relationships accepting them
-- starts, the answer log behind "usually answers within", and each
-- organisation's matching weights. Times are Unix seconds.

-- Every profile write takes the next change number (writes are serialised),
-- so the matcher's in-memory copy of the pool can catch up with only what
-- changed.
ALTER TABLE profiles ADD COLUMN change_seq BIGINT NOT NULL DEFAULT 0;
CREATE INDEX profiles_by_change ON profiles (change_seq);

CREATE TABLE requests (
  id @AUTO_ID@,
  coachee_id BIGINT NOT NULL REFERENCES accounts (id),
  coachee_organisation_id BIGINT NOT NULL REFERENCES organisations (id),
  kind INTEGER NOT NULL,
  status INTEGER NOT NULL,
  gap TEXT NOT NULL,
  -- Lists are newline-separated.
  themes TEXT NOT NULL,
  delivery_mode INTEGER NOT NULL,
  site TEXT NOT NULL,
  language TEXT NOT NULL,
  organisation_preference INTEGER NOT NULL,
  avoid_ids TEXT NOT NULL,
  profession TEXT NOT NULL,
  pay_band INTEGER NOT NULL,
  member_id BIGINT REFERENCES accounts (id),
  origin INTEGER NOT NULL,
  created_at BIGINT NOT NULL,
  waiting_since BIGINT NOT NULL,
  sent_at BIGINT,
  answer_due_at BIGINT,
  answered_at BIGINT,
  decline_reason TEXT NOT NULL,
  note TEXT NOT NULL,
  -- Members who declined it or let it lapse: not proposed again.
  passed_ids TEXT NOT NULL,
  relationship_id BIGINT
);
-- At most one open (waiting or pending) request per person and kind.
CREATE UNIQUE INDEX requests_one_open ON requests (coachee_id, kind) WHERE status IN (1, 2);
CREATE INDEX requests_by_coachee ON requests (coachee_id, id);
CREATE INDEX requests_waiting ON requests (status, coachee_organisation_id, waiting_since, id);
CREATE INDEX requests_pending ON requests (status, member_id, answer_due_at);

CREATE TABLE request_answers (
  request_id BIGINT NOT NULL REFERENCES requests (id),
  member_id BIGINT NOT NULL REFERENCES accounts (id),
  sent_at BIGINT NOT NULL,
  answered_at BIGINT NOT NULL,
  accepted INTEGER NOT NULL
);
CREATE INDEX request_answers_by_member ON request_answers (member_id, answered_at);

-- A coaching or mentoring relationship; starts in contracting (1) when a
-- request is accepted. The relationships issue builds the rest of its life.
CREATE TABLE relationships (
  id @AUTO_ID@,
  request_id BIGINT NOT NULL UNIQUE REFERENCES requests (id),
  kind INTEGER NOT NULL,
  coachee_id BIGINT NOT NULL REFERENCES accounts (id),
  member_id BIGINT NOT NULL REFERENCES accounts (id),
  state INTEGER NOT NULL,
  created_at BIGINT NOT NULL,
  updated_at BIGINT NOT NULL
);
CREATE INDEX relationships_by_member ON relationships (member_id, state);
CREATE INDEX relationships_by_coachee ON relationships (coachee_id, state);

CREATE TABLE match_weights (
  organisation_id BIGINT NOT NULL PRIMARY KEY REFERENCES organisations (id),
  themes INTEGER NOT NULL,
  delivery_mode INTEGER NOT NULL,
  site INTEGER NOT NULL,
  language INTEGER NOT NULL,
  organisation INTEGER NOT NULL,
  profession INTEGER NOT NULL,
  spare_capacity INTEGER NOT NULL,
  waiting INTEGER NOT NULL,
  updated_at BIGINT NOT NULL
);
