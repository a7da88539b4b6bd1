#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/time/time.h"
#include "server/domain/matcher.h"
#include "server/domain/profile.h"

/// Requests for coaching or mentoring, their storage, and the compact view of
/// the pool the matcher reads.
namespace tandem::domain {

/// Stored by these numbers; server/api maps them to the API's enums.
enum class RequestStatus : int {
  kWaiting = 1,
  kPending = 2,
  kAccepted = 3,
  kDeclined = 4,
  kWithdrawn = 5,
};
/// Stored by these numbers; server/api maps them to the API's enums.
enum class RequestOrigin : int { kNone = 0, kNamed = 1, kChosen = 2, kCoordinator = 3 };

/// What the coachee asks for, validated.
struct RequestDetails {
  SupportKind kind = SupportKind::kCoaching;
  std::string gap;
  std::vector<std::string> themes;
  std::optional<DeliveryMode> delivery_mode;
  std::string site;
  std::string language;
  OrganisationPreference organisation_preference = OrganisationPreference::kAny;
  std::vector<int64_t> avoid_account_ids;  // sorted, unique
  std::string profession;
  int pay_band = 0;
};

struct SupportRequest {
  int64_t id = 0;
  RequestStatus status = RequestStatus::kWaiting;
  RequestDetails details;
  int64_t coachee_id = 0;
  std::string coachee_name;
  int64_t coachee_organisation_id = 0;
  std::string coachee_organisation_name;
  int64_t member_id = 0;
  std::string member_name;
  RequestOrigin origin = RequestOrigin::kNone;
  absl::Time created_at;
  absl::Time waiting_since;
  /// When it was last sent to a member.
  std::optional<absl::Time> sent_at;
  std::optional<absl::Time> answer_due_at;
  std::optional<absl::Time> answered_at;
  std::string decline_reason;
  std::string note;
  int64_t relationship_id = 0;
  /// Members not to propose again: they declined or let it lapse.
  std::vector<int64_t> passed_member_ids;

  bool open() const {
    return status == RequestStatus::kWaiting || status == RequestStatus::kPending;
  }
};

/// A PENDING request as storage hands it over for the domain to decide
/// whether it goes back to the waiting list (see WhyStale).
struct PendingRequest {
  int64_t request_id = 0;
  SupportKind kind = SupportKind::kCoaching;
  int64_t member_id = 0;
  std::string member_name;
  std::optional<absl::Time> answer_due_at;
};

/// Why a pending request goes back to the waiting list.
enum class StaleReason {
  kOverdue,       ///< its member did not answer in time
  kCannotTakeOn,  ///< its member can no longer take it on
};

/// The one rule of when PENDING `request` goes back to the waiting list at
/// `now`: overdue, or its member (`member`, nullptr when they have no
/// profile) breaks a rule of their listing or has no place to offer. nullopt
/// while it should wait for the member's answer.
std::optional<StaleReason> WhyStale(const PendingRequest& request, const MemberFacts* member,
                                    absl::Time now);

/// Keyset position in the waiting list: (waiting_since, id).
struct WaitingCursor {
  int64_t waiting_since = 0;
  int64_t id = 0;
};

struct WaitingPage {
  std::vector<SupportRequest> requests;
  int total_count = 0;
};

/// How a member has answered requests (for their profile).
struct AnswerStats {
  /// Median time to answer over the latest answers; nullopt if none.
  std::optional<absl::Duration> median;
};

/// Requests, relationships started by accepting them, and matching weights.
/// Every method is one transaction.
class RequestRepository {
 public:
  virtual ~RequestRepository() = default;

  /// Stores a new open request. FAILED_PRECONDITION if the coachee already
  /// has an open request of that kind (checked by the store, so two racing
  /// creates cannot both succeed).
  virtual absl::StatusOr<SupportRequest> Create(const SupportRequest& request) = 0;
  /// NOT_FOUND if there is none.
  virtual absl::StatusOr<SupportRequest> Get(int64_t id) = 0;
  /// Reads a request, lets `change` edit it, writes it back, in one
  /// transaction. Only status, member, origin, times, reason, note and
  /// passed members are written. A PENDING request that gets an answer
  /// time is logged as answered by its member (see AnswerStatsFor).
  virtual absl::StatusOr<SupportRequest> Update(
      int64_t id, const std::function<absl::Status(SupportRequest&)>& change) = 0;

  /// Update for each of `ids`, all in one transaction: `change(i, request)`
  /// edits the request of ids[i]. One that refuses (or is missing) is left
  /// as it was, with its error in its place in the answer, and the others
  /// go on. `before_commit` is asked last: an error from it rolls them all
  /// back and is the answer.
  virtual absl::StatusOr<std::vector<absl::StatusOr<SupportRequest>>> UpdateEach(
      const std::vector<int64_t>& ids,
      const std::function<absl::Status(size_t, SupportRequest&)>& change,
      const std::function<absl::Status()>& before_commit) = 0;

  virtual absl::StatusOr<std::vector<SupportRequest>> ListByCoachee(int64_t coachee_id) = 0;
  /// PENDING requests sent to `member_id`, oldest first.
  virtual absl::StatusOr<std::vector<SupportRequest>> ListPendingFor(int64_t member_id) = 0;
  /// WAITING requests of coachees in `organisation_ids`, longest waiting
  /// first. `limit` < 0: all of them.
  virtual absl::StatusOr<WaitingPage> ListWaiting(const std::vector<int64_t>& organisation_ids,
                                                  int limit,
                                                  const std::optional<WaitingCursor>& after,
                                                  bool count_total) = 0;
  /// Number of PENDING requests per member (for members that have any).
  virtual absl::StatusOr<std::vector<std::pair<int64_t, int>>> CountPendingByMember() = 0;

  /// Every PENDING request, for WhyStale to weigh: storage fetches, the
  /// domain decides.
  virtual absl::StatusOr<std::vector<PendingRequest>> ListPending() = 0;

  /// Accepts PENDING request `id` for `member_id`: takes one place of the
  /// member's capacity only if one is free, marks it ACCEPTED, and starts a
  /// relationship in contracting — all or nothing. FAILED_PRECONDITION
  /// ("is full") when no place is free, or when the request is no longer
  /// pending for that member.
  virtual absl::StatusOr<SupportRequest> Accept(int64_t id, int64_t member_id, absl::Time now) = 0;

  /// How `member_id` has answered their latest requests.
  virtual absl::StatusOr<AnswerStats> AnswerStatsFor(int64_t member_id) = 0;
  /// The pay band of the person from their profile, else their latest
  /// request; 0 if unknown.
  virtual absl::StatusOr<int> KnownPayBand(int64_t account_id) = 0;

  /// Weights of an organisation; nullopt if never set.
  virtual absl::StatusOr<std::optional<MatchWeights>> GetWeights(int64_t organisation_id) = 0;
  virtual absl::Status PutWeights(int64_t organisation_id, const MatchWeights& weights,
                                  absl::Time now) = 0;
};

/// The matchable part of profiles that changed after a point, for keeping
/// an in-memory copy of the pool current.
struct CandidateChanges {
  std::vector<CandidateRow> rows;
  /// Pass this back to get the next changes.
  int64_t version = 0;
};

class CandidateSource {
 public:
  virtual ~CandidateSource() = default;
  /// Profiles written after `version` (0: all), in the matcher's form.
  virtual absl::StatusOr<CandidateChanges> ChangedSince(int64_t version) = 0;
};

}  // namespace tandem::domain
