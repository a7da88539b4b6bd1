-- Safeguarding: who supervises each coach or mentor, each organisation's
-- designated safeguarding lead, and concerns (text and action stored only
-- as ciphertext). Times are Unix seconds.

CREATE TABLE supervisions (
  coach_id BIGINT NOT NULL PRIMARY KEY REFERENCES accounts (id),
  supervisor_id BIGINT NOT NULL REFERENCES accounts (id),
  set_at BIGINT NOT NULL
);

CREATE TABLE safeguarding_leads (
  organisation_id BIGINT NOT NULL PRIMARY KEY REFERENCES organisations (id),
  account_id BIGINT NOT NULL REFERENCES accounts (id)
);

CREATE TABLE concerns (
  id @AUTO_ID@,
  relationship_id BIGINT NOT NULL REFERENCES relationships (id),
  raised_by BIGINT NOT NULL REFERENCES accounts (id),
  organisation_id BIGINT NOT NULL REFERENCES organisations (id),
  supervisor_id BIGINT NOT NULL REFERENCES accounts (id),
  raised_at BIGINT NOT NULL,
  sealed_description BLOB NOT NULL,
  escalate_at BIGINT NOT NULL,
  acknowledged_at BIGINT,
  acknowledged_by BIGINT REFERENCES accounts (id),
  sealed_action BLOB
);
CREATE INDEX concerns_by_supervisor ON concerns (supervisor_id, id);
CREATE INDEX concerns_by_raiser ON concerns (raised_by, id);
CREATE INDEX concerns_by_organisation ON concerns (organisation_id, id);
