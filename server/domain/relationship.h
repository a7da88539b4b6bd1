#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/time/civil_time.h"
#include "absl/time/time.h"
#include "server/domain/identity.h"
#include "server/domain/profile.h"
#include "server/domain/write_receipt.h"
#include "shared/clock.h"

/// Coaching and mentoring relationships: the state machine of contracting,
/// the active relationship and its end, with the history of every step.
/// Pure: no I/O.
namespace tandem::domain {

/// Stored by these numbers; server/api maps them to the API's enums.
enum class RelationshipState : int {
  kContracting = 1,
  kActive = 2,
  kCompleted = 3,
  kEndedEarly = 4,
};
enum class SessionRegularity : int { kNone = 0, kWeekly, kFortnightly, kMonthly, kAsAgreed };
enum class ReviewCadence : int { kNone = 0, kMonthly, kQuarterly, kSixMonthly };
enum class LineManagerTold : int { kUnknown = 0, kYes, kNotYet, kChoseNotTo };

struct ContractTerms {
  int number_of_sessions = 0;  // coaching
  int session_minutes = 0;     // coaching
  SessionRegularity regularity = SessionRegularity::kNone;
  std::optional<absl::CivilDay> planned_end_on;         // coaching
  ReviewCadence review_cadence = ReviewCadence::kNone;  // mentoring
};

struct Agreement {
  std::optional<absl::Time> agreed_at;
  bool confidentiality_acknowledged = false;
  bool ethics_acknowledged = false;
};

struct HistoryEntry {
  absl::Time at;
  int64_t by_account_id = 0;
  std::string by_name;  // filled when read
  std::string event;
  RelationshipState from_state = RelationshipState::kContracting;
  RelationshipState to_state = RelationshipState::kContracting;
  std::string reason;
};

struct Relationship {
  int64_t id = 0;
  SupportKind kind = SupportKind::kCoaching;
  RelationshipState state = RelationshipState::kContracting;
  int64_t request_id = 0;
  int64_t coachee_id = 0;
  std::string coachee_name;
  int64_t coachee_organisation_id = 0;
  int64_t member_id = 0;
  std::string member_name;
  int64_t member_organisation_id = 0;
  bool terms_set = false;
  ContractTerms terms;
  Agreement coachee_agreement;
  Agreement member_agreement;
  LineManagerTold line_manager_told = LineManagerTold::kUnknown;
  int reviews = 0;
  /// Goals not achieved or dropped (filled when read): a coaching contract
  /// is agreed by the coachee only with at least one.
  int open_goals = 0;
  std::vector<HistoryEntry> history;  // oldest first
  absl::Time created_at;

  bool open() const {
    return state == RelationshipState::kContracting || state == RelationshipState::kActive;
  }
};

/// The start of the history event of a contract review (goal reviews fall
/// due at each).
inline constexpr char kContractReviewedEvent[] = "reviewed the contract";

/// Who is acting on a relationship.
enum class Party { kCoachee, kMember, kCoordinator, kStranger };

/// One step, with the actor's account and the time.
struct Actor {
  Party party = Party::kStranger;
  int64_t account_id = 0;
  absl::Time now;
};

/// The transitions. Each checks the party (PERMISSION_DENIED), the state
/// (FAILED_PRECONDITION) and the input (INVALID_ARGUMENT), changes
/// `relationship` only when it succeeds, and appends to its history.
absl::Status SetContractTerms(Relationship& relationship, const Actor& actor,
                              const ContractTerms& terms);
absl::Status AgreeContract(Relationship& relationship, const Actor& actor,
                           bool confidentiality_acknowledged, bool ethics_acknowledged,
                           LineManagerTold line_manager_told);
absl::Status ReviewContract(Relationship& relationship, const Actor& actor, int number_of_sessions,
                            std::optional<absl::CivilDay> planned_end_on,
                            const std::string& reason);
absl::Status CompleteRelationship(Relationship& relationship, const Actor& actor);
absl::Status EndRelationship(Relationship& relationship, const Actor& actor,
                             const std::string& reason);

/// Relationships as stored.
class RelationshipRepository {
 public:
  virtual ~RelationshipRepository() = default;
  /// NOT_FOUND if there is none.
  virtual absl::StatusOr<Relationship> Get(int64_t id) = 0;
  /// The account's relationships as coachee or member, newest first.
  virtual absl::StatusOr<std::vector<Relationship>> ListFor(int64_t account_id) = 0;
  /// Reads, lets `change` edit, writes back in one transaction: the state,
  /// contract and new history entries. A relationship that leaves
  /// contracting or active for good gives its place back to the member's
  /// capacity in the same transaction, which also keeps `receipt` (first,
  /// so that a racing retry gets ALREADY_EXISTS, not the refusal of a step
  /// already taken).
  virtual absl::StatusOr<Relationship> Update(
      int64_t id, const std::function<absl::Status(Relationship&)>& change,
      const WriteReceipt& receipt) = 0;
};

/// The rules of RelationshipService: who may see a relationship, and each
/// transition made as the caller's part in it. Each transition is made once
/// per WriteKey; a retry answers with the relationship as it is.
class Relationships {
 public:
  Relationships(RelationshipRepository& relationships, ReceiptRepository& receipts,
                const Clock& clock)
      : relationships_(relationships), receipts_(receipts), clock_(clock) {}

  absl::StatusOr<std::vector<Relationship>> ListMine(const Principal& caller);
  /// NOT_FOUND unless the caller is a party or a coordinator of either
  /// party's organisation.
  absl::StatusOr<Relationship> Get(const Principal& caller, int64_t id);
  absl::StatusOr<Relationship> SetTerms(const Principal& caller, int64_t id,
                                        const ContractTerms& terms, const WriteKey& key);
  absl::StatusOr<Relationship> Agree(const Principal& caller, int64_t id, bool confidentiality,
                                     bool ethics, LineManagerTold told, const WriteKey& key);
  /// `planned_end_on` as "YYYY-MM-DD".
  absl::StatusOr<Relationship> Review(const Principal& caller, int64_t id, int number_of_sessions,
                                      const std::string& planned_end_on, const std::string& reason,
                                      const WriteKey& key);
  absl::StatusOr<Relationship> Complete(const Principal& caller, int64_t id, const WriteKey& key);
  absl::StatusOr<Relationship> End(const Principal& caller, int64_t id, const std::string& reason,
                                   const WriteKey& key);

 private:
  /// Applies `step` as the caller's part in relationship `id`.
  absl::StatusOr<Relationship> Act(
      const Principal& caller, int64_t id, const WriteKey& key,
      const std::function<absl::Status(Relationship&, const Actor&)>& step);

  RelationshipRepository& relationships_;
  ReceiptRepository& receipts_;
  const Clock& clock_;
};

/// The caller's part in `relationship`.
Party PartyOf(const Principal& caller, const Relationship& relationship);

}  // namespace tandem::domain
