#include "server/domain/session.h"

#include <algorithm>

#include "absl/strings/str_cat.h"
#include "server/domain/audit.h"
#include "server/domain/notices.h"
#include "server/domain/validation.h"
#include "shared/limits.h"
#include "shared/status_macros.h"

namespace tandem::domain {
namespace {

absl::Status RequireParticipant(Party party) {
  if (party == Party::kCoachee || party == Party::kMember) return absl::OkStatus();
  return absl::PermissionDeniedError("Only the two people in the relationship can do this.");
}

bool Open(const Session& s) {
  return s.status == SessionStatus::kProposed || s.status == SessionStatus::kAccepted;
}

// Coaching contracts cap the sessions: of `existing`, those `counts` are
// already used. Run by the repository inside the write's transaction.
SessionRoom ContractRoom(const Relationship& r, bool (*counts)(const Session&)) {
  return [kind = r.kind, terms_set = r.terms_set, cap = r.terms.number_of_sessions,
          counts](const std::vector<Session>& existing) -> absl::Status {
    if (kind != SupportKind::kCoaching || !terms_set) return absl::OkStatus();
    const auto counted = std::count_if(existing.begin(), existing.end(), counts);
    if (counted < cap) return absl::OkStatus();
    return absl::FailedPreconditionError(absl::StrCat(
        "The contract is for ", cap,
        " sessions and they are all used or booked. Review the contract first to add more."));
  };
}

bool OpenOrHeld(const Session& s) { return Open(s) || s.status == SessionStatus::kHeld; }
bool Held(const Session& s) { return s.status == SessionStatus::kHeld; }

}  // namespace

std::string NotesAssociatedData(const Session& s) {
  return absl::StrCat("tandem-notes:relationship:", s.relationship_id, ":author:", s.author_id,
                      ":key:", s.idempotency_key);
}

std::string ActionsAssociatedData(const Session& s) {
  return absl::StrCat("tandem-actions:relationship:", s.relationship_id, ":author:", s.author_id,
                      ":key:", s.idempotency_key);
}

absl::StatusOr<std::pair<Relationship, Party>> Sessions::Find(const Principal& caller,
                                                              int64_t relationship_id) {
  if (relationship_id <= 0) return InvalidField("relationship_id", "is required");
  absl::StatusOr<Relationship> r = relationships_.Get(relationship_id);
  RETURN_IF_ERROR(r.status());
  const Party party = PartyOf(caller, *r);
  if (party == Party::kStranger) return absl::NotFoundError("No such relationship.");
  return std::make_pair(*std::move(r), party);
}

absl::StatusOr<Sessions::SessionOf> Sessions::ForParticipant(const Principal& caller,
                                                             int64_t session_id) {
  if (session_id <= 0) return InvalidField("session_id", "is required");
  ASSIGN_OR_RETURN(Session session, sessions_.Get(session_id));
  ASSIGN_OR_RETURN(auto found, Find(caller, session.relationship_id));
  RETURN_IF_ERROR(RequireParticipant(found.second));
  return SessionOf{std::move(session), std::move(found.first), found.second};
}

absl::StatusOr<SessionView> Sessions::View(const Principal& viewer, Party party, Session s,
                                           std::vector<std::string>* reads) {
  SessionView view;
  if (!s.sealed_actions.empty() && party != Party::kCoordinator) {
    ASSIGN_OR_RETURN(s.agreed_actions, cipher_.Open(s.sealed_actions, ActionsAssociatedData(s)));
  }
  s.sealed_actions.clear();
  if (party == Party::kCoordinator) {
    // Figures, not content.
    s.themes.clear();
    s.agreed_actions.clear();
    s.cancel_reason.clear();
    s.place.clear();
  }
  if (!s.sealed_notes.empty() && viewer.id() == s.author_id) {
    ASSIGN_OR_RETURN(view.private_notes, cipher_.Open(s.sealed_notes, NotesAssociatedData(s)));
    // Words a coordinator can read: the session by its day, not its id.
    std::string read =
        absl::StrCat("read their private notes of a session on ", DayInWords(s.starts_at));
    if (reads != nullptr) {
      reads->push_back(std::move(read));
    } else {
      RETURN_IF_ERROR(audit_.Record(viewer.id(), {std::move(read)}, clock_.Now()));
    }
  }
  view.session = std::move(s);
  return view;
}

absl::StatusOr<SessionView> Sessions::Current(const Principal& caller, int64_t session_id) {
  ASSIGN_OR_RETURN(SessionOf of, ForParticipant(caller, session_id));
  return View(caller, of.party, std::move(of.session));
}

absl::StatusOr<SessionView> Sessions::Once(
    const Principal& caller, const WriteKey& key,
    absl::FunctionRef<absl::StatusOr<SessionView>(const WriteReceipt&)> write) {
  return WriteOnce<SessionView>(receipts_, caller.id(), key, write,
                                [&](int64_t written) { return Current(caller, written); });
}

namespace {

/// A notice about a session to the other person of its relationship.
Notice SessionNotice(const Relationship& r, const Principal& caller, NoticeKind kind, absl::Time at,
                     std::optional<absl::Time> was_at = std::nullopt) {
  return Notice{.recipient_id = caller.id() == r.coachee_id ? r.member_id : r.coachee_id,
                .kind = kind,
                .facts = {.support = r.kind, .at = at, .was_at = was_at},
                .screen = NoticeScreen::kRelationship,
                .relationship_id = r.id};
}

}  // namespace

absl::StatusOr<SessionView> Sessions::Change(
    const Principal& caller, int64_t session_id, const WriteReceipt& receipt, NoticeKind tell,
    const std::function<absl::Status(Session&, Party)>& change) {
  ASSIGN_OR_RETURN(const SessionOf of, ForParticipant(caller, session_id));
  const Party party = of.party;
  NoticeBatch notices;
  ASSIGN_OR_RETURN(Session updated,
                   sessions_.Update(
                       session_id,
                       [&](Session& u) -> absl::Status {
                         const absl::Time was = u.starts_at;
                         RETURN_IF_ERROR(change(u, party));
                         notices.Clear();
                         notices.Add(SessionNotice(
                             of.relationship, caller, tell, u.starts_at,
                             u.starts_at != was ? std::optional<absl::Time>(was) : std::nullopt));
                         return absl::OkStatus();
                       },
                       receipt));
  return View(caller, party, std::move(updated));
}

absl::StatusOr<SessionView> Sessions::Propose(const Principal& caller, const ProposeInput& in,
                                              const WriteKey& key) {
  return Once(caller, key, [&](const WriteReceipt& receipt) -> absl::StatusOr<SessionView> {
    ASSIGN_OR_RETURN(auto found, Find(caller, in.relationship_id));
    auto& [relationship, party] = found;
    RETURN_IF_ERROR(RequireParticipant(party));
    if (!relationship.open()) {
      return absl::FailedPreconditionError("This relationship has ended.");
    }
    const absl::Time now = clock_.Now();
    if (in.starts_at <= now || in.starts_at > now + absl::Hours(24 * limits::kScheduleWithinDays)) {
      return InvalidField("starts_at_unix", "must be in the future, within a year");
    }
    if (in.planned_minutes < limits::kMinPlannedMinutes ||
        in.planned_minutes > limits::kMaxPlannedMinutes) {
      return InvalidField("planned_minutes", absl::StrCat("must be ", limits::kMinPlannedMinutes,
                                                          " to ", limits::kMaxPlannedMinutes));
    }
    Session s;
    s.relationship_id = relationship.id;
    s.starts_at = in.starts_at;
    s.planned_minutes = in.planned_minutes;
    if (!in.mode) return InvalidField("mode", "choose in person, video or phone");
    s.mode = in.mode;
    ASSIGN_OR_RETURN(s.place, NormaliseText(in.place, "place", 0, limits::kPlaceMaxLength));
    s.proposed_by = caller.id();
    NoticeBatch notices;
    notices.Add(SessionNotice(relationship, caller, NoticeKind::kSessionProposed, s.starts_at));
    // Sessions booked or held count against the contract.
    ASSIGN_OR_RETURN(Session created,
                     sessions_.Create(s, receipt, ContractRoom(relationship, OpenOrHeld)));
    return View(caller, party, std::move(created));
  });
}

absl::StatusOr<SessionView> Sessions::Accept(const Principal& caller, int64_t session_id,
                                             const WriteKey& key) {
  return Once(caller, key, [&](const WriteReceipt& receipt) {
    return Change(
        caller, session_id, receipt, NoticeKind::kSessionAccepted,
        [&](Session& u, Party) -> absl::Status {
          if (u.status != SessionStatus::kProposed) {
            return absl::FailedPreconditionError("Only a proposed session can be accepted.");
          }
          if (u.proposed_by == caller.id()) {
            return absl::FailedPreconditionError(
                "You proposed this session: the other person accepts it.");
          }
          u.status = SessionStatus::kAccepted;
          return absl::OkStatus();
        });
  });
}

absl::StatusOr<SessionView> Sessions::Cancel(const Principal& caller, int64_t session_id,
                                             const std::string& reason, const WriteKey& key) {
  return Once(caller, key, [&](const WriteReceipt& receipt) -> absl::StatusOr<SessionView> {
    if (session_id <= 0) return InvalidField("session_id", "is required");
    ASSIGN_OR_RETURN(const std::string why,
                     NormaliseText(reason, "reason", 1, limits::kReasonMaxLength, true));
    return Change(
        caller, session_id, receipt, NoticeKind::kSessionCancelled,
        [&](Session& u, Party party) -> absl::Status {
          if (!Open(u)) {
            return absl::FailedPreconditionError("Only a session still to come can be cancelled.");
          }
          u.status = SessionStatus::kCancelled;
          u.cancel_reason = why;
          u.cancelled_by = party == Party::kCoachee ? CancelledBy::kCoachee : CancelledBy::kMember;
          return absl::OkStatus();
        });
  });
}

absl::StatusOr<SessionView> Sessions::Reschedule(const Principal& caller, int64_t session_id,
                                                 absl::Time starts_at, const std::string& reason,
                                                 const WriteKey& key) {
  return Once(caller, key, [&](const WriteReceipt& receipt) -> absl::StatusOr<SessionView> {
    if (session_id <= 0) return InvalidField("session_id", "is required");
    const absl::Time now = clock_.Now();
    if (starts_at <= now || starts_at > now + absl::Hours(24 * limits::kScheduleWithinDays)) {
      return InvalidField("starts_at_unix", "must be in the future, within a year");
    }
    ASSIGN_OR_RETURN(const std::string why,
                     NormaliseText(reason, "reason", 1, limits::kReasonMaxLength, true));
    return Change(
        caller, session_id, receipt, NoticeKind::kSessionMoved,
        [&](Session& u, Party) -> absl::Status {
          if (!Open(u)) {
            return absl::FailedPreconditionError("Only a session still to come can be moved.");
          }
          // Proposed again, by the one who moved it.
          u.status = SessionStatus::kProposed;
          u.starts_at = starts_at;
          u.proposed_by = caller.id();
          u.reschedule_reason = why;
          return absl::OkStatus();
        });
  });
}

absl::StatusOr<std::pair<std::string, std::string>> Sessions::ExportCalendar(
    const Principal& caller, int64_t session_id) {
  ASSIGN_OR_RETURN(const SessionOf of, ForParticipant(caller, session_id));
  return std::make_pair(SessionToICalendar(of.session, of.relationship, clock_.Now()),
                        absl::StrCat("tandem-session-", session_id, ".ics"));
}

namespace {

std::string ICalTime(absl::Time t) {
  return absl::FormatTime("%Y%m%dT%H%M%SZ", t, absl::UTCTimeZone());
}

// TEXT values escape backslash, semicolon, comma and line breaks.
std::string ICalText(absl::string_view text) {
  std::string out;
  for (char c : text) {
    if (c == '\\' || c == ';' || c == ',') {
      out.push_back('\\');
      out.push_back(c);
    } else if (c == '\n') {
      out += "\\n";
    } else if (c != '\r') {
      out.push_back(c);
    }
  }
  return out;
}

// Content lines are folded at 75 octets, never inside a UTF-8 character.
std::string ICalLine(absl::string_view line) {
  std::string out;
  size_t width = 0;
  for (size_t i = 0; i < line.size(); ++i) {
    const bool starts_char = (static_cast<unsigned char>(line[i]) & 0xC0) != 0x80;
    if (starts_char && width >= 74) {
      out += "\r\n ";
      width = 1;
    }
    out.push_back(line[i]);
    ++width;
  }
  return out + "\r\n";
}

const char* ModeWord(const std::optional<DeliveryMode>& mode) {
  if (!mode) return "";
  switch (*mode) {
    case DeliveryMode::kInPerson:
      return "In person";
    case DeliveryMode::kVideo:
      return "Video";
    case DeliveryMode::kPhone:
      return "Phone";
  }
  return "";
}

}  // namespace

std::string SessionToICalendar(const Session& s, const Relationship& r, absl::Time now) {
  const int minutes = s.actual_minutes > 0 ? s.actual_minutes : s.planned_minutes;
  const char* status = s.status == SessionStatus::kCancelled || s.status == SessionStatus::kNotHeld
                           ? "CANCELLED"
                       : s.status == SessionStatus::kProposed ? "TENTATIVE"
                                                              : "CONFIRMED";
  std::string ics;
  for (const std::string& line : {
           std::string("BEGIN:VCALENDAR"),
           std::string("VERSION:2.0"),
           std::string("PRODID:-//Tandem//Coaching and mentoring//EN"),
           std::string("CALSCALE:GREGORIAN"),
           std::string("METHOD:PUBLISH"),
           std::string("BEGIN:VEVENT"),
           absl::StrCat("UID:tandem-session-", s.id, "@tandem"),
           absl::StrCat("DTSTAMP:", ICalTime(now)),
           absl::StrCat("DTSTART:", ICalTime(s.starts_at)),
           absl::StrCat("DTEND:", ICalTime(s.starts_at + absl::Minutes(minutes))),
           absl::StrCat("SUMMARY:", ICalText(absl::StrCat(
                                        r.kind == SupportKind::kCoaching ? "Coaching" : "Mentoring",
                                        " session: ", r.coachee_name, " and ", r.member_name))),
           absl::StrCat("LOCATION:", ICalText(s.place)),
           absl::StrCat("DESCRIPTION:", ICalText(ModeWord(s.mode))),
           absl::StrCat("STATUS:", status),
           std::string("END:VEVENT"),
           std::string("END:VCALENDAR"),
       }) {
    ics += ICalLine(line);
  }
  return ics;
}

absl::StatusOr<std::pair<SessionView, bool>> Sessions::Record(const Principal& caller,
                                                              const RecordInput& in,
                                                              const WriteKey& key) {
  // A record always comes with its key: the app's outbox sends it until it
  // hears an answer.
  if (key.key.empty()) {
    return InvalidField("idempotency_key",
                        absl::StrCat("must be ", limits::kIdempotencyKeyMinLength, " to ",
                                     limits::kIdempotencyKeyMaxLength, " characters"));
  }
  bool replayed = false;
  ASSIGN_OR_RETURN(SessionView view,
                   WriteOnce<SessionView>(
                       receipts_, caller.id(), key,
                       [&](const WriteReceipt& receipt) -> absl::StatusOr<SessionView> {
                         // Records made before their requests' digests were kept have
                         // their key on the session only: a retry of one answers with it.
                         ASSIGN_OR_RETURN(const std::optional<Session> earlier,
                                          sessions_.FindRecorded(caller.id(), key.key));
                         if (earlier) {
                           // Unless a write racing this one has just kept
                           // the key: then WriteOnce weighs its receipt.
                           ASSIGN_OR_RETURN(const auto kept, receipts_.Find(caller.id(), key.key));
                           if (kept) return absl::AlreadyExistsError("The key was just used.");
                           replayed = true;
                           return Current(caller, earlier->id);
                         }
                         return RecordOnce(caller, in, receipt);
                       },
                       [&](int64_t written) {
                         replayed = true;
                         return Current(caller, written);
                       }));
  return std::make_pair(std::move(view), replayed);
}

absl::StatusOr<SessionView> Sessions::RecordOnce(const Principal& caller, const RecordInput& in,
                                                 const WriteReceipt& receipt) {
  ASSIGN_OR_RETURN(auto found, Find(caller, in.relationship_id));
  auto& [relationship, party] = found;
  if (party != Party::kMember) {
    return absl::PermissionDeniedError(
        absl::StrCat("Only the ", relationship.kind == SupportKind::kCoaching ? "coach" : "mentor",
                     " records sessions."));
  }
  if (!relationship.open()) return absl::FailedPreconditionError("This relationship has ended.");

  Session s;
  const absl::Time now = clock_.Now();
  // A record is made after the meeting; a few minutes of clock skew
  // between the device and the server are allowed.
  const absl::Time latest_start = now + absl::Minutes(limits::kRecordClockSkewMinutes);
  if (in.session_id != 0) {
    ASSIGN_OR_RETURN(s, sessions_.Get(in.session_id));
    if (s.relationship_id != relationship.id) return absl::NotFoundError("No such session.");
    if (!Open(s)) {
      return absl::FailedPreconditionError("This session is already recorded or cancelled.");
    }
    if (s.starts_at > latest_start) {
      return InvalidField("session_id",
                          "a session is recorded after it has happened; this one has not "
                          "started yet (cancel or move it instead)");
    }
  } else {
    if (in.started_at > latest_start) {
      return InvalidField("started_at_unix", "a session is recorded after it has happened");
    }
    if (in.started_at <= absl::UnixEpoch() ||
        in.started_at < now - absl::Hours(24 * limits::kRecordWithinDays)) {
      return InvalidField("started_at_unix", absl::StrCat("must be within the last ",
                                                          limits::kRecordWithinDays, " days"));
    }
    s.relationship_id = relationship.id;
    s.starts_at = in.started_at;
    s.proposed_by = caller.id();
  }
  s.author_id = caller.id();
  s.idempotency_key = receipt.key;
  s.recorded_at = now;
  if (in.held) {
    if (in.actual_minutes < limits::kMinActualMinutes ||
        in.actual_minutes > limits::kMaxActualMinutes) {
      return InvalidField("actual_minutes", absl::StrCat("must be ", limits::kMinActualMinutes,
                                                         " to ", limits::kMaxActualMinutes));
    }
    ASSIGN_OR_RETURN(const std::vector<Specialism> taxonomy, profiles_.ListSpecialisms());
    ASSIGN_OR_RETURN(s.themes, NormaliseList(in.themes, "themes", 0, limits::kMaxThemes, 1,
                                             limits::kSpecialismCodeMaxLength, true));
    for (size_t i = 0; i < s.themes.size(); ++i) {
      if (std::none_of(taxonomy.begin(), taxonomy.end(),
                       [&](const Specialism& t) { return t.code == s.themes[i]; })) {
        return InvalidField(absl::StrCat("themes[", i, "]"), "is not in the taxonomy");
      }
    }
    ASSIGN_OR_RETURN(s.agreed_actions, NormaliseText(in.agreed_actions, "agreed_actions", 0,
                                                     limits::kAgreedActionsMaxLength, true));
    if (in.mode) s.mode = in.mode;
    s.status = SessionStatus::kHeld;
    s.actual_minutes = in.actual_minutes;
  } else {
    if (in.cancelled_by == CancelledBy::kNone) {
      return InvalidField("cancelled_by", "say who called it off");
    }
    s.status = SessionStatus::kNotHeld;
    s.cancelled_by = in.cancelled_by;
    ASSIGN_OR_RETURN(s.cancel_reason, NormaliseText(in.cancel_reason, "cancel_reason", 0,
                                                    limits::kReasonMaxLength, true));
  }
  ASSIGN_OR_RETURN(const std::string notes, NormaliseText(in.private_notes, "private_notes", 0,
                                                          limits::kPrivateNotesMaxLength,
                                                          /*allow_newlines=*/true));
  if (!notes.empty()) {
    ASSIGN_OR_RETURN(s.sealed_notes, cipher_.Seal(notes, NotesAssociatedData(s)));
  }
  // Agreed actions are shared with the coachee, and sealed at rest too.
  if (!s.agreed_actions.empty()) {
    ASSIGN_OR_RETURN(s.sealed_actions, cipher_.Seal(s.agreed_actions, ActionsAssociatedData(s)));
    s.agreed_actions.clear();
  }
  // Coaching contracts cap the sessions held (a record of one not held
  // takes no place).
  const SessionRoom room =
      in.held ? ContractRoom(relationship, Held)
              : SessionRoom([](const std::vector<Session>&) { return absl::OkStatus(); });
  // ALREADY_EXISTS when a retry raced this one and won: WriteOnce answers
  // with the winner's record.
  ASSIGN_OR_RETURN(Session recorded, sessions_.Record(s, receipt, room));
  return View(caller, party, std::move(recorded));
}

absl::StatusOr<int> Sessions::SealPlainActions() {
  ASSIGN_OR_RETURN(const std::vector<Session> plain, sessions_.WithPlainActions());
  for (Session s : plain) {
    ASSIGN_OR_RETURN(const std::string sealed,
                     cipher_.Seal(s.agreed_actions, ActionsAssociatedData(s)));
    RETURN_IF_ERROR(sessions_.SealActions(s.id, s.agreed_actions, sealed));
  }
  return static_cast<int>(plain.size());
}

absl::StatusOr<std::vector<SessionView>> Sessions::List(const Principal& caller,
                                                        int64_t relationship_id) {
  ASSIGN_OR_RETURN(auto found, Find(caller, relationship_id));
  ASSIGN_OR_RETURN(std::vector<Session> all, sessions_.ListFor(relationship_id));
  std::vector<SessionView> out;
  std::vector<std::string> reads;
  for (Session& s : all) {
    ASSIGN_OR_RETURN(SessionView view, View(caller, found.second, std::move(s), &reads));
    out.push_back(std::move(view));
  }
  // One write for the whole list, before any of it is answered.
  RETURN_IF_ERROR(audit_.Record(caller.id(), reads, clock_.Now()));
  return out;
}

}  // namespace tandem::domain
