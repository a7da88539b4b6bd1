#include "server/domain/relationship.h"

#include "absl/strings/str_cat.h"
#include "server/domain/notices.h"
#include "server/domain/validation.h"
#include "shared/limits.h"
#include "shared/status_macros.h"

namespace tandem::domain {
namespace {

absl::Status OnlyThe(const char* who) {
  return absl::PermissionDeniedError(absl::StrCat("Only the ", who, " can do this."));
}

const char* MemberWord(const Relationship& r) {
  return r.kind == SupportKind::kCoaching ? "coach" : "mentor";
}

absl::Status WrongState(absl::string_view what) { return absl::FailedPreconditionError(what); }

void Record(Relationship& r, const Actor& actor, std::string event, RelationshipState to,
            std::string reason = "") {
  r.history.push_back({.at = actor.now,
                       .by_account_id = actor.account_id,
                       .by_name = "",
                       .event = std::move(event),
                       .from_state = r.state,
                       .to_state = to,
                       .reason = std::move(reason)});
  r.state = to;
}

absl::Status CheckCoachingTerms(int sessions, const std::optional<absl::CivilDay>& end,
                                absl::Time now) {
  if (sessions < 1 || sessions > limits::kMaxContractSessions) {
    return InvalidField("number_of_sessions",
                        absl::StrCat("must be 1 to ", limits::kMaxContractSessions));
  }
  if (!end) return InvalidField("planned_end_on", "is required, like 2027-03-31");
  const absl::CivilDay today = ToDay(now);
  if (*end <= today) return InvalidField("planned_end_on", "must be after today");
  if (*end > today + limits::kMaxContractDays)
    return InvalidField("planned_end_on", "must be within 2 years");
  return absl::OkStatus();
}

}  // namespace

absl::Status SetContractTerms(Relationship& r, const Actor& actor, const ContractTerms& in) {
  if (actor.party != Party::kMember) return OnlyThe(MemberWord(r));
  if (r.state != RelationshipState::kContracting) {
    return WrongState("The terms can only be set while contracting.");
  }
  ContractTerms terms;
  if (r.kind == SupportKind::kCoaching) {
    RETURN_IF_ERROR(CheckCoachingTerms(in.number_of_sessions, in.planned_end_on, actor.now));
    if (in.session_minutes < limits::kMinContractSessionMinutes ||
        in.session_minutes > limits::kMaxContractSessionMinutes) {
      return InvalidField("session_minutes",
                          absl::StrCat("must be ", limits::kMinContractSessionMinutes, " to ",
                                       limits::kMaxContractSessionMinutes));
    }
    if (in.regularity == SessionRegularity::kNone) {
      return InvalidField("regularity", "choose weekly, fortnightly, monthly or as agreed");
    }
    terms = in;
    terms.review_cadence = ReviewCadence::kNone;
  } else {
    if (in.review_cadence == ReviewCadence::kNone) {
      return InvalidField("review_cadence", "choose monthly, quarterly or six-monthly");
    }
    terms.review_cadence = in.review_cadence;
  }
  r.terms = terms;
  r.terms_set = true;
  // New terms need both parties' agreement again.
  r.coachee_agreement = {};
  r.member_agreement = {};
  Record(r, actor, "set the contract", r.state);
  return absl::OkStatus();
}

absl::Status AgreeContract(Relationship& r, const Actor& actor, bool confidentiality, bool ethics,
                           LineManagerTold told) {
  if (actor.party != Party::kCoachee && actor.party != Party::kMember) {
    return OnlyThe("two people in the relationship");
  }
  if (r.state != RelationshipState::kContracting) {
    return WrongState("The contract can only be agreed while contracting.");
  }
  if (!r.terms_set) {
    return WrongState(
        absl::StrCat("The ", MemberWord(r), " has not set the contract's terms yet."));
  }
  if (!confidentiality) {
    return InvalidField("confidentiality_acknowledged", "must be acknowledged");
  }
  if (!ethics) return InvalidField("ethics_acknowledged", "must be acknowledged");
  const bool coachee = actor.party == Party::kCoachee;
  if (coachee && r.kind == SupportKind::kCoaching && r.open_goals == 0) {
    return WrongState(
        "Set at least one goal first: goals say what the coaching is for, and are agreed with "
        "the contract.");
  }
  if (coachee && told == LineManagerTold::kUnknown) {
    return InvalidField("line_manager_told", "say yes, not yet, or chose not to");
  }
  Agreement& agreement = coachee ? r.coachee_agreement : r.member_agreement;
  if (agreement.agreed_at) return WrongState("You have already agreed to these terms.");
  agreement = {
      .agreed_at = actor.now, .confidentiality_acknowledged = true, .ethics_acknowledged = true};
  if (coachee) r.line_manager_told = told;
  const bool both = r.coachee_agreement.agreed_at && r.member_agreement.agreed_at;
  Record(r, actor, "agreed the contract",
         both ? RelationshipState::kActive : RelationshipState::kContracting);
  return absl::OkStatus();
}

absl::Status ReviewContract(Relationship& r, const Actor& actor, int number_of_sessions,
                            std::optional<absl::CivilDay> planned_end_on,
                            const std::string& reason) {
  if (actor.party != Party::kMember) return OnlyThe(MemberWord(r));
  if (r.kind != SupportKind::kCoaching) {
    return WrongState("Only a coaching contract has sessions and an end date to review.");
  }
  if (r.state != RelationshipState::kActive) {
    return WrongState("Only an active contract can be reviewed.");
  }
  RETURN_IF_ERROR(CheckCoachingTerms(number_of_sessions, planned_end_on, actor.now));
  ASSIGN_OR_RETURN(std::string why,
                   NormaliseText(reason, "reason", 1, limits::kReasonMaxLength, true));
  r.terms.number_of_sessions = number_of_sessions;
  r.terms.planned_end_on = planned_end_on;
  ++r.reviews;
  Record(r, actor,
         absl::StrCat(kContractReviewedEvent, ": ", number_of_sessions, " sessions until ",
                      FormatDay(*planned_end_on)),
         r.state, std::move(why));
  return absl::OkStatus();
}

absl::Status CompleteRelationship(Relationship& r, const Actor& actor) {
  if (actor.party != Party::kMember) return OnlyThe(MemberWord(r));
  if (r.state != RelationshipState::kActive) {
    return WrongState("Only an active relationship can be completed.");
  }
  Record(r, actor, "completed the relationship", RelationshipState::kCompleted);
  return absl::OkStatus();
}

absl::Status EndRelationship(Relationship& r, const Actor& actor, const std::string& reason) {
  if (actor.party == Party::kStranger) {
    return OnlyThe("people in the relationship or a coordinator");
  }
  if (!r.open()) return WrongState("This relationship has already ended.");
  ASSIGN_OR_RETURN(std::string why,
                   NormaliseText(reason, "reason", 1, limits::kReasonMaxLength, true));
  Record(r, actor, "ended the relationship early", RelationshipState::kEndedEarly, std::move(why));
  return absl::OkStatus();
}

Party PartyOf(const Principal& caller, const Relationship& r) {
  if (caller.id() == r.coachee_id) return Party::kCoachee;
  if (caller.id() == r.member_id) return Party::kMember;
  if (caller.HasRole(Role::kCoordinator) && (caller.Coordinates(r.coachee_organisation_id) ||
                                             caller.Coordinates(r.member_organisation_id))) {
    return Party::kCoordinator;
  }
  return Party::kStranger;
}

namespace {

absl::Status NoSuchRelationship() { return absl::NotFoundError("No such relationship."); }

}  // namespace

absl::StatusOr<std::vector<Relationship>> Relationships::ListMine(const Principal& caller) {
  return relationships_.ListFor(caller.id());
}

absl::StatusOr<Relationship> Relationships::Get(const Principal& caller, int64_t id) {
  if (id <= 0) return InvalidField("relationship_id", "is required");
  absl::StatusOr<Relationship> found = relationships_.Get(id);
  if (!found.ok()) return found.status();
  if (PartyOf(caller, *found) == Party::kStranger) return NoSuchRelationship();
  return found;
}

absl::StatusOr<Relationship> Relationships::Act(
    const Principal& caller, int64_t id, const WriteKey& key,
    const std::function<absl::Status(Relationship&, const Actor&)>& step) {
  if (id <= 0) return InvalidField("relationship_id", "is required");
  const absl::Time now = clock_.Now();
  return WriteOnce<Relationship>(
      receipts_, caller.id(), key,
      [&](const WriteReceipt& receipt) {
        return relationships_.Update(
            id,
            [&](Relationship& r) -> absl::Status {
              const Party party = PartyOf(caller, r);
              if (party == Party::kStranger) return NoSuchRelationship();
              return step(r, Actor{.party = party, .account_id = caller.id(), .now = now});
            },
            receipt);
      },
      [&](int64_t written) { return Get(caller, written); });
}

absl::StatusOr<Relationship> Relationships::SetTerms(const Principal& caller, int64_t id,
                                                     const ContractTerms& terms,
                                                     const WriteKey& key) {
  // The coachee agrees next: they are told, in the same transaction.
  NoticeBatch notices;
  return Act(caller, id, key, [&](Relationship& r, const Actor& actor) -> absl::Status {
    RETURN_IF_ERROR(SetContractTerms(r, actor, terms));
    notices.Clear();
    notices.Add(Notice{.recipient_id = r.coachee_id,
                       .kind = NoticeKind::kTermsToAgree,
                       .facts = {.support = r.kind},
                       .screen = NoticeScreen::kRelationship,
                       .relationship_id = r.id});
    return absl::OkStatus();
  });
}

absl::StatusOr<Relationship> Relationships::Agree(const Principal& caller, int64_t id,
                                                  bool confidentiality, bool ethics,
                                                  LineManagerTold told, const WriteKey& key) {
  return Act(caller, id, key, [&](Relationship& r, const Actor& actor) {
    return AgreeContract(r, actor, confidentiality, ethics, told);
  });
}

absl::StatusOr<Relationship> Relationships::Review(const Principal& caller, int64_t id,
                                                   int number_of_sessions,
                                                   const std::string& planned_end_on,
                                                   const std::string& reason, const WriteKey& key) {
  const std::optional<absl::CivilDay> end = ParseDay(planned_end_on);
  if (!end && !planned_end_on.empty()) {
    return InvalidField("planned_end_on", "must be a date like 2027-03-31");
  }
  return Act(caller, id, key, [&](Relationship& r, const Actor& actor) {
    return ReviewContract(r, actor, number_of_sessions, end, reason);
  });
}

absl::StatusOr<Relationship> Relationships::Complete(const Principal& caller, int64_t id,
                                                     const WriteKey& key) {
  return Act(caller, id, key,
             [&](Relationship& r, const Actor& actor) { return CompleteRelationship(r, actor); });
}

absl::StatusOr<Relationship> Relationships::End(const Principal& caller, int64_t id,
                                                const std::string& reason, const WriteKey& key) {
  return Act(caller, id, key, [&](Relationship& r, const Actor& actor) {
    return EndRelationship(r, actor, reason);
  });
}

}  // namespace tandem::domain
