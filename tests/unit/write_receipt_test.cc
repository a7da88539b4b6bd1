// Idempotent writes: WriteOnce's rules against a fake, including the race a
// gRPC test cannot force (a retry that checked before the first write
// committed), and the receipt kept in the write's own SQLite transaction.

#include "server/domain/write_receipt.h"

#include <map>

#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "server/storage/sqlite/database.h"
#include "server/storage/sqlite/sqlite_account_repository.h"
#include "server/storage/sqlite/sqlite_organisation_repository.h"
#include "server/storage/sqlite/sqlite_receipt_repository.h"
#include "tests/support/server_process.h"

namespace tandem::domain {
namespace {

using ::testing::HasSubstr;

/// Receipts in a map; `hide_next` makes the next Find miss, as a racing
/// retry's check before the winner committed would.
class MapReceipts final : public ReceiptRepository {
 public:
  absl::StatusOr<std::optional<std::pair<int64_t, std::string>>> Find(
      int64_t account_id, const std::string& key) override {
    ++finds;
    if (hide_next) {
      hide_next = false;
      return std::nullopt;
    }
    const auto it = kept.find({account_id, key});
    if (it == kept.end()) return std::nullopt;
    return it->second;
  }
  std::map<std::pair<int64_t, std::string>, std::pair<int64_t, std::string>> kept;
  bool hide_next = false;
  int finds = 0;
};

constexpr char kKey[] = "a-key-of-twenty-chars";

TEST(WriteOnceTest, WritesOnceThenReplaysWhatTheKeyWrote) {
  MapReceipts receipts;
  int writes = 0;
  const auto write = [&](const WriteReceipt& receipt) -> absl::StatusOr<int64_t> {
    ++writes;
    EXPECT_EQ(receipt.account_id, 7);
    EXPECT_EQ(receipt.key, kKey);
    receipts.kept[{7, kKey}] = {40 + writes, receipt.digest};
    return 40 + writes;
  };
  const auto replay = [](int64_t id) -> absl::StatusOr<int64_t> { return -id; };
  const WriteKey key{.key = kKey, .digest = "d1"};
  EXPECT_EQ(*WriteOnce<int64_t>(receipts, 7, key, write, replay), 41);
  EXPECT_EQ(*WriteOnce<int64_t>(receipts, 7, key, write, replay), -41);
  EXPECT_EQ(writes, 1);
  // Another caller's key of the same text is theirs.
  EXPECT_EQ(*WriteOnce<int64_t>(
                receipts, 8, key, [](const WriteReceipt&) -> absl::StatusOr<int64_t> { return 99; },
                replay),
            99);
  // The same key with another request.
  const absl::Status other =
      WriteOnce<int64_t>(receipts, 7, WriteKey{.key = kKey, .digest = "d2"}, write, replay)
          .status();
  EXPECT_EQ(other.code(), absl::StatusCode::kInvalidArgument);
  EXPECT_THAT(std::string(other.message()), HasSubstr("idempotency_key: was already used"));
  EXPECT_EQ(writes, 1);
}

TEST(WriteOnceTest, ARetryThatLostTheRaceAnswersWithTheWinnersWrite) {
  MapReceipts receipts;
  receipts.kept[{7, kKey}] = {41, "d1"};  // the winner committed meanwhile
  receipts.hide_next = true;              // after this retry had looked
  const auto result = WriteOnce<int64_t>(
      receipts, 7, WriteKey{.key = kKey, .digest = "d1"},
      [](const WriteReceipt&) -> absl::StatusOr<int64_t> {
        return absl::AlreadyExistsError("key taken");
      },
      [](int64_t id) -> absl::StatusOr<int64_t> { return -id; });
  ASSERT_TRUE(result.ok()) << result.status();
  EXPECT_EQ(*result, -41);
  // ALREADY_EXISTS for any other reason is the write's own answer.
  receipts.kept.clear();
  EXPECT_EQ(WriteOnce<int64_t>(
                receipts, 7, WriteKey{.key = kKey, .digest = "d1"},
                [](const WriteReceipt&) -> absl::StatusOr<int64_t> {
                  return absl::AlreadyExistsError("another clash");
                },
                [](int64_t id) -> absl::StatusOr<int64_t> { return -id; })
                .status()
                .code(),
            absl::StatusCode::kAlreadyExists);
}

TEST(WriteOnceTest, NoKeyMeansNoDeduplicationAndABadKeyIsRefused) {
  MapReceipts receipts;
  int writes = 0;
  const auto write = [&](const WriteReceipt& receipt) -> absl::StatusOr<int64_t> {
    EXPECT_TRUE(receipt.key.empty());
    return ++writes;
  };
  const auto replay = [](int64_t id) -> absl::StatusOr<int64_t> { return -id; };
  EXPECT_EQ(*WriteOnce<int64_t>(receipts, 7, WriteKey{}, write, replay), 1);
  EXPECT_EQ(*WriteOnce<int64_t>(receipts, 7, WriteKey{}, write, replay), 2);
  EXPECT_EQ(receipts.finds, 0);
  for (const std::string& bad : {std::string(15, 'k'), std::string(65, 'k')}) {
    const absl::Status status =
        WriteOnce<int64_t>(receipts, 7, WriteKey{.key = bad, .digest = "d"}, write, replay)
            .status();
    EXPECT_EQ(status.code(), absl::StatusCode::kInvalidArgument);
    EXPECT_THAT(std::string(status.message()), HasSubstr("idempotency_key: must be 16 to 64"));
  }
  EXPECT_EQ(writes, 2);
}

TEST(ReceiptStorageTest, AReceiptIsKeptInItsWritesTransactionAndATakenKeyRollsItBack) {
  testing::TempDir dir;
  auto db = *storage::Database::Open(dir.File("store.db"));
  storage::SqliteOrganisationRepository organisations(*db);
  storage::SqliteAccountRepository accounts(*db);
  const auto org = organisations.Create("Trust", OrganisationKind::kOther, absl::Now());
  ASSERT_TRUE(org.ok());
  const auto account = accounts.Create(
      NewAccount{.email = "a@example.org", .display_name = "A", .organisation_id = org->id},
      absl::Now());
  ASSERT_TRUE(account.ok()) << account.status();
  storage::SqliteReceiptRepository receipts(*db);
  const auto receipt = [&](const std::string& key) {
    return WriteReceipt{.account_id = account->id, .key = key, .digest = "digest"};
  };
  ASSERT_TRUE(db->Write([&](storage::Connection& c) {
                  return storage::KeepReceipt(c, receipt("first-key-0000001"), 12);
                }).ok());
  // A write that keeps a new key and then clashes on a taken one fails as
  // a whole: ALREADY_EXISTS, and the new key is not kept either.
  const absl::Status clash = db->Write([&](storage::Connection& c) -> absl::Status {
    if (auto kept = storage::KeepReceipt(c, receipt("second-key-000001"), 13); !kept.ok()) {
      return kept;
    }
    return storage::KeepReceipt(c, receipt("first-key-0000001"), 14);
  });
  EXPECT_EQ(clash.code(), absl::StatusCode::kAlreadyExists);
  const auto first = receipts.Find(account->id, "first-key-0000001");
  ASSERT_TRUE(first.ok() && first->has_value());
  EXPECT_EQ((*first)->first, 12);
  EXPECT_EQ((*first)->second, "digest");
  EXPECT_FALSE(receipts.Find(account->id, "second-key-000001")->has_value());
  // A receipt without a key keeps nothing.
  ASSERT_TRUE(db->Write([&](storage::Connection& c) {
                  return storage::KeepReceipt(c, receipt(""), 15);
                }).ok());
  EXPECT_FALSE(receipts.Find(account->id, "")->has_value());
}

}  // namespace
}  // namespace tandem::domain
