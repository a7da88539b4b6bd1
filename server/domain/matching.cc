#include "server/domain/matching.h"

#include <algorithm>
#include <numeric>

#include "absl/container/flat_hash_set.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/time/civil_time.h"
#include "server/domain/assignment.h"
#include "server/domain/notices.h"
#include "server/domain/page_token.h"
#include "server/domain/validation.h"
#include "shared/limits.h"
#include "shared/status_macros.h"

namespace tandem::domain {
namespace {

const char* KindWord(SupportKind kind) {
  return kind == SupportKind::kCoaching ? "coaching" : "mentoring";
}

absl::Status RuleRefusal(const char* rule) {
  return absl::FailedPreconditionError(absl::StrCat("This pool member ", rule, "."));
}

// A request as the member it is sent to sees it: without whom the coachee
// avoids or their pay band, which are for matching, not for the member.
SupportRequest ForMember(SupportRequest request) {
  request.details.avoid_account_ids.clear();
  request.details.pay_band = 0;
  request.passed_member_ids.clear();
  return request;
}

std::vector<SupportRequest> ForMember(std::vector<SupportRequest> requests) {
  for (SupportRequest& r : requests) r = ForMember(std::move(r));
  return requests;
}

// The people whose requests a caller may see and act on as a coordinator.
bool Coordinates(const Principal& caller, const SupportRequest& request) {
  return caller.HasRole(Role::kCoordinator) && caller.Coordinates(request.coachee_organisation_id);
}

}  // namespace

// ---- CandidatePool ----

absl::Status CandidatePool::Refresh() {
  absl::MutexLock one_at_a_time(&refresh_mu_);
  int64_t version;
  {
    absl::ReaderMutexLock lock(&mu_);
    version = version_;
  }
  ASSIGN_OR_RETURN(CandidateChanges changes, source_.ChangedSince(version));
  if (changes.rows.empty()) return absl::OkStatus();
  absl::MutexLock lock(&mu_);
  for (const CandidateRow& row : changes.rows) {
    MatchProfile profile = ToMatchProfile(row, vocabulary_);
    auto names = std::make_pair(row.display_name, row.organisation_name);
    auto [it, added] = index_.try_emplace(row.account_id, profiles_.size());
    if (added) {
      profiles_.push_back(std::move(profile));
      names_.push_back(std::move(names));
    } else {
      profiles_[it->second] = std::move(profile);
      names_[it->second] = std::move(names);
    }
  }
  version_ = changes.version;
  return absl::OkStatus();
}

absl::Status CandidatePool::Read(const std::function<void(const CandidatePool&)>& read) {
  RETURN_IF_ERROR(Refresh());
  absl::ReaderMutexLock lock(&mu_);
  read(*this);
  return absl::OkStatus();
}

const MatchProfile* CandidatePool::Find(int64_t account_id) const {
  const auto it = index_.find(account_id);
  return it == index_.end() ? nullptr : &profiles_[it->second];
}

// ---- validation ----

absl::StatusOr<RequestDetails> ValidateRequestInput(const RequestInput& in,
                                                    const std::vector<Specialism>& taxonomy) {
  RequestDetails d;
  if (!in.kind) return InvalidField("kind", "choose coaching or mentoring");
  d.kind = *in.kind;
  ASSIGN_OR_RETURN(d.gap, NormaliseText(in.gap, "gap", limits::kGapMinLength, limits::kGapMaxLength,
                                        /*allow_newlines=*/true));
  ASSIGN_OR_RETURN(d.themes, NormaliseList(in.themes, "themes", 0, limits::kMaxThemes, 1,
                                           limits::kSpecialismCodeMaxLength, true));
  for (size_t i = 0; i < d.themes.size(); ++i) {
    const bool known = std::any_of(taxonomy.begin(), taxonomy.end(),
                                   [&](const Specialism& s) { return s.code == d.themes[i]; });
    if (!known) {
      return InvalidField(absl::StrCat("themes[", i, "]"),
                          absl::StrCat("\"", d.themes[i], "\" is not in the taxonomy"));
    }
  }
  d.delivery_mode = in.delivery_mode;
  ASSIGN_OR_RETURN(d.site, NormaliseText(in.site, "site", 0, limits::kSiteMaxLength));
  ASSIGN_OR_RETURN(d.language,
                   NormaliseText(in.language, "language", 0, limits::kLanguageMaxLength));
  d.organisation_preference = in.organisation_preference;
  if (in.avoid_account_ids.size() > limits::kMaxAvoid) {
    return InvalidField("avoid_account_ids",
                        absl::StrCat("at most ", limits::kMaxAvoid, " people"));
  }
  for (size_t i = 0; i < in.avoid_account_ids.size(); ++i) {
    if (in.avoid_account_ids[i] <= 0) {
      return InvalidField(absl::StrCat("avoid_account_ids[", i, "]"), "is not an account id");
    }
  }
  d.avoid_account_ids = in.avoid_account_ids;
  std::sort(d.avoid_account_ids.begin(), d.avoid_account_ids.end());
  d.avoid_account_ids.erase(std::unique(d.avoid_account_ids.begin(), d.avoid_account_ids.end()),
                            d.avoid_account_ids.end());
  ASSIGN_OR_RETURN(d.profession,
                   NormaliseText(in.profession, "profession", 0, limits::kProfessionMaxLength));
  if (in.pay_band != 0 && (in.pay_band < kMinPayBand || in.pay_band > kMaxPayBand)) {
    return InvalidField("pay_band", "is not a known pay band");
  }
  d.pay_band = in.pay_band;
  if (d.kind == SupportKind::kMentoring && d.pay_band == 0) {
    return InvalidField("pay_band", "is required for mentoring (a mentor is more senior)");
  }
  return d;
}

absl::Status ValidateWeights(const MatchWeights& w) {
  const std::pair<const char*, int> parts[] = {{"themes", w.themes},
                                               {"delivery_mode", w.delivery_mode},
                                               {"site", w.site},
                                               {"language", w.language},
                                               {"organisation", w.organisation},
                                               {"profession", w.profession},
                                               {"spare_capacity", w.spare_capacity},
                                               {"waiting", w.waiting}};
  int total = 0;
  for (const auto& [name, value] : parts) {
    if (value < 0 || value > limits::kMaxWeight) {
      return InvalidField(absl::StrCat("weights.", name),
                          absl::StrCat("must be 0 to ", limits::kMaxWeight));
    }
    total += value;
  }
  if (total == 0) return InvalidField("weights", "at least one must be above 0");
  return absl::OkStatus();
}

absl::Time AddWorkingDays(absl::Time start, int days) {
  const absl::CivilSecond at = absl::ToCivilSecond(start, absl::UTCTimeZone());
  absl::CivilDay day(at);
  // A start on a weekend counts from the Monday after.
  while (absl::GetWeekday(day) == absl::Weekday::saturday ||
         absl::GetWeekday(day) == absl::Weekday::sunday) {
    day += 1;
  }
  for (int added = 0; added < days;) {
    day += 1;
    if (absl::GetWeekday(day) != absl::Weekday::saturday &&
        absl::GetWeekday(day) != absl::Weekday::sunday) {
      ++added;
    }
  }
  const absl::CivilSecond due(day.year(), day.month(), day.day(), at.hour(), at.minute(),
                              at.second());
  return absl::FromCivil(due, absl::UTCTimeZone());
}

void KeepBestOptions(std::vector<PairOption>& options, size_t keep) {
  if (options.size() <= keep) return;
  std::nth_element(options.begin(), options.begin() + static_cast<std::ptrdiff_t>(keep),
                   options.end(),
                   [](const PairOption& a, const PairOption& b) { return a.score > b.score; });
  options.resize(keep);
}

// ---- Matching ----

Matching::Matching(RequestRepository& requests, ProfileRepository& profiles, CandidatePool& pool,
                   const Clock& clock, MatchingSettings settings)
    : requests_(requests),
      profiles_(profiles),
      pool_(pool),
      clock_(clock),
      settings_(std::move(settings)) {}

absl::StatusOr<MatchWeights> Matching::WeightsFor(int64_t organisation_id) {
  ASSIGN_OR_RETURN(const std::optional<MatchWeights> stored, requests_.GetWeights(organisation_id));
  return stored.value_or(MatchWeights{});
}

Seeker SeekerOf(const SupportRequest& r) {
  Seeker s;
  s.account_id = r.coachee_id;
  s.kind = r.details.kind;
  s.themes = r.details.themes;
  s.delivery_mode = r.details.delivery_mode;
  s.site = r.details.site;
  s.language = r.details.language;
  s.organisation_preference = r.details.organisation_preference;
  s.organisation_id = r.coachee_organisation_id;
  s.profession = r.details.profession;
  s.pay_band = r.details.pay_band;
  s.avoid_account_ids = r.details.avoid_account_ids;
  s.avoid_account_ids.insert(s.avoid_account_ids.end(), r.passed_member_ids.begin(),
                             r.passed_member_ids.end());
  s.waiting_since = r.waiting_since;
  return s;
}

absl::Status Matching::CheckPair(const SupportRequest& request, int64_t member_id, int reserved) {
  absl::Status result;
  const absl::Time now = clock_.Now();
  RETURN_IF_ERROR(pool_.Read([&](const CandidatePool& pool) {
    const MatchProfile* member = pool.Find(member_id);
    if (member == nullptr) {
      result = absl::FailedPreconditionError("This person is not in the pool.");
      return;
    }
    const PreparedSeeker seeker = Prepare(SeekerOf(request), pool.vocabulary());
    if (const char* rule = HardRuleBroken(seeker, *member, now); rule != nullptr) {
      result = RuleRefusal(rule);
    } else if (member->current_load + reserved >= member->capacity) {
      result = RuleRefusal("has no place left once the requests already sent to them are answered");
    }
  }));
  return result;
}

namespace {

/// A notice about a request: to the member (their inbox) or the coachee
/// (their requests).
Notice RequestNotice(int64_t recipient, NoticeKind kind, SupportKind support) {
  return Notice{.recipient_id = recipient,
                .kind = kind,
                .facts = {.support = support},
                .screen = kind == NoticeKind::kRequestReceived ? NoticeScreen::kInbox
                                                               : NoticeScreen::kMyRequests};
}

// A WAITING request sent to `member_id` at `now`, to be answered by `due`.
absl::Status MarkSent(SupportRequest& r, int64_t member_id, RequestOrigin origin, absl::Time now,
                      absl::Time due) {
  if (r.status != RequestStatus::kWaiting) {
    return absl::FailedPreconditionError("This request is no longer waiting to be matched.");
  }
  r.status = RequestStatus::kPending;
  r.member_id = member_id;
  r.origin = origin;
  r.sent_at = now;
  r.answer_due_at = due;
  r.answered_at.reset();
  r.note.clear();
  return absl::OkStatus();
}

}  // namespace

absl::StatusOr<SupportRequest> Matching::SendTo(int64_t request_id, int64_t member_id,
                                                RequestOrigin origin) {
  const absl::Time now = clock_.Now();
  const absl::Time due = AddWorkingDays(now, settings_.answer_working_days);
  NoticeBatch notices;
  return requests_.Update(request_id, [&](SupportRequest& r) -> absl::Status {
    RETURN_IF_ERROR(MarkSent(r, member_id, origin, now, due));
    notices.Clear();
    notices.Add(RequestNotice(member_id, NoticeKind::kRequestReceived, r.details.kind));
    return absl::OkStatus();
  });
}

absl::StatusOr<SupportRequest> Matching::Create(const Principal& caller, const RequestInput& input,
                                                int64_t member_id) {
  ASSIGN_OR_RETURN(const std::vector<Specialism> taxonomy, profiles_.ListSpecialisms());
  ASSIGN_OR_RETURN(RequestDetails details, ValidateRequestInput(input, taxonomy));
  if (member_id < 0) return InvalidField("member_id", "is not an account id");
  if (member_id == caller.id()) return InvalidField("member_id", "you cannot ask yourself");
  const absl::Time now = clock_.Now();
  SupportRequest request;
  request.details = std::move(details);
  request.coachee_id = caller.id();
  request.coachee_organisation_id = caller.account.organisation_id;
  request.created_at = now;
  request.waiting_since = now;
  if (member_id != 0) {
    RETURN_IF_ERROR(CheckPair(request, member_id, /*reserved=*/0));
    request.status = RequestStatus::kPending;
    request.member_id = member_id;
    request.origin = RequestOrigin::kNamed;
    request.sent_at = now;
    request.answer_due_at = AddWorkingDays(now, settings_.answer_working_days);
  }
  NoticeBatch notices;
  if (member_id != 0) {
    notices.Add(RequestNotice(member_id, NoticeKind::kRequestReceived, request.details.kind));
  }
  return requests_.Create(request);
}

absl::StatusOr<std::vector<SupportRequest>> Matching::ListMine(const Principal& caller) {
  RETURN_IF_ERROR(ReturnStale());
  return requests_.ListByCoachee(caller.id());
}

absl::StatusOr<SupportRequest> Matching::Withdraw(const Principal& caller, int64_t request_id) {
  if (request_id <= 0) return InvalidField("request_id", "is required");
  return requests_.Update(request_id, [&](SupportRequest& r) -> absl::Status {
    if (r.coachee_id != caller.id()) return absl::NotFoundError("No such request.");
    if (!r.open()) {
      return absl::FailedPreconditionError("Only a request that is still open can be withdrawn.");
    }
    r.status = RequestStatus::kWithdrawn;
    r.answer_due_at.reset();
    r.note = "You withdrew this request.";
    return absl::OkStatus();
  });
}

absl::StatusOr<Suggestions> Matching::Suggest(const Principal& caller, int64_t request_id,
                                              int limit) {
  if (request_id <= 0) return InvalidField("request_id", "is required");
  if (limit < 0 || limit > limits::kMaxSuggestions) {
    return InvalidField("limit", absl::StrCat("must be 0 to ", limits::kMaxSuggestions));
  }
  if (limit == 0) limit = limits::kDefaultSuggestions;
  RETURN_IF_ERROR(ReturnStale());
  ASSIGN_OR_RETURN(const SupportRequest request, requests_.Get(request_id));
  if (request.coachee_id != caller.id() && !Coordinates(caller, request)) {
    return absl::NotFoundError("No such request.");
  }
  if (request.status != RequestStatus::kWaiting) {
    return absl::FailedPreconditionError(
        "Suggestions are for requests waiting to be matched; this one is not.");
  }
  ASSIGN_OR_RETURN(const MatchWeights weights, WeightsFor(request.coachee_organisation_id));
  const absl::Time now = clock_.Now();
  Suggestions out;
  RETURN_IF_ERROR(pool_.Read([&](const CandidatePool& pool) {
    const PreparedSeeker seeker = Prepare(SeekerOf(request), pool.vocabulary());
    // Best `limit` by (score desc, account id asc), kept in a small heap.
    using Ranked = std::pair<int64_t, const MatchProfile*>;
    const auto better = [](const Ranked& a, const Ranked& b) {
      return a.first != b.first ? a.first > b.first : a.second->account_id < b.second->account_id;
    };
    std::vector<Ranked> best;
    best.reserve(static_cast<size_t>(limit) + 1);
    for (const MatchProfile& member : pool.profiles()) {
      if (HardRuleBroken(seeker, member, now) != nullptr) continue;
      ++out.eligible_count;
      const Ranked ranked{ScorePoints(seeker, member, weights, now), &member};
      if (best.size() < static_cast<size_t>(limit)) {
        best.push_back(ranked);
        std::push_heap(best.begin(), best.end(), better);
      } else if (better(ranked, best.front())) {
        std::pop_heap(best.begin(), best.end(), better);
        best.back() = ranked;
        std::push_heap(best.begin(), best.end(), better);
      }
    }
    std::sort_heap(best.begin(), best.end(), better);
    // The coachee reads their own reasons; a coordinator reads about them.
    const ReasonsFor audience =
        request.coachee_id == caller.id() ? ReasonsFor::kSeeker : ReasonsFor::kCoordinator;
    for (const auto& [points, member] : best) {
      out.suggestions.push_back({member->account_id, ScorePair(seeker, *member, weights, now,
                                                               pool.vocabulary(), audience)});
    }
  }));
  if (out.suggestions.empty()) {
    out.empty_reason = absl::StrCat(
        "No one offering ", KindWord(request.details.kind),
        request.details.kind == SupportKind::kMentoring ? " at a more senior pay band" : "",
        " has a free place right now. Your request stays on the waiting list, and a "
        "coordinator will match you as soon as someone is free.");
  }
  return out;
}

absl::StatusOr<SupportRequest> Matching::Choose(const Principal& caller, int64_t request_id,
                                                int64_t member_id) {
  if (request_id <= 0) return InvalidField("request_id", "is required");
  if (member_id <= 0) return InvalidField("member_id", "is required");
  ASSIGN_OR_RETURN(const SupportRequest request, requests_.Get(request_id));
  if (request.coachee_id != caller.id()) return absl::NotFoundError("No such request.");
  if (request.status != RequestStatus::kWaiting) {
    return absl::FailedPreconditionError("This request is no longer waiting to be matched.");
  }
  RETURN_IF_ERROR(CheckPair(request, member_id, /*reserved=*/0));
  return SendTo(request_id, member_id, RequestOrigin::kChosen);
}

absl::StatusOr<std::vector<SupportRequest>> Matching::Inbox(const Principal& caller) {
  RETURN_IF_ERROR(ReturnStale());
  ASSIGN_OR_RETURN(std::vector<SupportRequest> pending, requests_.ListPendingFor(caller.id()));
  return ForMember(std::move(pending));
}

absl::StatusOr<SupportRequest> Matching::Answer(const Principal& caller, int64_t request_id,
                                                bool accept, const std::string& decline_reason) {
  if (request_id <= 0) return InvalidField("request_id", "is required");
  std::string reason;
  if (!accept) {
    ASSIGN_OR_RETURN(reason, NormaliseText(decline_reason, "decline_reason", 1,
                                           limits::kDeclineReasonMaxLength, true));
  }
  RETURN_IF_ERROR(ReturnStale());
  ASSIGN_OR_RETURN(const SupportRequest request, requests_.Get(request_id));
  const auto& passed = request.passed_member_ids;
  if (request.member_id != caller.id() &&
      std::find(passed.begin(), passed.end(), caller.id()) == passed.end()) {
    return absl::NotFoundError("No such request.");
  }
  if (request.status != RequestStatus::kPending || request.member_id != caller.id()) {
    return absl::FailedPreconditionError(
        "This request is no longer waiting for your answer: it was withdrawn or went back to "
        "the waiting list.");
  }
  const absl::Time now = clock_.Now();
  if (accept) {
    absl::StatusOr<SupportRequest> written;
    {
      NoticeBatch notices;
      notices.Add(
          RequestNotice(request.coachee_id, NoticeKind::kRequestAccepted, request.details.kind));
      written = requests_.Accept(request_id, caller.id(), now);
    }
    ASSIGN_OR_RETURN(SupportRequest accepted, std::move(written));
    // Now full? Their other pending requests go back to the waiting list.
    RETURN_IF_ERROR(ReturnStale());
    return ForMember(std::move(accepted));
  }
  const std::string name = caller.account.display_name;
  NoticeBatch notices;
  absl::StatusOr<SupportRequest> declined =
      requests_.Update(request_id, [&](SupportRequest& r) -> absl::Status {
        if (r.status != RequestStatus::kPending || r.member_id != caller.id()) {
          return absl::FailedPreconditionError(
              "This request is no longer waiting for your answer.");
        }
        r.answered_at = now;
        r.answer_due_at.reset();
        r.decline_reason = reason;
        if (r.origin == RequestOrigin::kNamed) {
          // The coachee chose this person by name: the answer is theirs to act on.
          r.status = RequestStatus::kDeclined;
          r.note = absl::StrCat(name, " declined: ", reason);
        } else {
          // It came from matching: keep the coachee's place in the queue.
          r.status = RequestStatus::kWaiting;
          r.passed_member_ids.push_back(caller.id());
          r.member_id = 0;
          r.origin = RequestOrigin::kNone;
          r.note = absl::StrCat("Back on the waiting list: ", name, " could not take this on (",
                                reason, ").");
        }
        notices.Clear();
        notices.Add(RequestNotice(r.coachee_id,
                                  r.status == RequestStatus::kDeclined
                                      ? NoticeKind::kRequestDeclined
                                      : NoticeKind::kRequestReturned,
                                  r.details.kind));
        return absl::OkStatus();
      });
  RETURN_IF_ERROR(declined.status());
  return ForMember(*std::move(declined));
}

absl::StatusOr<WaitingList> Matching::ListWaiting(const Principal& caller, int page_size,
                                                  const std::string& page_token) {
  if (page_size < 0 || page_size > limits::kMaxWaitingPageSize) {
    return InvalidField("page_size", absl::StrCat("must be 0 to ", limits::kMaxWaitingPageSize));
  }
  if (page_size == 0) page_size = limits::kDefaultWaitingPageSize;
  std::optional<WaitingCursor> after;
  int total = -1;
  if (!page_token.empty()) {
    const auto fields = DecodePageToken("waiting", page_token, 3);
    WaitingCursor cursor;
    if (!fields || !absl::SimpleAtoi((*fields)[0], &cursor.waiting_since) ||
        !absl::SimpleAtoi((*fields)[1], &cursor.id) || !absl::SimpleAtoi((*fields)[2], &total)) {
      return InvalidField("page_token", "is not a token from a previous page");
    }
    after = cursor;
  }
  RETURN_IF_ERROR(ReturnStale());
  ASSIGN_OR_RETURN(WaitingPage page,
                   requests_.ListWaiting(caller.account.coordinated_organisation_ids, page_size + 1,
                                         after, !after.has_value()));
  WaitingList out;
  out.total_count = after ? total : page.total_count;
  if (page.requests.size() > static_cast<size_t>(page_size)) {
    page.requests.resize(static_cast<size_t>(page_size));
    const SupportRequest& last = page.requests.back();
    out.next_page_token =
        EncodePageToken("waiting", {absl::StrCat(absl::ToUnixSeconds(last.waiting_since)),
                                    absl::StrCat(last.id), absl::StrCat(out.total_count)});
  }
  out.requests = std::move(page.requests);
  return out;
}

absl::StatusOr<Proposal> Matching::Propose(const Principal& caller, const KeepGoing& keep_going) {
  RETURN_IF_ERROR(CheckKeepGoing(keep_going));
  RETURN_IF_ERROR(ReturnStale());
  ASSIGN_OR_RETURN(
      WaitingPage waiting,
      requests_.ListWaiting(caller.account.coordinated_organisation_ids, -1, std::nullopt, false));
  ASSIGN_OR_RETURN(const auto pending, requests_.CountPendingByMember());
  absl::flat_hash_map<int64_t, int> pending_of(pending.begin(), pending.end());
  absl::flat_hash_map<int64_t, MatchWeights> weights_of;
  for (const SupportRequest& r : waiting.requests) {
    if (!weights_of.contains(r.coachee_organisation_id)) {
      ASSIGN_OR_RETURN(weights_of[r.coachee_organisation_id],
                       WeightsFor(r.coachee_organisation_id));
    }
  }
  const absl::Time now = clock_.Now();
  Proposal proposal;
  absl::Status stopped;  // why the work stopped early, if it did
  RETURN_IF_ERROR(pool_.Read([&](const CandidatePool& pool) {
    // Members with a place left after the requests already sent to them.
    std::vector<const MatchProfile*> members;
    AssignmentProblem problem;
    for (const MatchProfile& m : pool.profiles()) {
      const auto it = pending_of.find(m.account_id);
      const int places = m.capacity - m.current_load - (it == pending_of.end() ? 0 : it->second);
      if (places <= 0 || m.status != PoolStatus::kApproved ||
          m.availability != Availability::kAccepting) {
        continue;
      }
      members.push_back(&m);
      problem.member_capacity.push_back(places);
    }
    proposal.members_considered = static_cast<int>(members.size());
    // Waiting list order is longest waiting first: priority falls with it.
    const int n = static_cast<int>(waiting.requests.size());
    problem.seekers = n;
    std::vector<PreparedSeeker> seekers;
    seekers.reserve(static_cast<size_t>(n));
    std::vector<int> allowed_of(static_cast<size_t>(n), 0);
    std::vector<PairOption> allowed;
    for (int s = 0; s < n; ++s) {
      if (stopped = CheckKeepGoing(keep_going); !stopped.ok()) return;
      const SupportRequest& r = waiting.requests[static_cast<size_t>(s)];
      problem.seeker_priority.push_back(n - s);
      seekers.push_back(Prepare(SeekerOf(r), pool.vocabulary()));
      const MatchWeights& weights = weights_of[r.coachee_organisation_id];
      allowed.clear();
      for (int m = 0; m < static_cast<int>(members.size()); ++m) {
        if (HardRuleBroken(seekers.back(), *members[static_cast<size_t>(m)], now) != nullptr) {
          continue;
        }
        allowed.push_back(
            {s, m, ScorePoints(seekers.back(), *members[static_cast<size_t>(m)], weights, now)});
      }
      allowed_of[static_cast<size_t>(s)] = static_cast<int>(allowed.size());
      KeepBestOptions(allowed, static_cast<size_t>(n));
      problem.options.insert(problem.options.end(), allowed.begin(), allowed.end());
    }
    proposal.pairs_considered = static_cast<int64_t>(problem.options.size());

    const absl::Time start = absl::Now();
    const Assignment assignment = SolveAssignment(problem, [&] {
      stopped = CheckKeepGoing(keep_going);
      return !stopped.ok();
    });
    if (assignment.stopped) return;
    proposal.solve_time = absl::Now() - start;
    proposal.total_score = assignment.total_score;
    for (int s = 0; s < n; ++s) {
      SupportRequest& r = waiting.requests[static_cast<size_t>(s)];
      const int m = assignment.member_of_seeker[static_cast<size_t>(s)];
      if (m < 0) {
        const int options = allowed_of[static_cast<size_t>(s)];
        proposal.unmatched.emplace_back(
            std::move(r),
            options == 0
                ? absl::StrCat("No one offering ", KindWord(r.details.kind),
                               " who keeps every rule for this request has a free place.")
                : absl::StrCat("The ", options, options == 1 ? " person" : " people",
                               " who could take this on were matched with others for a better "
                               "overall result."));
        continue;
      }
      const MatchProfile& member = *members[static_cast<size_t>(m)];
      PairScore score =
          ScorePair(seekers[static_cast<size_t>(s)], member, weights_of[r.coachee_organisation_id],
                    now, pool.vocabulary(), ReasonsFor::kCoordinator);
      const auto& [member_name, organisation_name] = pool.NamesOf(member);
      proposal.pairs.push_back(
          {std::move(r), member.account_id, member_name, organisation_name, std::move(score)});
    }
  }));
  RETURN_IF_ERROR(stopped);
  return proposal;
}

absl::StatusOr<std::vector<PairOutcome>> Matching::Confirm(
    const Principal& caller, const std::vector<std::pair<int64_t, int64_t>>& pairs,
    const KeepGoing& keep_going) {
  if (pairs.empty()) return InvalidField("pairs", "at least one is required");
  if (pairs.size() > static_cast<size_t>(limits::kMaxConfirmPairs)) {
    return InvalidField("pairs", absl::StrCat("at most ", limits::kMaxConfirmPairs));
  }
  absl::flat_hash_set<int64_t> seen;
  for (size_t i = 0; i < pairs.size(); ++i) {
    if (pairs[i].first <= 0) {
      return InvalidField(absl::StrCat("pairs[", i, "].request_id"), "is required");
    }
    if (pairs[i].second <= 0) {
      return InvalidField(absl::StrCat("pairs[", i, "].member_id"), "is required");
    }
    if (!seen.insert(pairs[i].first).second) {
      return InvalidField(absl::StrCat("pairs[", i, "].request_id"), "appears twice");
    }
  }
  RETURN_IF_ERROR(CheckKeepGoing(keep_going));
  RETURN_IF_ERROR(ReturnStale());
  ASSIGN_OR_RETURN(const auto pending, requests_.CountPendingByMember());
  absl::flat_hash_map<int64_t, int> pending_of(pending.begin(), pending.end());
  // Every pair is checked first; those that pass are sent together in one
  // transaction (checked again there), so a call that runs out of time
  // part-way writes nothing.
  std::vector<PairOutcome> outcomes;
  std::vector<size_t> passed;  // indexes into outcomes
  for (const auto& [request_id, member_id] : pairs) {
    RETURN_IF_ERROR(CheckKeepGoing(keep_going));
    PairOutcome& outcome = outcomes.emplace_back();
    outcome.request_id = request_id;
    outcome.member_id = member_id;
    absl::StatusOr<SupportRequest> request = requests_.Get(request_id);
    absl::Status status = request.status();
    if (status.ok() && !Coordinates(caller, *request)) {
      status = absl::NotFoundError("This request is not on your waiting list.");
    }
    if (status.ok() && request->status != RequestStatus::kWaiting) {
      status = absl::FailedPreconditionError(
          "This request is no longer waiting (withdrawn or matched meanwhile).");
    }
    if (status.ok()) status = CheckPair(*request, member_id, pending_of[member_id]);
    if (status.ok()) {
      passed.push_back(outcomes.size() - 1);
      ++pending_of[member_id];
    } else if (absl::IsInternal(status) || absl::IsUnavailable(status)) {
      return status;
    } else {
      outcome.problem = std::string(status.message());
    }
  }
  if (passed.empty()) return outcomes;
  std::vector<int64_t> ids;
  for (size_t i : passed) ids.push_back(outcomes[i].request_id);
  const absl::Time now = clock_.Now();
  const absl::Time due = AddWorkingDays(now, settings_.answer_working_days);
  // The member finds it in their inbox; the coachee hears they are matched.
  NoticeBatch notices;
  ASSIGN_OR_RETURN(
      const auto sent,
      requests_.UpdateEach(
          ids,
          [&](size_t k, SupportRequest& r) -> absl::Status {
            const int64_t member_id = outcomes[passed[k]].member_id;
            RETURN_IF_ERROR(MarkSent(r, member_id, RequestOrigin::kCoordinator, now, due));
            notices.Add(RequestNotice(member_id, NoticeKind::kRequestReceived, r.details.kind));
            notices.Add(RequestNotice(r.coachee_id, NoticeKind::kMatchConfirmed, r.details.kind));
            return absl::OkStatus();
          },
          [&] { return CheckKeepGoing(keep_going); }));
  for (size_t k = 0; k < passed.size(); ++k) {
    PairOutcome& outcome = outcomes[passed[k]];
    if (sent[k].ok()) {
      outcome.confirmed = true;
    } else {
      outcome.problem = std::string(sent[k].status().message());
    }
  }
  return outcomes;
}

absl::StatusOr<std::pair<int64_t, MatchWeights>> Matching::GetWeights(const Principal& caller,
                                                                      int64_t organisation_id) {
  const auto& mine = caller.account.coordinated_organisation_ids;
  if (organisation_id == 0 && !mine.empty()) organisation_id = mine.front();
  if (organisation_id <= 0 || !caller.Coordinates(organisation_id)) {
    return absl::PermissionDeniedError(
        "You can only see the weights of organisations you "
        "coordinate.");
  }
  ASSIGN_OR_RETURN(const MatchWeights weights, WeightsFor(organisation_id));
  return std::make_pair(organisation_id, weights);
}

absl::StatusOr<std::pair<int64_t, MatchWeights>> Matching::UpdateWeights(
    const Principal& caller, int64_t organisation_id, const MatchWeights& weights) {
  if (organisation_id <= 0) return InvalidField("organisation_id", "is required");
  RETURN_IF_ERROR(ValidateWeights(weights));
  if (!caller.Coordinates(organisation_id)) {
    return absl::PermissionDeniedError(
        "You can only change the weights of organisations you "
        "coordinate.");
  }
  RETURN_IF_ERROR(requests_.PutWeights(organisation_id, weights, clock_.Now()));
  return std::make_pair(organisation_id, weights);
}

std::optional<StaleReason> WhyStale(const PendingRequest& request, const MemberFacts* member,
                                    absl::Time now) {
  if (request.answer_due_at && *request.answer_due_at <= now) return StaleReason::kOverdue;
  if (member == nullptr || ListingRuleBroken(request.kind, *member, now) != nullptr ||
      PlaceRuleBroken(*member) != nullptr) {
    return StaleReason::kCannotTakeOn;
  }
  return std::nullopt;
}

absl::Status Matching::ReturnStale() {
  const absl::Time now = clock_.Now();
  ASSIGN_OR_RETURN(const std::vector<PendingRequest> pending, requests_.ListPending());
  if (pending.empty()) return absl::OkStatus();
  // The members' facts as the matcher reads them (the pool is caught up
  // with storage first), so that the rule is the matcher's own.
  struct Stale {
    const PendingRequest* request;
    StaleReason reason;
  };
  std::vector<Stale> stale;
  RETURN_IF_ERROR(pool_.Read([&](const CandidatePool& pool) {
    for (const PendingRequest& p : pending) {
      if (const auto why = WhyStale(p, pool.Find(p.member_id), now)) stale.push_back({&p, *why});
    }
  }));
  for (const Stale& found : stale) {
    const PendingRequest& s = *found.request;
    NoticeBatch notices;
    const absl::StatusOr<SupportRequest> updated =
        requests_.Update(s.request_id, [&](SupportRequest& r) -> absl::Status {
          // Answered or returned by someone else meanwhile: nothing to do.
          if (r.status != RequestStatus::kPending || r.member_id != s.member_id) {
            return absl::OkStatus();
          }
          notices.Clear();
          notices.Add(RequestNotice(r.coachee_id, NoticeKind::kRequestReturned, r.details.kind));
          r.status = RequestStatus::kWaiting;
          r.passed_member_ids.push_back(s.member_id);
          r.member_id = 0;
          r.origin = RequestOrigin::kNone;
          r.answer_due_at.reset();
          r.note = found.reason == StaleReason::kOverdue
                       ? absl::StrCat("Back on the waiting list: ", s.member_name,
                                      " did not answer within ", settings_.answer_working_days,
                                      " working days.")
                       : absl::StrCat("Back on the waiting list: ", s.member_name,
                                      " cannot take on new requests at the moment.");
          return absl::OkStatus();
        });
    RETURN_IF_ERROR(updated.status());
  }
  return absl::OkStatus();
}

}  // namespace tandem::domain
