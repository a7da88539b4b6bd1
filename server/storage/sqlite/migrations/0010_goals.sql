-- Goals, goal reviews, the end evaluation and the follow-up of a
-- relationship, and the programme's evaluation questions. Text is stored
-- only as ciphertext (sealed by the server with the notes key, bound to its
-- row by `uid`); ratings, outcomes, dates and choices are plain, to be
-- counted. Times are Unix seconds; dates the start of the day (UTC).

CREATE TABLE goals (
  id @AUTO_ID@,
  relationship_id BIGINT NOT NULL REFERENCES relationships (id),
  uid TEXT NOT NULL,
  state INTEGER NOT NULL,
  sealed_what BLOB NOT NULL,
  sealed_measure BLOB NOT NULL,
  version INTEGER NOT NULL,
  target_on BIGINT,
  -- Newline-separated specialism codes.
  themes TEXT NOT NULL,
  sealed_reason BLOB,
  closed_at BIGINT,
  created_at BIGINT NOT NULL,
  outcome INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX goals_by_relationship ON goals (relationship_id, id);

-- Earlier wordings of a goal.
CREATE TABLE goal_wordings (
  goal_id BIGINT NOT NULL REFERENCES goals (id),
  version INTEGER NOT NULL,
  sealed_what BLOB NOT NULL,
  sealed_measure BLOB NOT NULL,
  replaced_at BIGINT NOT NULL,
  PRIMARY KEY (goal_id, version)
);

CREATE TABLE goal_reviews (
  id @AUTO_ID@,
  relationship_id BIGINT NOT NULL REFERENCES relationships (id),
  uid TEXT NOT NULL,
  occasion INTEGER NOT NULL,
  by_account_id BIGINT NOT NULL REFERENCES accounts (id),
  submitted_at BIGINT NOT NULL,
  sealed_helped BLOB,
  sealed_next BLOB,
  sealed_comment BLOB,
  commented_at BIGINT
);
CREATE INDEX goal_reviews_by_relationship ON goal_reviews (relationship_id, id);

-- Every rating of a goal: at the start (source 1), at a review (2, with
-- the review) and at the end (3).
CREATE TABLE goal_ratings (
  id @AUTO_ID@,
  goal_id BIGINT NOT NULL REFERENCES goals (id),
  rating INTEGER NOT NULL,
  at BIGINT NOT NULL,
  source INTEGER NOT NULL,
  review_id BIGINT REFERENCES goal_reviews (id)
);
CREATE INDEX goal_ratings_by_goal ON goal_ratings (goal_id, id);

-- Either person asked for a review.
CREATE TABLE review_requests (
  relationship_id BIGINT NOT NULL REFERENCES relationships (id),
  by_account_id BIGINT NOT NULL REFERENCES accounts (id),
  at BIGINT NOT NULL
);
CREATE INDEX review_requests_by_relationship ON review_requests (relationship_id);

-- The programme's questions: each save is a new version, never changed.
CREATE TABLE question_sets (
  id @AUTO_ID@,
  organisation_id BIGINT NOT NULL REFERENCES organisations (id),
  kind INTEGER NOT NULL,
  audience INTEGER NOT NULL,
  version INTEGER NOT NULL,
  saved_at BIGINT NOT NULL,
  saved_by BIGINT NOT NULL REFERENCES accounts (id),
  UNIQUE (organisation_id, kind, audience, version)
);

CREATE TABLE questions (
  set_id BIGINT NOT NULL REFERENCES question_sets (id),
  position INTEGER NOT NULL,
  type INTEGER NOT NULL,
  wording TEXT NOT NULL,
  required INTEGER NOT NULL,
  -- Newline-separated labels or options.
  options TEXT NOT NULL,
  PRIMARY KEY (set_id, position)
);

-- One per relationship and audience (1 the coachee, 2 the coach or mentor).
CREATE TABLE evaluations (
  id @AUTO_ID@,
  relationship_id BIGINT NOT NULL REFERENCES relationships (id),
  uid TEXT NOT NULL,
  audience INTEGER NOT NULL,
  by_account_id BIGINT NOT NULL REFERENCES accounts (id),
  version INTEGER NOT NULL,
  submitted_at BIGINT NOT NULL,
  UNIQUE (relationship_id, audience)
);

-- Each answer keeps the question as it was asked.
CREATE TABLE evaluation_answers (
  evaluation_id BIGINT NOT NULL REFERENCES evaluations (id),
  position INTEGER NOT NULL,
  type INTEGER NOT NULL,
  wording TEXT NOT NULL,
  required INTEGER NOT NULL,
  options TEXT NOT NULL,
  choice INTEGER NOT NULL,
  sealed_text BLOB,
  shared INTEGER NOT NULL,
  PRIMARY KEY (evaluation_id, position)
);

CREATE TABLE follow_ups (
  relationship_id BIGINT PRIMARY KEY REFERENCES relationships (id),
  uid TEXT NOT NULL,
  by_account_id BIGINT NOT NULL REFERENCES accounts (id),
  submitted_at BIGINT NOT NULL,
  rating INTEGER NOT NULL,
  sealed_answer BLOB,
  shared INTEGER NOT NULL
);

-- A session's agreed actions, sealed like private notes. Earlier records
-- keep theirs in agreed_actions until the server seals them at start.
ALTER TABLE sessions ADD COLUMN sealed_actions BLOB;
