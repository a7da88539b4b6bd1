-- Who is reached: each person's optional, self-declared answers (the API's
-- numbers; 0 is not answered), and each organisation's head-count and
-- whether it monitors equality.

CREATE TABLE account_declarations (
  account_id BIGINT NOT NULL PRIMARY KEY REFERENCES accounts (id),
  staff_group INTEGER NOT NULL,
  profession INTEGER NOT NULL,
  pay_band INTEGER NOT NULL,
  clinical INTEGER NOT NULL,
  ethnic_group INTEGER NOT NULL,
  disability INTEGER NOT NULL,
  saved_at BIGINT NOT NULL
);

CREATE TABLE organisation_settings (
  organisation_id BIGINT NOT NULL PRIMARY KEY REFERENCES organisations (id),
  headcount INTEGER NOT NULL,
  equality_monitoring INTEGER NOT NULL
);
