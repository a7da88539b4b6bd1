#include "server/domain/safeguarding.h"

#include <algorithm>

#include "absl/strings/str_cat.h"
#include "server/domain/audit.h"
#include "server/domain/matching.h"
#include "server/domain/notices.h"
#include "server/domain/validation.h"
#include "shared/limits.h"
#include "shared/status_macros.h"

namespace tandem::domain {
namespace {

bool Contains(const std::vector<int64_t>& ids, int64_t id) {
  return std::find(ids.begin(), ids.end(), id) != ids.end();
}

}  // namespace

std::string ConcernAssociatedData(const Concern& c, const char* part) {
  return absl::StrCat("tandem-concern:", part, ":relationship:", c.relationship_id,
                      ":raised_by:", c.raised_by, ":at:", absl::ToUnixSeconds(c.raised_at));
}

absl::Status Safeguarding::SetSupervisor(const Principal& caller, int64_t coach_id,
                                         int64_t supervisor_id) {
  if (coach_id <= 0) return InvalidField("coach_id", "is required");
  if (supervisor_id <= 0) return InvalidField("supervisor_id", "is required");
  absl::StatusOr<Account> coach = accounts_.Get(coach_id);
  if (absl::IsNotFound(coach.status())) return InvalidField("coach_id", "is not an account");
  RETURN_IF_ERROR(coach.status());
  if (!caller.Coordinates(coach->organisation_id)) {
    return absl::PermissionDeniedError(
        "Only a coordinator of the coach's organisation can record their supervisor.");
  }
  if (!coach->HasRole(Role::kCoach) && !coach->HasRole(Role::kMentor)) {
    return InvalidField("coach_id", "is not a coach or mentor");
  }
  absl::StatusOr<Account> supervisor = accounts_.Get(supervisor_id);
  if (absl::IsNotFound(supervisor.status())) {
    return InvalidField("supervisor_id", "is not an account");
  }
  RETURN_IF_ERROR(supervisor.status());
  if (!supervisor->HasRole(Role::kSupervisor)) {
    return InvalidField("supervisor_id", "does not hold the supervisor role");
  }
  return store_.SetSupervisor(coach_id, supervisor_id, clock_.Now());
}

absl::Status Safeguarding::SetSafeguardingLead(const Principal& caller, int64_t organisation_id,
                                               int64_t account_id) {
  if (organisation_id <= 0) return InvalidField("organisation_id", "is required");
  if (account_id <= 0) return InvalidField("account_id", "is required");
  if (!caller.Coordinates(organisation_id)) {
    return absl::PermissionDeniedError(
        "Only a coordinator of the organisation can name its safeguarding lead.");
  }
  absl::StatusOr<Account> lead = accounts_.Get(account_id);
  if (absl::IsNotFound(lead.status())) return InvalidField("account_id", "is not an account");
  RETURN_IF_ERROR(lead.status());
  if (lead->organisation_id != organisation_id) {
    return InvalidField("account_id", "is not in that organisation");
  }
  return store_.SetSafeguardingLead(organisation_id, account_id);
}

absl::StatusOr<std::optional<ConcernView>> Safeguarding::View(const Principal& caller,
                                                              const std::vector<int64_t>& lead_of,
                                                              Concern c,
                                                              std::vector<std::string>* reads) {
  ConcernView view;
  view.escalated = !c.acknowledged_at && clock_.Now() >= c.escalate_at;
  const bool supervisor = caller.id() == c.supervisor_id;
  const bool lead = view.escalated && Contains(lead_of, c.organisation_id);
  if (supervisor || lead) {
    view.your_part = supervisor ? "supervisor" : "safeguarding lead";
    ASSIGN_OR_RETURN(view.description,
                     cipher_.Open(c.sealed_description, ConcernAssociatedData(c, "description")));
    if (!c.sealed_action.empty()) {
      ASSIGN_OR_RETURN(view.action_taken,
                       cipher_.Open(c.sealed_action, ConcernAssociatedData(c, "action")));
    }
    // Words a coordinator can read: no id, and nothing of who it is about.
    std::string read =
        absl::StrCat("read a safeguarding concern raised on ", DayInWords(c.raised_at));
    if (reads != nullptr) {
      reads->push_back(std::move(read));
    } else {
      RETURN_IF_ERROR(audit_.Record(caller.id(), {std::move(read)}, clock_.Now()));
    }
  } else if (caller.id() == c.raised_by) {
    view.your_part = "raised by you";
    c.about_name.clear();  // who it is about goes with the text, to its readers
  } else {
    return std::optional<ConcernView>();
  }
  view.concern = std::move(c);
  return std::optional<ConcernView>(std::move(view));
}

absl::StatusOr<ConcernView> Safeguarding::Current(const Principal& caller, int64_t concern_id) {
  ASSIGN_OR_RETURN(const std::vector<int64_t> lead_of, store_.LeadOf(caller.id()));
  ASSIGN_OR_RETURN(Concern concern, store_.Get(concern_id));
  ASSIGN_OR_RETURN(std::optional<ConcernView> view, View(caller, lead_of, std::move(concern)));
  if (!view) return absl::NotFoundError("No such concern.");
  return *std::move(view);
}

absl::StatusOr<ConcernView> Safeguarding::Once(
    const Principal& caller, const WriteKey& key,
    absl::FunctionRef<absl::StatusOr<ConcernView>(const WriteReceipt&)> write) {
  return WriteOnce<ConcernView>(receipts_, caller.id(), key, write,
                                [&](int64_t written) { return Current(caller, written); });
}

absl::StatusOr<ConcernView> Safeguarding::Raise(const Principal& caller, int64_t relationship_id,
                                                const std::string& description,
                                                const WriteKey& key) {
  return Once(caller, key, [&](const WriteReceipt& receipt) -> absl::StatusOr<ConcernView> {
    if (relationship_id <= 0) return InvalidField("relationship_id", "is required");
    ASSIGN_OR_RETURN(const std::string text,
                     NormaliseText(description, "description", limits::kConcernTextMinLength,
                                   limits::kConcernTextMaxLength,
                                   /*allow_newlines=*/true));
    absl::StatusOr<Relationship> r = relationships_.Get(relationship_id);
    RETURN_IF_ERROR(r.status());
    const Party party = PartyOf(caller, *r);
    if (party == Party::kStranger) return absl::NotFoundError("No such relationship.");
    if (party != Party::kMember) {
      return absl::PermissionDeniedError(
          "Only the coach or mentor of the relationship raises a concern.");
    }
    ASSIGN_OR_RETURN(const int64_t supervisor, store_.SupervisorOf(caller.id()));
    if (supervisor == 0) {
      return absl::FailedPreconditionError(
          "No supervisor is recorded for you, so the concern could reach nobody. Ask your "
          "coordinator to record your supervisor, and if someone is in danger now, call 999.");
    }
    Concern c;
    c.relationship_id = relationship_id;
    c.raised_by = caller.id();
    c.organisation_id = caller.account.organisation_id;
    c.supervisor_id = supervisor;
    c.raised_at = absl::FromUnixSeconds(absl::ToUnixSeconds(clock_.Now()));  // stored in seconds
    c.escalate_at = AddWorkingDays(c.raised_at, escalation_working_days_);
    ASSIGN_OR_RETURN(c.sealed_description,
                     cipher_.Seal(text, ConcernAssociatedData(c, "description")));
    // The supervisor is told that a concern waits — never whom it is about.
    NoticeBatch notices;
    notices.Add(Notice{.recipient_id = supervisor,
                       .kind = NoticeKind::kConcernRaised,
                       .screen = NoticeScreen::kConcerns});
    ASSIGN_OR_RETURN(Concern created, store_.Create(c, receipt));
    ASSIGN_OR_RETURN(std::optional<ConcernView> view, View(caller, {}, std::move(created)));
    return *std::move(view);  // the one who raised it always has a view
  });
}

absl::StatusOr<std::vector<ConcernView>> Safeguarding::List(const Principal& caller) {
  ASSIGN_OR_RETURN(const std::vector<int64_t> lead_of, store_.LeadOf(caller.id()));
  ASSIGN_OR_RETURN(std::vector<Concern> all, store_.ListFor(caller.id(), lead_of));
  std::vector<ConcernView> out;
  std::vector<std::string> reads;
  for (Concern& c : all) {
    ASSIGN_OR_RETURN(std::optional<ConcernView> view, View(caller, lead_of, std::move(c), &reads));
    if (view) out.push_back(*std::move(view));
  }
  // One write for the whole list, before any of it is answered.
  RETURN_IF_ERROR(audit_.Record(caller.id(), reads, clock_.Now()));
  std::stable_sort(out.begin(), out.end(), [](const ConcernView& a, const ConcernView& b) {
    return a.concern.acknowledged_at.has_value() < b.concern.acknowledged_at.has_value();
  });
  return out;
}

absl::StatusOr<ConcernView> Safeguarding::Acknowledge(const Principal& caller, int64_t concern_id,
                                                      const std::string& action_taken,
                                                      const WriteKey& key) {
  return Once(caller, key, [&](const WriteReceipt& receipt) -> absl::StatusOr<ConcernView> {
    if (concern_id <= 0) return InvalidField("concern_id", "is required");
    ASSIGN_OR_RETURN(const std::string text,
                     NormaliseText(action_taken, "action_taken", limits::kConcernTextMinLength,
                                   limits::kConcernTextMaxLength,
                                   /*allow_newlines=*/true));
    ASSIGN_OR_RETURN(const std::vector<int64_t> lead_of, store_.LeadOf(caller.id()));
    const absl::Time now = clock_.Now();
    ASSIGN_OR_RETURN(
        Concern updated,
        store_.Acknowledge(
            concern_id,
            [&](Concern& c) -> absl::Status {
              const bool escalated = !c.acknowledged_at && now >= c.escalate_at;
              const bool may = caller.id() == c.supervisor_id ||
                               (escalated && Contains(lead_of, c.organisation_id));
              if (!may) return absl::NotFoundError("No such concern.");
              if (c.acknowledged_at) {
                return absl::FailedPreconditionError("This concern has already been acknowledged.");
              }
              c.acknowledged_at = now;
              c.acknowledged_by = caller.id();
              ASSIGN_OR_RETURN(c.sealed_action,
                               cipher_.Seal(text, ConcernAssociatedData(c, "action")));
              return absl::OkStatus();
            },
            receipt));
    ASSIGN_OR_RETURN(std::optional<ConcernView> view, View(caller, lead_of, std::move(updated)));
    if (!view) return absl::NotFoundError("No such concern.");
    return *std::move(view);
  });
}

absl::StatusOr<std::vector<AuditEntry>> Safeguarding::AuditTrail(const Principal& caller,
                                                                 int limit) {
  if (limit < 0 || limit > limits::kMaxAuditEntries) {
    return InvalidField("limit", absl::StrCat("must be 0 to ", limits::kMaxAuditEntries));
  }
  return audit_.List(caller.account.coordinated_organisation_ids,
                     limit == 0 ? limits::kDefaultAuditEntries : limit);
}

}  // namespace tandem::domain
