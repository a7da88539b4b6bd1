#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/status/statusor.h"
#include "absl/synchronization/mutex.h"
#include "server/domain/assignment.h"
#include "server/domain/identity.h"
#include "server/domain/keep_going.h"
#include "server/domain/matcher.h"
#include "server/domain/profile_repository.h"
#include "server/domain/request.h"
#include "shared/clock.h"

namespace tandem::domain {

/// An in-memory copy of the pool in the matcher's compact form, brought up
/// to date from storage (only what changed) before each use. Thread-safe.
class CandidatePool {
 public:
  explicit CandidatePool(CandidateSource& source) : source_(source) {}

  /// Catches up with storage, then runs `read` over the pool under a read
  /// lock (several readers at once).
  absl::Status Read(const std::function<void(const CandidatePool&)>& read);

  const Vocabulary& vocabulary() const ABSL_SHARED_LOCKS_REQUIRED(mu_) { return vocabulary_; }
  const std::vector<MatchProfile>& profiles() const ABSL_SHARED_LOCKS_REQUIRED(mu_) {
    return profiles_;
  }
  /// The member's compact profile; nullptr if they have none.
  const MatchProfile* Find(int64_t account_id) const ABSL_SHARED_LOCKS_REQUIRED(mu_);
  /// The member's name and organisation's name.
  const std::pair<std::string, std::string>& NamesOf(const MatchProfile& member) const
      ABSL_SHARED_LOCKS_REQUIRED(mu_) {
    return names_[static_cast<size_t>(&member - profiles_.data())];
  }

 private:
  absl::Status Refresh();

  CandidateSource& source_;
  absl::Mutex refresh_mu_;  // one catch-up at a time
  mutable absl::Mutex mu_;
  int64_t version_ ABSL_GUARDED_BY(mu_) = -1;
  Vocabulary vocabulary_ ABSL_GUARDED_BY(mu_);
  std::vector<MatchProfile> profiles_ ABSL_GUARDED_BY(mu_);
  std::vector<std::pair<std::string, std::string>> names_ ABSL_GUARDED_BY(mu_);  // by index
  absl::flat_hash_map<int64_t, size_t> index_ ABSL_GUARDED_BY(mu_);
};

/// The unvalidated fields of a request, as sent.
struct RequestInput {
  /// Required.
  std::optional<SupportKind> kind;
  std::string gap;
  std::vector<std::string> themes;
  std::optional<DeliveryMode> delivery_mode;  ///< none: no preference
  std::string site;
  std::string language;
  OrganisationPreference organisation_preference = OrganisationPreference::kAny;
  std::vector<int64_t> avoid_account_ids;
  std::string profession;
  /// An Agenda for Change band by seniority (kMinPayBand..kMaxPayBand), 0
  /// if not given: a rank the rules compare, not a code.
  int pay_band = 0;
};

struct Suggestion {
  int64_t member_id = 0;
  PairScore score;
};

struct Suggestions {
  std::vector<Suggestion> suggestions;
  int eligible_count = 0;
  std::string empty_reason;
};

struct WaitingList {
  std::vector<SupportRequest> requests;
  std::string next_page_token;
  int total_count = 0;
};

struct ProposedPair {
  SupportRequest request;
  int64_t member_id = 0;
  std::string member_name;
  std::string member_organisation_name;
  PairScore score;
};

struct Proposal {
  std::vector<ProposedPair> pairs;
  std::vector<std::pair<SupportRequest, std::string>> unmatched;  // with why
  int64_t total_score = 0;
  int members_considered = 0;
  int64_t pairs_considered = 0;
  absl::Duration solve_time;
};

struct PairOutcome {
  int64_t request_id = 0;
  int64_t member_id = 0;
  bool confirmed = false;
  std::string problem;
};

struct MatchingSettings {
  ListingSettings listing;
  /// A pending request returns to the waiting list after this many working
  /// days (Monday to Friday) without an answer.
  int answer_working_days = 5;
};

/// Requests and matching: the rules of MatchingService.
class Matching {
 public:
  Matching(RequestRepository& requests, ProfileRepository& profiles, CandidatePool& pool,
           const Clock& clock, MatchingSettings settings);

  absl::StatusOr<SupportRequest> Create(const Principal& caller, const RequestInput& input,
                                        int64_t member_id);
  absl::StatusOr<std::vector<SupportRequest>> ListMine(const Principal& caller);
  absl::StatusOr<SupportRequest> Withdraw(const Principal& caller, int64_t request_id);

  absl::StatusOr<Suggestions> Suggest(const Principal& caller, int64_t request_id, int limit);
  absl::StatusOr<SupportRequest> Choose(const Principal& caller, int64_t request_id,
                                        int64_t member_id);

  /// Pending requests sent to the caller, as a member sees them.
  absl::StatusOr<std::vector<SupportRequest>> Inbox(const Principal& caller);
  absl::StatusOr<SupportRequest> Answer(const Principal& caller, int64_t request_id, bool accept,
                                        const std::string& decline_reason);

  absl::StatusOr<WaitingList> ListWaiting(const Principal& caller, int page_size,
                                          const std::string& page_token);
  /// The best pairs for the caller's waiting list; stores nothing but the
  /// return of stale requests. Stops when `keep_going` says so (asked for
  /// each request weighed and during the solve), answering with its status.
  absl::StatusOr<Proposal> Propose(const Principal& caller, const KeepGoing& keep_going = {});
  /// Checks each pair again, then sends those that pass as PENDING requests
  /// in one transaction. `keep_going` is asked for each pair and once more
  /// before the commit: when it says stop, nothing is written and its
  /// status is the answer.
  absl::StatusOr<std::vector<PairOutcome>> Confirm(
      const Principal& caller, const std::vector<std::pair<int64_t, int64_t>>& pairs,
      const KeepGoing& keep_going = {});

  /// Weights of one of the caller's organisations (0: their first).
  absl::StatusOr<std::pair<int64_t, MatchWeights>> GetWeights(const Principal& caller,
                                                              int64_t organisation_id);
  absl::StatusOr<std::pair<int64_t, MatchWeights>> UpdateWeights(const Principal& caller,
                                                                 int64_t organisation_id,
                                                                 const MatchWeights& weights);

  /// Sends pending requests whose member did not answer in time, or can no
  /// longer take them, back to the waiting list with a note. Runs before
  /// every read of requests, so nobody sees one waiting on such a member.
  absl::Status ReturnStale();

 private:
  absl::StatusOr<MatchWeights> WeightsFor(int64_t organisation_id);
  /// FAILED_PRECONDITION, in words, unless `member_id` keeps every hard
  /// rule for `request` and has a place left after `reserved` others.
  absl::Status CheckPair(const SupportRequest& request, int64_t member_id, int reserved);
  /// Sends WAITING request `request_id` to `member_id` (PENDING).
  absl::StatusOr<SupportRequest> SendTo(int64_t request_id, int64_t member_id,
                                        RequestOrigin origin);

  RequestRepository& requests_;
  ProfileRepository& profiles_;
  CandidatePool& pool_;
  const Clock& clock_;
  MatchingSettings settings_;
};

/// The matcher's view of a request: what the coachee asks for, and whom
/// not to propose — their avoid list and the members who already declined
/// it or let it lapse. Suggestions, batch matching and checks of a pair all
/// read a request through this.
Seeker SeekerOf(const SupportRequest& request);
/// Validates and normalises a request; checks themes against the taxonomy.
absl::StatusOr<RequestDetails> ValidateRequestInput(const RequestInput& input,
                                                    const std::vector<Specialism>& taxonomy);
/// Validates weights: each 0..limits::kMaxWeight, not all zero.
absl::Status ValidateWeights(const MatchWeights& weights);
/// Keeps the `keep` highest-scoring of one seeker's options (all of them
/// when there are fewer). With `keep` at least the number of seekers this
/// never changes the best assignment: were a seeker placed with a member
/// outside their best `keep`, those members would have at least `keep`
/// places between them and the other seekers fill at most `keep` - 1, so
/// one has room for the seeker at no loss of score, with the same people
/// matched. It keeps batch matching small when few wait for a large pool.
void KeepBestOptions(std::vector<PairOption>& options, size_t keep);
/// `start` plus `days` working days (Monday–Friday, UTC): the same time of
/// day on the working day `days` working days later.
absl::Time AddWorkingDays(absl::Time start, int days);

}  // namespace tandem::domain
