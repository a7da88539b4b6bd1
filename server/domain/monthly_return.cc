#include "server/domain/monthly_return.h"

#include <algorithm>
#include <cstdio>

#include "absl/container/flat_hash_set.h"
#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "server/domain/activity_access.h"
#include "server/domain/validation.h"
#include "shared/csv.h"
#include "shared/limits.h"
#include "shared/status_macros.h"

namespace tandem::domain {
namespace {

bool IsWorkingDay(absl::CivilDay day) {
  const absl::Weekday w = absl::GetWeekday(day);
  return w != absl::Weekday::saturday && w != absl::Weekday::sunday;
}

// A month as one number, kept in a write's receipt.
int64_t Ordinal(absl::CivilMonth month) { return month.year() * 12 + (month.month() - 1); }
absl::CivilMonth FromOrdinal(int64_t ordinal) {
  return absl::CivilMonth(ordinal / 12, static_cast<int>(ordinal % 12) + 1);
}

const char* KindWord(SupportKind kind) {
  return kind == SupportKind::kMentoring ? "Mentoring" : "Coaching";
}

}  // namespace

std::optional<absl::CivilMonth> ParseMonth(absl::string_view text) {
  if (text.size() != 7 || text[4] != '-') return std::nullopt;
  for (size_t i : {0, 1, 2, 3, 5, 6}) {
    if (!absl::ascii_isdigit(static_cast<unsigned char>(text[i]))) return std::nullopt;
  }
  const int year =
      (text[0] - '0') * 1000 + (text[1] - '0') * 100 + (text[2] - '0') * 10 + (text[3] - '0');
  const int month = (text[5] - '0') * 10 + (text[6] - '0');
  if (year < 1970 || month < 1 || month > 12) return std::nullopt;
  return absl::CivilMonth(year, month);
}

std::string FormatMonth(absl::CivilMonth month) {
  return absl::StrFormat("%04d-%02d", month.year(), month.month());
}

std::string MonthWords(absl::CivilMonth month) {
  static constexpr const char* kNames[] = {"January",   "February", "March",    "April",
                                           "May",       "June",     "July",     "August",
                                           "September", "October",  "November", "December"};
  return absl::StrCat(kNames[month.month() - 1], " ", month.year());
}

absl::Time MonthStart(absl::CivilMonth month, absl::TimeZone zone) {
  return absl::FromCivil(absl::CivilSecond(month), zone);
}

absl::CivilMonth MonthOf(absl::Time at, absl::TimeZone zone) {
  return absl::CivilMonth(absl::ToCivilSecond(at, zone));
}

absl::Time ReturnDueAt(absl::CivilMonth month, const ReturnSettings& settings) {
  absl::CivilDay day(month + 1);
  for (int counted = IsWorkingDay(day) ? 1 : 0; counted < settings.due_working_day;) {
    day += 1;
    if (IsWorkingDay(day)) ++counted;
  }
  return absl::FromCivil(day + 1, settings.zone) - absl::Seconds(1);
}

DerivedActivity Derive(absl::CivilMonth month, absl::TimeZone zone,
                       const std::vector<SessionFact>& sessions,
                       const std::vector<RelationshipSpan>& relationships) {
  const absl::Time from = MonthStart(month, zone);
  const absl::Time to = MonthStart(month + 1, zone);
  DerivedActivity out;
  for (const SessionFact& s : sessions) {
    if (s.starts_at < from || s.starts_at >= to) continue;
    switch (s.status) {
      case SessionStatus::kHeld:
        ++out.sessions_held;
        (s.kind == SupportKind::kMentoring ? out.mentoring_minutes : out.coaching_minutes) +=
            s.actual_minutes;
        break;
      case SessionStatus::kCancelled:
        ++out.sessions_cancelled;
        break;
      case SessionStatus::kNotHeld:
        ++out.sessions_not_attended;
        break;
      case SessionStatus::kProposed:
      case SessionStatus::kAccepted:
        break;
    }
  }
  for (const RelationshipSpan& r : relationships) {
    if (r.started >= to || (r.ended && *r.ended < from)) continue;
    ++out.active_relationships;
    if (r.started >= from) ++out.new_relationships;
  }
  return out;
}

std::string HoursLogCsv(const std::vector<HoursLogLine>& lines) {
  std::string out(csv::kByteOrderMark);
  out += csv::Row({"Date", "Hours", "Kind", "Individual or group", "Paid or unpaid",
                   "Client reference", "Source"});
  for (const HoursLogLine& line : lines) {
    out += csv::Row({FormatDay(line.day), absl::StrFormat("%.2f", line.minutes / 60.0),
                     KindWord(line.kind),
                     line.category == HoursCategory::kGroup ? "Group" : "Individual",
                     line.paid ? "Paid" : "Unpaid", line.client, line.source});
  }
  return out;
}

std::string ReturnThemeData(int64_t member_id, absl::CivilMonth month, int version) {
  return absl::StrCat("return-theme:", member_id, ":", FormatMonth(month), ":", version);
}

absl::StatusOr<DerivedActivity> Returns::Count(int64_t member_id, absl::CivilMonth month) {
  ASSIGN_OR_RETURN(const auto sessions,
                   returns_.MemberSessions(member_id, MonthStart(month, settings_.zone),
                                           MonthStart(month + 1, settings_.zone)));
  ASSIGN_OR_RETURN(const auto relationships, returns_.MemberRelationships(member_id));
  return Derive(month, settings_.zone, sessions, relationships);
}

absl::StatusOr<MonthlyReturn> Returns::Read(int64_t member_id, absl::CivilMonth month) {
  MonthlyReturn out;
  out.month = month;
  out.due_at = ReturnDueAt(month, settings_);
  ASSIGN_OR_RETURN(out.derived, Count(member_id, month));
  ASSIGN_OR_RETURN(std::vector<ReturnVersion> versions, returns_.Versions(member_id, month));
  for (ReturnVersion& v : versions) {
    if (!v.sealed_new_theme.empty()) {
      ASSIGN_OR_RETURN(v.new_theme, cipher_.Open(v.sealed_new_theme,
                                                 ReturnThemeData(member_id, month, v.version)));
    }
    v.sealed_new_theme.clear();
  }
  const absl::Time now = clock_.Now();
  if (!versions.empty()) {
    out.state = ReturnState::kConfirmed;
    out.current = std::move(versions.front());
    out.history.assign(std::make_move_iterator(versions.begin() + 1),
                       std::make_move_iterator(versions.end()));
  } else if (now < MonthStart(month + 1, settings_.zone)) {
    out.state = ReturnState::kOpen;
  } else {
    out.state = now <= out.due_at ? ReturnState::kDue : ReturnState::kOverdue;
  }
  return out;
}

absl::StatusOr<MonthlyReturn> Returns::Get(const Principal& caller, absl::string_view month) {
  RETURN_IF_ERROR(MayKeepReturns(caller));
  const std::optional<absl::CivilMonth> parsed = ParseMonth(month);
  if (!parsed) return InvalidField("month", "must be a month such as 2026-11");
  if (parsed->year() < limits::kFirstReturnYear) {
    return InvalidField("month", absl::StrCat("must be ", limits::kFirstReturnYear, " or later"));
  }
  if (*parsed > MonthOf(clock_.Now(), settings_.zone)) {
    return InvalidField("month", "must not be in the future");
  }
  return Read(caller.id(), *parsed);
}

absl::StatusOr<std::vector<MonthlyReturn>> Returns::List(const Principal& caller) {
  RETURN_IF_ERROR(MayKeepReturns(caller));
  const absl::CivilMonth last = MonthOf(clock_.Now(), settings_.zone) - 1;
  absl::CivilMonth first = last - (limits::kReturnMonthsListed - 1);
  const absl::StatusOr<Profile> profile = profiles_.Get(caller.id());
  if (profile.ok()) {
    first = std::max(first, MonthOf(profile->created_at, settings_.zone));
  } else if (absl::IsNotFound(profile.status())) {
    return std::vector<MonthlyReturn>{};
  } else {
    return profile.status();
  }
  ASSIGN_OR_RETURN(const auto latest, returns_.Latest(caller.id()));
  ASSIGN_OR_RETURN(const auto sessions,
                   returns_.MemberSessions(caller.id(), MonthStart(first, settings_.zone),
                                           MonthStart(last + 1, settings_.zone)));
  ASSIGN_OR_RETURN(const auto relationships, returns_.MemberRelationships(caller.id()));
  const absl::Time now = clock_.Now();
  std::vector<MonthlyReturn> out;
  for (absl::CivilMonth month = last; month >= first; --month) {
    MonthlyReturn r;
    r.month = month;
    r.due_at = ReturnDueAt(month, settings_);
    r.derived = Derive(month, settings_.zone, sessions, relationships);
    const auto found = std::find_if(latest.begin(), latest.end(),
                                    [&](const auto& entry) { return entry.first == month; });
    if (found != latest.end()) {
      r.state = ReturnState::kConfirmed;
      r.current = found->second;
      if (!r.current->sealed_new_theme.empty()) {
        ASSIGN_OR_RETURN(r.current->new_theme,
                         cipher_.Open(r.current->sealed_new_theme,
                                      ReturnThemeData(caller.id(), month, r.current->version)));
      }
      r.current->sealed_new_theme.clear();
    } else {
      r.state = now <= r.due_at ? ReturnState::kDue : ReturnState::kOverdue;
    }
    out.push_back(std::move(r));
  }
  return out;
}

absl::StatusOr<ReturnVersion> Returns::Validate(const ReturnInput& input, bool amend) {
  ReturnVersion v;
  if (input.added.size() > static_cast<size_t>(limits::kMaxAddedEntries)) {
    return InvalidField("added", absl::StrCat("at most ", limits::kMaxAddedEntries, " entries"));
  }
  for (size_t i = 0; i < input.added.size(); ++i) {
    const AddedHours& a = input.added[i];
    const std::string field = absl::StrCat("added[", i, "]");
    if (a.kind != SupportKind::kCoaching && a.kind != SupportKind::kMentoring) {
      return InvalidField(absl::StrCat(field, ".kind"), "must be coaching or mentoring");
    }
    if (a.category != HoursCategory::kIndividual && a.category != HoursCategory::kGroup) {
      return InvalidField(absl::StrCat(field, ".category"), "must be individual or group");
    }
    if (a.minutes < limits::kMinAddedMinutes || a.minutes > limits::kMaxAddedMinutes) {
      return InvalidField(absl::StrCat(field, ".minutes"),
                          absl::StrCat("must be ", limits::kMinAddedMinutes, " to ",
                                       limits::kMaxAddedMinutes, " minutes"));
    }
    v.added.push_back(a);
  }
  ASSIGN_OR_RETURN(const std::vector<Specialism> taxonomy, profiles_.ListSpecialisms());
  if (input.themes.size() > static_cast<size_t>(limits::kMaxReturnThemes)) {
    return InvalidField("themes", absl::StrCat("at most ", limits::kMaxReturnThemes));
  }
  absl::flat_hash_set<std::string> seen;
  for (size_t i = 0; i < input.themes.size(); ++i) {
    const std::string& code = input.themes[i];
    const bool known = std::any_of(taxonomy.begin(), taxonomy.end(),
                                   [&](const Specialism& s) { return s.code == code; });
    if (!known) return InvalidField(absl::StrCat("themes[", i, "]"), "is not a known theme");
    if (seen.insert(code).second) v.themes.push_back(code);
  }
  std::sort(v.themes.begin(), v.themes.end());
  ASSIGN_OR_RETURN(v.new_theme,
                   NormaliseText(input.new_theme, "new_theme", 0, limits::kNewThemeMaxLength));
  if (amend) {
    ASSIGN_OR_RETURN(v.reason,
                     NormaliseText(input.reason, "reason", 1, limits::kAmendReasonMaxLength));
  } else if (!input.reason.empty()) {
    return InvalidField("reason", "is only given when amending a return");
  }
  return v;
}

absl::StatusOr<MonthlyReturn> Returns::Write(const Principal& caller, const ReturnInput& input,
                                             const WriteKey& key, bool amend) {
  RETURN_IF_ERROR(MayKeepReturns(caller));
  const std::optional<absl::CivilMonth> month = ParseMonth(input.month);
  if (!month) return InvalidField("month", "must be a month such as 2026-11");
  if (month->year() < limits::kFirstReturnYear) {
    return InvalidField("month", absl::StrCat("must be ", limits::kFirstReturnYear, " or later"));
  }
  ASSIGN_OR_RETURN(ReturnVersion version, Validate(input, amend));
  return WriteOnce<MonthlyReturn>(
      receipts_, caller.id(), key,
      [&](const WriteReceipt& receipt) -> absl::StatusOr<MonthlyReturn> {
        const absl::Time now = clock_.Now();
        if (*month >= MonthOf(now, settings_.zone)) {
          return absl::FailedPreconditionError(absl::StrCat(
              "The return for ", MonthWords(*month), " can be confirmed once the month is over."));
        }
        ASSIGN_OR_RETURN(const auto versions, returns_.Versions(caller.id(), *month));
        if (!amend && !versions.empty()) {
          return absl::FailedPreconditionError(
              absl::StrCat("The return for ", MonthWords(*month),
                           " is already confirmed; correct it with an amendment."));
        }
        if (amend && versions.empty()) {
          return absl::FailedPreconditionError(absl::StrCat(
              "The return for ", MonthWords(*month), " is not confirmed yet; confirm it first."));
        }
        version.version = versions.empty() ? 1 : versions.front().version + 1;
        version.at = now;
        ASSIGN_OR_RETURN(version.derived, Count(caller.id(), *month));
        if (!version.new_theme.empty()) {
          ASSIGN_OR_RETURN(version.sealed_new_theme,
                           cipher_.Seal(version.new_theme,
                                        ReturnThemeData(caller.id(), *month, version.version)));
        }
        RETURN_IF_ERROR(returns_.Append(caller.id(), *month, version, receipt, Ordinal(*month)));
        return Read(caller.id(), *month);
      },
      [&](int64_t ordinal) { return Read(caller.id(), FromOrdinal(ordinal)); });
}

absl::StatusOr<MonthlyReturn> Returns::Confirm(const Principal& caller, const ReturnInput& input,
                                               const WriteKey& key) {
  return Write(caller, input, key, /*amend=*/false);
}

absl::StatusOr<MonthlyReturn> Returns::Amend(const Principal& caller, const ReturnInput& input,
                                             const WriteKey& key) {
  return Write(caller, input, key, /*amend=*/true);
}

absl::StatusOr<std::string> Returns::HoursLog(const Principal& caller, absl::string_view from,
                                              absl::string_view to) {
  RETURN_IF_ERROR(MayKeepReturns(caller));
  const absl::CivilMonth this_month = MonthOf(clock_.Now(), settings_.zone);
  absl::CivilMonth first(limits::kFirstReturnYear, 1);
  absl::CivilMonth last = this_month;
  if (!from.empty()) {
    const auto parsed = ParseMonth(from);
    if (!parsed) return InvalidField("from_month", "must be a month such as 2026-11");
    first = std::max(first, *parsed);
  }
  if (!to.empty()) {
    const auto parsed = ParseMonth(to);
    if (!parsed) return InvalidField("to_month", "must be a month such as 2026-11");
    last = std::min(last, *parsed);
  }
  if (first > last) return InvalidField("to_month", "must not be before from_month");
  ASSIGN_OR_RETURN(const auto relationships, returns_.MemberRelationships(caller.id()));
  ASSIGN_OR_RETURN(const auto sessions,
                   returns_.MemberSessions(caller.id(), MonthStart(first, settings_.zone),
                                           MonthStart(last + 1, settings_.zone)));
  ASSIGN_OR_RETURN(const auto latest, returns_.Latest(caller.id()));
  std::vector<HoursLogLine> lines;
  for (const SessionFact& s : sessions) {
    if (s.status != SessionStatus::kHeld) continue;
    const auto client =
        std::find_if(relationships.begin(), relationships.end(),
                     [&](const RelationshipSpan& r) { return r.id == s.relationship_id; });
    lines.push_back({.day = absl::CivilDay(absl::ToCivilSecond(s.starts_at, settings_.zone)),
                     .minutes = s.actual_minutes,
                     .kind = s.kind,
                     .client = absl::StrCat("Client ", client - relationships.begin() + 1),
                     .source = "Session in Tandem"});
  }
  for (const auto& [month, version] : latest) {
    if (month < first || month > last) continue;
    for (const AddedHours& a : version.added) {
      lines.push_back({.day = absl::CivilDay(month + 1) - 1,
                       .minutes = a.minutes,
                       .kind = a.kind,
                       .category = a.category,
                       .paid = a.paid,
                       .client = "Outside Tandem",
                       .source = absl::StrCat("Added to the ", MonthWords(month), " return")});
    }
  }
  std::stable_sort(lines.begin(), lines.end(),
                   [](const HoursLogLine& a, const HoursLogLine& b) { return a.day < b.day; });
  return HoursLogCsv(lines);
}

}  // namespace tandem::domain
