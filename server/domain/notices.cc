#include "server/domain/notices.h"

#include <algorithm>
#include <utility>

#include "absl/strings/str_cat.h"

namespace tandem::domain {
namespace {

thread_local NoticeBatch* current_batch = nullptr;

constexpr int kMinutesPerDay = 24 * 60;

bool KnownKind(NoticeKind kind) {
  const int n = static_cast<int>(kind);
  return n >= kMinNoticeKind && n <= kMaxNoticeKind;
}

}  // namespace

std::vector<NoticeKind> AllNoticeKinds() {
  std::vector<NoticeKind> kinds;
  for (int n = kMinNoticeKind; n <= kMaxNoticeKind; ++n)
    kinds.push_back(static_cast<NoticeKind>(n));
  return kinds;
}

bool IsConcernKind(NoticeKind kind) {
  return kind == NoticeKind::kConcernRaised || kind == NoticeKind::kConcernEscalated;
}

NoticeBatch::NoticeBatch() : outer_(current_batch) { current_batch = this; }

NoticeBatch::~NoticeBatch() { current_batch = outer_; }

void NoticeBatch::Add(Notice notice) { notices_.push_back(std::move(notice)); }

NoticeBatch* NoticeBatch::Current() { return current_batch; }

std::vector<Notice> NoticeBatch::TakeForCommit() { return std::exchange(notices_, {}); }

bool EmailByDefault(NoticeKind kind) {
  switch (kind) {
    case NoticeKind::kRequestReceived:
    case NoticeKind::kRequestAccepted:
    case NoticeKind::kRequestDeclined:
    case NoticeKind::kRequestReturned:
    case NoticeKind::kMatchConfirmed:
    case NoticeKind::kSessionMoved:
    case NoticeKind::kSessionCancelled:
    case NoticeKind::kApplicationApproved:
    case NoticeKind::kApplicationDeclined:
    case NoticeKind::kConcernRaised:
    case NoticeKind::kConcernEscalated:
      return true;
    default:
      return false;
  }
}

bool WantsEmail(const NoticePreferences& preferences, NoticeKind kind) {
  for (const KindChoice& choice : preferences.kinds) {
    if (choice.kind == kind) return choice.email;
  }
  return EmailByDefault(kind);
}

std::vector<KindChoice> EveryChoice(const NoticePreferences& preferences) {
  std::vector<KindChoice> every;
  for (NoticeKind kind : AllNoticeKinds()) {
    every.push_back({.kind = kind, .email = WantsEmail(preferences, kind)});
  }
  return every;
}

absl::Status ValidatePreferences(const NoticePreferences& preferences) {
  std::vector<int> seen;
  for (size_t i = 0; i < preferences.kinds.size(); ++i) {
    const NoticeKind kind = preferences.kinds[i].kind;
    if (!KnownKind(kind)) {
      return absl::InvalidArgumentError(
          absl::StrCat("preferences.kinds[", i, "].kind: must be a kind of notification"));
    }
    if (std::find(seen.begin(), seen.end(), static_cast<int>(kind)) != seen.end()) {
      return absl::InvalidArgumentError(
          absl::StrCat("preferences.kinds[", i, "].kind: is named twice"));
    }
    seen.push_back(static_cast<int>(kind));
  }
  for (const auto& [field, minute] : {std::pair{"quiet_from_minute", preferences.quiet_from_minute},
                                      std::pair{"quiet_to_minute", preferences.quiet_to_minute}}) {
    if (minute < 0 || minute >= kMinutesPerDay) {
      return absl::InvalidArgumentError(absl::StrCat(
          "preferences.", field, ": must be minutes after midnight, 0 to ", kMinutesPerDay - 1));
    }
  }
  return absl::OkStatus();
}

absl::Time EmailNotBefore(const NoticePreferences& preferences, NoticeKind kind, absl::Time now,
                          absl::TimeZone zone) {
  const int from = preferences.quiet_from_minute;
  const int to = preferences.quiet_to_minute;
  if (from == to || IsConcernKind(kind)) return now;
  const absl::CivilMinute local = absl::ToCivilMinute(now, zone);
  const int minute = local.hour() * 60 + local.minute();
  const bool quiet = from < to ? (minute >= from && minute < to) : (minute >= from || minute < to);
  if (!quiet) return now;
  // The next time the clock reads `to`: today if it is still ahead, else
  // tomorrow. A day's civil arithmetic keeps it right across clock changes.
  absl::CivilDay day = absl::CivilDay(local);
  if (minute >= to) day += 1;
  const absl::CivilMinute end(day.year(), day.month(), day.day(), to / 60, to % 60);
  return std::max(now, absl::FromCivil(end, zone));
}

}  // namespace tandem::domain
