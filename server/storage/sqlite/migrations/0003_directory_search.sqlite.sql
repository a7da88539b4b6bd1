-- SQLite only: full-text search over profiles (FTS5). The row id is the
-- account id. A PostgreSQL backend uses a tsvector column instead.
CREATE VIRTUAL TABLE profiles_fts USING fts5(
  name, headline, bio, topics,
  tokenize = 'unicode61 remove_diacritics 2',
  prefix = '2 3',
  -- Searches are single-word prefixes, scored by which columns they hit: no
  -- word positions are needed, which keeps the index small and fast.
  detail = column
);
