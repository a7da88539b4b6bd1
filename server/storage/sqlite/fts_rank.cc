#include "server/storage/sqlite/fts_rank.h"

#include <array>

namespace tandem::storage {
namespace {

// Column order of profiles_fts: name, headline, bio, topics.
constexpr std::array<int, 4> kColumnWeights = {8, 2, 1, 4};

void TandemRank(const Fts5ExtensionApi* api, Fts5Context* fts, sqlite3_context* context, int,
                sqlite3_value**) {
  sqlite3_int64 score = 0;
  const int phrases = api->xPhraseCount(fts);
  for (int phrase = 0; phrase < phrases; ++phrase) {
    Fts5PhraseIter it;
    int column = -1;
    if (api->xPhraseFirstColumn(fts, phrase, &it, &column) != SQLITE_OK) {
      sqlite3_result_error(context, "tandem_rank: cannot read the match", -1);
      return;
    }
    for (; column >= 0; api->xPhraseNextColumn(fts, &it, &column)) {
      if (column < static_cast<int>(kColumnWeights.size())) score += kColumnWeights[column];
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
