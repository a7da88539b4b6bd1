// shared/limits.h is the one source of the field limits: the header needs
// only the standard library (so the Qt app can include it), and the domain
// refuses exactly past each limit it reads from there — a hard-coded copy
// that drifted from the header would fail here. Session limits are checked
// the same way in session_rules_test.cc.

#include "shared/limits.h"

#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "server/domain/matching.h"
#include "server/domain/relationship.h"
#include "server/domain/write_receipt.h"

namespace tandem {
namespace {

using ::testing::ElementsAre;

TEST(LimitsHeaderTest, IncludesOnlyTheStandardLibrary) {
  std::ifstream file(TANDEM_LIMITS_HEADER);
  ASSERT_TRUE(file) << TANDEM_LIMITS_HEADER;
  std::vector<std::string> includes;
  for (std::string line; std::getline(file, line);) {
    if (line.rfind("#include", 0) == 0) includes.push_back(line);
  }
  EXPECT_THAT(includes, ElementsAre("#include <cstddef>"));
}

const absl::Time kNow = domain::StartOfDay(absl::CivilDay(2026, 11, 23)) + absl::Hours(10);

domain::Relationship Contracting() {
  domain::Relationship r;
  r.id = 9;
  r.kind = domain::SupportKind::kCoaching;
  r.coachee_id = 1;
  r.member_id = 2;
  return r;
}

absl::StatusCode SetTerms(int sessions, int minutes, int days_to_end) {
  domain::Relationship r = Contracting();
  return domain::SetContractTerms(r,
                                  {.party = domain::Party::kMember, .account_id = 2, .now = kNow},
                                  {.number_of_sessions = sessions,
                                   .session_minutes = minutes,
                                   .regularity = domain::SessionRegularity::kMonthly,
                                   .planned_end_on = domain::ToDay(kNow) + days_to_end})
      .code();
}

TEST(LimitsTest, ContractTermsStopAtTheSharedLimits) {
  constexpr auto kOk = absl::StatusCode::kOk;
  constexpr auto kBad = absl::StatusCode::kInvalidArgument;
  EXPECT_EQ(SetTerms(limits::kMaxContractSessions, 60, 30), kOk);
  EXPECT_EQ(SetTerms(limits::kMaxContractSessions + 1, 60, 30), kBad);
  EXPECT_EQ(SetTerms(6, limits::kMinContractSessionMinutes, 30), kOk);
  EXPECT_EQ(SetTerms(6, limits::kMinContractSessionMinutes - 1, 30), kBad);
  EXPECT_EQ(SetTerms(6, limits::kMaxContractSessionMinutes, 30), kOk);
  EXPECT_EQ(SetTerms(6, limits::kMaxContractSessionMinutes + 1, 30), kBad);
  EXPECT_EQ(SetTerms(6, 60, limits::kMaxContractDays), kOk);
  EXPECT_EQ(SetTerms(6, 60, limits::kMaxContractDays + 1), kBad);
}

TEST(LimitsTest, ReasonsStopAtTheSharedLimit) {
  domain::Relationship r = Contracting();
  const domain::Actor coachee{.party = domain::Party::kCoachee, .account_id = 1, .now = kNow};
  EXPECT_EQ(
      domain::EndRelationship(r, coachee, std::string(limits::kReasonMaxLength + 1, 'a')).code(),
      absl::StatusCode::kInvalidArgument);
  EXPECT_TRUE(domain::EndRelationship(r, coachee, std::string(limits::kReasonMaxLength, 'a')).ok());
}

TEST(LimitsTest, WeightsStopAtTheSharedLimit) {
  EXPECT_TRUE(domain::ValidateWeights({.themes = limits::kMaxWeight}).ok());
  EXPECT_EQ(domain::ValidateWeights({.themes = limits::kMaxWeight + 1}).code(),
            absl::StatusCode::kInvalidArgument);
}

TEST(LimitsTest, IdempotencyKeysStopAtTheSharedLimits) {
  const auto check = [](size_t length) {
    return domain::ValidateWriteKey({.key = std::string(length, 'k'), .digest = ""}).code();
  };
  EXPECT_EQ(check(limits::kIdempotencyKeyMinLength), absl::StatusCode::kOk);
  EXPECT_EQ(check(limits::kIdempotencyKeyMinLength - 1), absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(check(limits::kIdempotencyKeyMaxLength), absl::StatusCode::kOk);
  EXPECT_EQ(check(limits::kIdempotencyKeyMaxLength + 1), absl::StatusCode::kInvalidArgument);
}

TEST(LimitsTest, RequestsStopAtTheSharedLimits) {
  const std::vector<domain::Specialism> taxonomy = {{.code = "leadership", .label = "Leadership"}};
  const auto check = [&](const std::function<void(domain::RequestInput&)>& change) {
    domain::RequestInput in;
    in.kind = domain::SupportKind::kCoaching;
    in.gap = "I want to grow as a new manager.";
    change(in);
    return domain::ValidateRequestInput(in, taxonomy).status().code();
  };
  constexpr auto kOk = absl::StatusCode::kOk;
  constexpr auto kBad = absl::StatusCode::kInvalidArgument;
  EXPECT_EQ(check([](auto& in) { in.gap = std::string(limits::kGapMinLength, 'g'); }), kOk);
  EXPECT_EQ(check([](auto& in) { in.gap = std::string(limits::kGapMinLength - 1, 'g'); }), kBad);
  EXPECT_EQ(check([](auto& in) { in.gap = std::string(limits::kGapMaxLength, 'g'); }), kOk);
  EXPECT_EQ(check([](auto& in) { in.gap = std::string(limits::kGapMaxLength + 1, 'g'); }), kBad);
  EXPECT_EQ(check([](auto& in) { in.avoid_account_ids.assign(limits::kMaxAvoid, 5); }), kOk);
  EXPECT_EQ(check([](auto& in) { in.avoid_account_ids.assign(limits::kMaxAvoid + 1, 5); }), kBad);
}

}  // namespace
}  // namespace tandem
