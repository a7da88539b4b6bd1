-- Monthly returns, each confirmation and amendment a version of its own,
-- and the indexes the programme's figures read by.

CREATE TABLE monthly_returns (
  member_id BIGINT NOT NULL REFERENCES accounts (id),
  -- "2026-11", in the programme's time zone.
  month TEXT NOT NULL,
  version INTEGER NOT NULL,
  at BIGINT NOT NULL,
  reason TEXT NOT NULL,
  -- What Tandem had counted when this version was confirmed.
  coaching_minutes INTEGER NOT NULL,
  mentoring_minutes INTEGER NOT NULL,
  sessions_held INTEGER NOT NULL,
  sessions_cancelled INTEGER NOT NULL,
  sessions_not_attended INTEGER NOT NULL,
  active_relationships INTEGER NOT NULL,
  new_relationships INTEGER NOT NULL,
  -- Newline-separated specialism codes.
  themes TEXT NOT NULL,
  sealed_new_theme BLOB,
  PRIMARY KEY (member_id, month, version)
);
CREATE INDEX monthly_returns_by_month ON monthly_returns (month, member_id, version);

CREATE TABLE return_hours (
  member_id BIGINT NOT NULL REFERENCES accounts (id),
  month TEXT NOT NULL,
  version INTEGER NOT NULL,
  position INTEGER NOT NULL,
  kind INTEGER NOT NULL,
  category INTEGER NOT NULL,
  paid INTEGER NOT NULL,
  minutes INTEGER NOT NULL,
  PRIMARY KEY (member_id, month, version, position)
);

CREATE INDEX sessions_by_start ON sessions (starts_at, relationship_id);
CREATE INDEX requests_by_organisation_created ON requests (coachee_organisation_id, created_at);
CREATE INDEX relationships_by_created ON relationships (created_at);
CREATE INDEX relationship_history_by_state ON relationship_history (to_state, relationship_id);
CREATE INDEX goals_by_created ON goals (created_at);
CREATE INDEX evaluations_by_submitted ON evaluations (submitted_at);
CREATE INDEX request_answers_by_time ON request_answers (answered_at, accepted);
