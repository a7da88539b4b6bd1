-- The programme's figures at the size of a region (issue 13): what each
-- figure counts is kept on the row it counts, so that a period's figures
-- are counted from index ranges instead of joins and correlated lookups
-- over five years of records. Every column here is set by the write that
-- makes or changes the row, in that write's transaction, and filled below
-- for rows written before. None of them ever changes a figure: they hold
-- what the figures used to look up.

-- A session's relationship's kind, coachee and the coachee's organisation
-- (as the request had it): set when the session is written, never changed.
ALTER TABLE sessions ADD COLUMN kind INTEGER NOT NULL DEFAULT 0;
ALTER TABLE sessions ADD COLUMN coachee_id BIGINT NOT NULL DEFAULT 0;
ALTER TABLE sessions ADD COLUMN coachee_organisation_id BIGINT NOT NULL DEFAULT 0;
UPDATE sessions SET (kind, coachee_id, coachee_organisation_id) = (
  SELECT r.kind, r.coachee_id, q.coachee_organisation_id
  FROM relationships r JOIN requests q ON q.id = r.request_id
  WHERE r.id = sessions.relationship_id);
CREATE INDEX sessions_for_figures ON sessions (
  coachee_organisation_id, status, kind, starts_at, coachee_id, actual_minutes, themes);

-- A relationship's two organisations; when it ended (its first move to
-- completed or ended early); and, kept by each record of a session held
-- (a held session never changes again), how many were held, the first and
-- the last.
ALTER TABLE relationships ADD COLUMN coachee_organisation_id BIGINT NOT NULL DEFAULT 0;
ALTER TABLE relationships ADD COLUMN member_organisation_id BIGINT NOT NULL DEFAULT 0;
ALTER TABLE relationships ADD COLUMN ended_at BIGINT;
ALTER TABLE relationships ADD COLUMN sessions_held INTEGER NOT NULL DEFAULT 0;
ALTER TABLE relationships ADD COLUMN first_held_at BIGINT;
ALTER TABLE relationships ADD COLUMN last_held_at BIGINT;
UPDATE relationships SET
  coachee_organisation_id = (SELECT q.coachee_organisation_id FROM requests q
                             WHERE q.id = relationships.request_id),
  member_organisation_id = (SELECT a.organisation_id FROM accounts a
                            WHERE a.id = relationships.member_id),
  ended_at = (SELECT MIN(h.at) FROM relationship_history h
              WHERE h.relationship_id = relationships.id AND h.to_state IN (3, 4)),
  sessions_held = (SELECT COUNT(*) FROM sessions s
                   WHERE s.relationship_id = relationships.id AND s.status = 4),
  first_held_at = (SELECT MIN(s.starts_at) FROM sessions s
                   WHERE s.relationship_id = relationships.id AND s.status = 4),
  last_held_at = (SELECT MAX(s.starts_at) FROM sessions s
                  WHERE s.relationship_id = relationships.id AND s.status = 4);
-- Under way in a period: open, or ended after it began.
CREATE INDEX relationships_under_way ON relationships (
  coachee_organisation_id, ended_at, created_at, kind, coachee_id);
-- Requests matched, or first seen, in a period.
DROP INDEX relationships_by_created;
CREATE INDEX relationships_by_created ON relationships (created_at, request_id);
CREATE INDEX relationships_by_first_held ON relationships (first_held_at, coachee_organisation_id,
  created_at);
-- The coordinators' list: by state, with what it filters and sorts on.
CREATE INDEX relationships_by_state ON relationships (state, coachee_organisation_id,
  member_organisation_id, last_held_at, created_at, sessions_held, kind, coachee_id, member_id);

-- A goal's coachee's organisation, its first rating at the start, and its
-- latest rating at the end with when it was given: kept by the rating's
-- write.
ALTER TABLE goals ADD COLUMN coachee_organisation_id BIGINT NOT NULL DEFAULT 0;
ALTER TABLE goals ADD COLUMN start_rating INTEGER;
ALTER TABLE goals ADD COLUMN end_rating INTEGER;
ALTER TABLE goals ADD COLUMN end_at BIGINT;
UPDATE goals SET
  coachee_organisation_id = (SELECT q.coachee_organisation_id FROM relationships r
                             JOIN requests q ON q.id = r.request_id
                             WHERE r.id = goals.relationship_id),
  start_rating = (SELECT t.rating FROM goal_ratings t WHERE t.goal_id = goals.id AND t.source = 1
                  ORDER BY t.id LIMIT 1),
  end_rating = (SELECT t.rating FROM goal_ratings t WHERE t.goal_id = goals.id AND t.source = 3
                ORDER BY t.id DESC LIMIT 1),
  end_at = (SELECT t.at FROM goal_ratings t WHERE t.goal_id = goals.id AND t.source = 3
            ORDER BY t.id DESC LIMIT 1);
CREATE INDEX goals_set ON goals (coachee_organisation_id, created_at);
CREATE INDEX goals_closed ON goals (coachee_organisation_id, closed_at, state);
CREATE INDEX goals_ended ON goals (coachee_organisation_id, end_at, outcome, start_rating,
  end_rating);

-- An evaluation's coachee's organisation.
ALTER TABLE evaluations ADD COLUMN coachee_organisation_id BIGINT NOT NULL DEFAULT 0;
UPDATE evaluations SET coachee_organisation_id = (
  SELECT q.coachee_organisation_id FROM relationships r JOIN requests q ON q.id = r.request_id
  WHERE r.id = evaluations.relationship_id);
CREATE INDEX evaluations_for_figures ON evaluations (coachee_organisation_id, submitted_at,
  audience);
CREATE INDEX evaluation_answers_for_figures ON evaluation_answers (evaluation_id, type, choice,
  wording);

-- A return's member's organisation, and whether it is the latest version
-- of that month's return (an amendment clears it on the one before).
ALTER TABLE monthly_returns ADD COLUMN organisation_id BIGINT NOT NULL DEFAULT 0;
ALTER TABLE monthly_returns ADD COLUMN latest INTEGER NOT NULL DEFAULT 0;
UPDATE monthly_returns SET
  organisation_id = (SELECT a.organisation_id FROM accounts a
                     WHERE a.id = monthly_returns.member_id),
  latest = CASE WHEN version = (SELECT MAX(x.version) FROM monthly_returns x
                                WHERE x.member_id = monthly_returns.member_id
                                AND x.month = monthly_returns.month) THEN 1 ELSE 0 END;
CREATE INDEX monthly_returns_for_figures ON monthly_returns (organisation_id, latest, month,
  themes);
CREATE INDEX monthly_returns_new_themes ON monthly_returns (organisation_id, month, member_id,
  version, sealed_new_theme) WHERE latest = 1 AND sealed_new_theme IS NOT NULL;

-- The pool now: what its figures and notes read of each member.
CREATE INDEX profiles_for_figures ON profiles (organisation_id, status, account_id, kind,
  capacity, current_load, last_supervision_on, coaching_listed_until, created_at);

-- Who is reached, by what they declared.
CREATE INDEX account_declarations_for_figures ON account_declarations (account_id, staff_group,
  profession, pay_band, clinical, ethnic_group, disability);
