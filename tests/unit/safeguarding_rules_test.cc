// Safeguarding rules that the demo data cannot show: a concern with no
// supervisor to reach is refused, and only the relationship's coach or
// mentor raises one.

#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "server/domain/safeguarding.h"
#include "tests/support/fake_repositories.h"

namespace tandem::domain {
namespace {

using ::testing::HasSubstr;

class NoSupervisors final : public SafeguardingRepository {
 public:
  absl::Status SetSupervisor(int64_t, int64_t, absl::Time) override { return absl::OkStatus(); }
  absl::StatusOr<int64_t> SupervisorOf(int64_t) override { return 0; }
  absl::Status SetSafeguardingLead(int64_t, int64_t) override { return absl::OkStatus(); }
  absl::StatusOr<std::vector<int64_t>> LeadOf(int64_t) override { return std::vector<int64_t>{}; }
  absl::StatusOr<Concern> Create(const Concern& c, const WriteReceipt&) override { return c; }
  absl::StatusOr<Concern> Get(int64_t) override { return absl::NotFoundError("none"); }
  absl::StatusOr<std::vector<Concern>> ListFor(int64_t, const std::vector<int64_t>&) override {
    return std::vector<Concern>{};
  }
  absl::StatusOr<Concern> Acknowledge(int64_t, const std::function<absl::Status(Concern&)>&,
                                      const WriteReceipt&) override {
    return absl::NotFoundError("none");
  }
};

class OneRelationship final : public RelationshipRepository {
 public:
  absl::StatusOr<Relationship> Get(int64_t) override {
    Relationship r;
    r.id = 1;
    r.coachee_id = 10;
    r.member_id = 20;
    return r;
  }
  absl::StatusOr<std::vector<Relationship>> ListFor(int64_t) override {
    return std::vector<Relationship>{};
  }
  absl::StatusOr<Relationship> Update(int64_t, const std::function<absl::Status(Relationship&)>&,
                                      const WriteReceipt&) override {
    return absl::UnimplementedError("not used");
  }
};

class NoAudit final : public AuditRepository {
 public:
  absl::Status Record(int64_t, const std::vector<std::string>&, absl::Time) override {
    return absl::OkStatus();
  }
  absl::StatusOr<std::vector<AuditEntry>> List(const std::vector<int64_t>&, int) override {
    return std::vector<AuditEntry>{};
  }
};

class NoReceipts final : public ReceiptRepository {
 public:
  absl::StatusOr<std::optional<std::pair<int64_t, std::string>>> Find(int64_t,
                                                                      const std::string&) override {
    return std::nullopt;
  }
};

TEST(SafeguardingRulesTest, AConcernNeedsASupervisorToReachAndIsRaisedByTheCoach) {
  NoSupervisors store;
  OneRelationship relationships;
  NoReceipts receipts;
  testing::FakeAccountRepository accounts;
  testing::FakeClock clock;
  const auto cipher = NoteCipher::Create(std::string(32, 'k'));
  ASSERT_TRUE(cipher.ok());
  NoAudit audit;
  Safeguarding safeguarding(store, relationships, receipts, accounts, **cipher, audit, clock, 2);
  Principal coach;
  coach.account.id = 20;
  const std::string text = "Said they had been hurt at home.";
  const absl::Status refused = safeguarding.Raise(coach, 1, text, {}).status();
  EXPECT_EQ(refused.code(), absl::StatusCode::kFailedPrecondition);
  EXPECT_THAT(std::string(refused.message()), HasSubstr("No supervisor is recorded"));
  Principal coachee;
  coachee.account.id = 10;
  EXPECT_EQ(safeguarding.Raise(coachee, 1, text, {}).status().code(),
            absl::StatusCode::kPermissionDenied);
  Principal stranger;
  stranger.account.id = 99;
  EXPECT_EQ(safeguarding.Raise(stranger, 1, text, {}).status().code(), absl::StatusCode::kNotFound);
  EXPECT_THAT(std::string(safeguarding.Raise(coach, 1, "short", {}).status().message()),
              HasSubstr("description:"));
}

}  // namespace
}  // namespace tandem::domain
