#include "server/storage/sqlite/fts_rank.h"

#include <array>

namespace tandem::storage {
namespace {

// Column order of profiles_fts: name, headline, bio, topics.
constexpr std::array<int, 4> kColumnWeights = {8, 2, 1, 4};

void TandemRank(const Fts5ExtensionApi* api, Fts5Context* fts, sqlite3_context* context, int,
                sqlite3_value**) {
  int hits = 0;
  if (api->xInstCount(fts, &hits) != SQLITE_OK) {
    sqlite3_result_error(context, "tandem_rank: cannot count hits", -1);
    return;
  }
  sqlite3_int64 score = 0;
  for (int i = 0; i < hits; ++i) {
    int phrase = 0, column = 0, offset = 0;
    if (api->xInst(fts, i, &phrase, &column, &offset) == SQLITE_OK && column >= 0 &&
        column < static_cast<int>(kColumnWeights.size())) {
      score += kColumnWeights[column];
    }
  }
  sqlite3_result_int64(context, score);
}

fts5_api* Fts5Api(sqlite3* db) {
  fts5_api* api = nullptr;
  sqlite3_stmt* stmt = nullptr;
  if (sqlite3_prepare_v2(db, "SELECT fts5(?1)", -1, &stmt, nullptr) == SQLITE_OK) {
    sqlite3_bind_pointer(stmt, 1, static_cast<void*>(&api), "fts5_api_ptr", nullptr);
    sqlite3_step(stmt);
  }
  sqlite3_finalize(stmt);
  return api;
}

}  // namespace

absl::Status RegisterRankFunction(sqlite3* db) {
  fts5_api* api = Fts5Api(db);
  if (api == nullptr || api->iVersion < 2 ||
      api->xCreateFunction(api, "tandem_rank", nullptr, &TandemRank, nullptr) != SQLITE_OK) {
    return absl::InternalError("SQLite has no usable FTS5 support.");
  }
  return absl::OkStatus();
}

}  // namespace tandem::storage
