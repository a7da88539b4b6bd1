#pragma once

#include <sqlite3.h>

#include "absl/status/status.h"

namespace tandem::storage {

/// Registers the FTS5 ranking function `tandem_rank(profiles_fts)` on a
/// connection. Its score depends only on the row — for each query word, the
/// weights of the columns it occurs in (name 8, topics 4, headline 2, bio
/// 1) — not on corpus statistics as bm25's does, so keyset pagination stays
/// stable while other profiles are added.
absl::Status RegisterRankFunction(sqlite3* db);

}  // namespace tandem::storage
