-- The directory: the specialism taxonomy, pool members' profiles and their
-- qualifications. Dates are the start of the day (UTC) in Unix seconds.

CREATE TABLE specialisms (
  code TEXT NOT NULL PRIMARY KEY,
  label TEXT NOT NULL UNIQUE,
  builtin INTEGER NOT NULL DEFAULT 0
);

INSERT INTO specialisms (code, label, builtin) VALUES
  ('leadership', 'Leadership', 1),
  ('career_planning', 'Career planning and progression', 1),
  ('performance_improvement', 'Performance improvement', 1),
  ('wellbeing', 'Work–life balance and wellbeing', 1),
  ('project_development', 'Project development and implementation', 1),
  ('change_and_transition', 'Change and transition', 1),
  ('new_to_management', 'New to management', 1),
  ('clinical_leadership', 'Clinical leadership', 1),
  ('team_working', 'Team working', 1),
  ('returning_to_work', 'Returning to work', 1),
  ('confidence', 'Confidence and resilience', 1),
  ('equality_diversity_inclusion', 'Equality, diversity and inclusion', 1);

CREATE TABLE profiles (
  account_id BIGINT NOT NULL PRIMARY KEY REFERENCES accounts (id),
  organisation_id BIGINT NOT NULL REFERENCES organisations (id),
  kind INTEGER NOT NULL,
  headline TEXT NOT NULL,
  bio TEXT NOT NULL,
  tags TEXT NOT NULL,
  site TEXT NOT NULL,
  site_key TEXT NOT NULL,
  delivery_modes INTEGER NOT NULL,
  availability INTEGER NOT NULL,
  capacity INTEGER NOT NULL,
  current_load INTEGER NOT NULL DEFAULT 0,
  -- capacity - current_load, kept by every write; search ranks by it.
  spare INTEGER NOT NULL,
  status INTEGER NOT NULL,
  decline_reason TEXT NOT NULL,
  last_supervision_on BIGINT,
  training_level INTEGER NOT NULL,
  pay_band INTEGER NOT NULL,
  years_experience INTEGER NOT NULL,
  coaching_listed_until BIGINT NOT NULL,
  created_at BIGINT NOT NULL,
  updated_at BIGINT NOT NULL
);
CREATE INDEX profiles_by_status ON profiles (status, organisation_id);
-- Search order, covering every column a search filters on directly, so that
-- browsing and counting read the index, not the wide rows.
CREATE INDEX profiles_by_spare ON profiles (
  spare DESC, account_id, status, kind, coaching_listed_until, availability, current_load,
  capacity, organisation_id, delivery_modes, site_key
);
-- The same columns keyed by account, for filtering the matches of a text
-- search without reading the wide rows.
CREATE INDEX profiles_search_by_account ON profiles (
  account_id, spare, status, kind, coaching_listed_until, availability, current_load,
  capacity, organisation_id, delivery_modes, site_key
);

CREATE TABLE profile_specialisms (
  account_id BIGINT NOT NULL REFERENCES profiles (account_id),
  code TEXT NOT NULL REFERENCES specialisms (code),
  PRIMARY KEY (account_id, code)
);
CREATE INDEX profile_specialisms_by_code ON profile_specialisms (code, account_id);

CREATE TABLE profile_professions (
  account_id BIGINT NOT NULL REFERENCES profiles (account_id),
  profession TEXT NOT NULL,
  profession_key TEXT NOT NULL,
  PRIMARY KEY (account_id, profession_key)
);
CREATE INDEX profile_professions_by_key ON profile_professions (profession_key, account_id);

CREATE TABLE profile_languages (
  account_id BIGINT NOT NULL REFERENCES profiles (account_id),
  language TEXT NOT NULL,
  language_key TEXT NOT NULL,
  PRIMARY KEY (account_id, language_key)
);
CREATE INDEX profile_languages_by_key ON profile_languages (language_key, account_id);

CREATE TABLE qualifications (
  id @AUTO_ID@,
  account_id BIGINT NOT NULL REFERENCES profiles (account_id),
  type INTEGER NOT NULL,
  title TEXT NOT NULL,
  awarded_on BIGINT NOT NULL,
  expires_on BIGINT,
  evidence TEXT NOT NULL,
  verified_on BIGINT,
  verified_by BIGINT
);
CREATE INDEX qualifications_by_account ON qualifications (account_id);
