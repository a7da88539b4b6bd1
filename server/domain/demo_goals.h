#pragma once

#include <vector>

#include "absl/status/status.h"
#include "server/domain/audit.h"
#include "server/domain/goals.h"
#include "server/domain/identity.h"
#include "server/domain/monthly_return.h"
#include "server/domain/note_cipher.h"
#include "server/domain/profile_repository.h"
#include "server/domain/relationship.h"
#include "server/domain/request.h"
#include "server/domain/session.h"
#include "server/domain/write_receipt.h"

namespace tandem::domain {

/// The stores the demo's relationships are written to.
struct DemoGoalStores {
  RequestRepository& requests;
  RelationshipRepository& relationships;
  SessionRepository& sessions;
  GoalRepository& goals;
  ReceiptRepository& receipts;
  AuditRepository& audit;
  ProfileRepository& profiles;
  ReturnRepository& returns;
  const NoteCipher& cipher;
  ReturnSettings return_settings;
};

/// Relationships between generated staff (`coachees`) and pool members
/// (`members`, tried in turn until one has a free place) at every stage of
/// goals, reviews and the evaluation — contracting with goals set, active
/// with a review not yet due, due at the middle of the contract, reviewed
/// with a comment, completed and evaluated, ended early, mentoring due at
/// its cadence, and ended long enough ago for the follow-up — made through
/// the domain's own rules on a clock stepped back through their history.
/// Then a year of history for the programme's figures: about a hundred
/// relationships begun month by month over the last thirteen, with their
/// sessions (some cancelled or not attended), goals, reviews, ends and
/// evaluations, and the pool members' monthly returns (all but a few
/// confirmed, some amended).
/// The demo's well-known accounts are left as they are.
absl::Status SeedDemoGoals(const DemoGoalStores& stores, const std::vector<Account>& coachees,
                           const std::vector<Account>& members, absl::Time now);

}  // namespace tandem::domain
