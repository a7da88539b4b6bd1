-- Identity and access: organisations, accounts, roles, sign-in sessions and
-- sign-in throttling. Portable SQL: @AUTO_ID@ is replaced by the backend's
-- auto-assigned 64-bit primary key; times are seconds since the Unix epoch.

CREATE TABLE organisations (
  id @AUTO_ID@,
  name TEXT NOT NULL UNIQUE,
  kind INTEGER NOT NULL,
  created_at BIGINT NOT NULL
);

CREATE TABLE accounts (
  id @AUTO_ID@,
  email TEXT NOT NULL UNIQUE,
  display_name TEXT NOT NULL,
  organisation_id BIGINT NOT NULL REFERENCES organisations (id),
  password_hash TEXT NOT NULL,
  password_change_required INTEGER NOT NULL DEFAULT 0,
  created_at BIGINT NOT NULL
);
CREATE INDEX accounts_by_organisation_name ON accounts (organisation_id, display_name, id);

CREATE TABLE account_roles (
  account_id BIGINT NOT NULL REFERENCES accounts (id),
  role INTEGER NOT NULL,
  PRIMARY KEY (account_id, role)
);
CREATE INDEX account_roles_by_role ON account_roles (role, account_id);

CREATE TABLE coordinator_scopes (
  account_id BIGINT NOT NULL REFERENCES accounts (id),
  organisation_id BIGINT NOT NULL REFERENCES organisations (id),
  PRIMARY KEY (account_id, organisation_id)
);

CREATE TABLE auth_sessions (
  token_hash TEXT NOT NULL PRIMARY KEY,
  account_id BIGINT NOT NULL REFERENCES accounts (id),
  created_at BIGINT NOT NULL,
  expires_at BIGINT NOT NULL,
  revoked_at BIGINT
);
CREATE INDEX auth_sessions_by_account ON auth_sessions (account_id);

CREATE TABLE sign_in_attempts (
  email TEXT NOT NULL PRIMARY KEY,
  consecutive_failures INTEGER NOT NULL,
  locked_until BIGINT NOT NULL
);
