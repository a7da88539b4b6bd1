#include "server/domain/notice_templates.h"

#include <array>

#include "absl/strings/str_cat.h"

namespace tandem::domain {
namespace {

constexpr std::array<const char*, 7> kWeekdays = {"Monday", "Tuesday",  "Wednesday", "Thursday",
                                                  "Friday", "Saturday", "Sunday"};
constexpr std::array<const char*, 12> kMonths = {"January",   "February", "March",    "April",
                                                 "May",       "June",     "July",     "August",
                                                 "September", "October",  "November", "December"};

std::string Support(const NoticeFacts& facts) {
  if (!facts.support) return "coaching or mentoring";
  return *facts.support == SupportKind::kMentoring ? "mentoring" : "coaching";
}

std::string Member(const NoticeFacts& facts) {
  if (!facts.support) return "coach or mentor";
  return *facts.support == SupportKind::kMentoring ? "mentor" : "coach";
}

int WeekdayIndex(absl::Weekday weekday) {
  switch (weekday) {
    case absl::Weekday::monday:
      return 0;
    case absl::Weekday::tuesday:
      return 1;
    case absl::Weekday::wednesday:
      return 2;
    case absl::Weekday::thursday:
      return 3;
    case absl::Weekday::friday:
      return 4;
    case absl::Weekday::saturday:
      return 5;
    case absl::Weekday::sunday:
      return 6;
  }
  return 0;
}

/// "Tuesday 14 May".
std::string Day(absl::Time at, absl::TimeZone zone) {
  const absl::CivilDay day = absl::ToCivilDay(at, zone);
  return absl::StrCat(kWeekdays[WeekdayIndex(absl::GetWeekday(day))], " ", day.day(), " ",
                      kMonths[day.month() - 1]);
}

/// "10:00".
std::string Clock(absl::Time at, absl::TimeZone zone) {
  const absl::CivilMinute minute = absl::ToCivilMinute(at, zone);
  return absl::StrCat(minute.hour() < 10 ? "0" : "", minute.hour(), ":",
                      minute.minute() < 10 ? "0" : "", minute.minute());
}

/// "Tuesday 14 May at 10:00", or "a date to be agreed" without a time.
std::string DayAndClock(const std::optional<absl::Time>& at, absl::TimeZone zone) {
  if (!at) return "a date to be agreed";
  return absl::StrCat(Day(*at, zone), " at ", Clock(*at, zone));
}

/// "November 2026".
std::string MonthWords(const std::optional<absl::CivilMonth>& month) {
  if (!month) return "last month";
  return absl::StrCat(kMonths[month->month() - 1], " ", month->year());
}

bool ForCoordinator(const Notice& notice) { return notice.screen == NoticeScreen::kPool; }

}  // namespace

NoticeText RenderNotice(const Notice& notice, absl::TimeZone zone) {
  const NoticeFacts& f = notice.facts;
  switch (notice.kind) {
    case NoticeKind::kRequestReceived:
      return {absl::StrCat("You have a new request for ", Support(f)),
              "Open your inbox to accept or decline it."};
    case NoticeKind::kRequestAccepted:
      return {absl::StrCat("Your request for ", Support(f), " was accepted"),
              absl::StrCat("Your ", Member(f), " will set out the terms with you next.")};
    case NoticeKind::kRequestDeclined:
      return {absl::StrCat("Your request for ", Support(f), " was declined"),
              "You can choose someone else, or ask to be matched."};
    case NoticeKind::kRequestReturned:
      return {absl::StrCat("Your request for ", Support(f), " is back on the waiting list"),
              "It could not be answered in time. You can choose someone else, or a coordinator "
              "will match you."};
    case NoticeKind::kMatchConfirmed:
      return {absl::StrCat("A coordinator has matched you for ", Support(f)),
              absl::StrCat("Your ", Member(f), " has your request and will answer it soon.")};
    case NoticeKind::kTermsToAgree:
      return {absl::StrCat("The terms of your ", Support(f), " are ready for you to agree"),
              "Check them and agree them before your sessions begin."};
    case NoticeKind::kSessionProposed:
      return {absl::StrCat("A session on ", DayAndClock(f.at, zone), " was proposed"),
              "Accept it, or suggest another time."};
    case NoticeKind::kSessionAccepted:
      return {absl::StrCat("Your session on ", DayAndClock(f.at, zone), " was accepted"), ""};
    case NoticeKind::kSessionMoved:
      return {
          absl::StrCat("A session on ", f.was_at ? Day(*f.was_at, zone) : "a date", " was moved"),
          absl::StrCat("It is now on ", DayAndClock(f.at, zone), ".")};
    case NoticeKind::kSessionCancelled:
      return {absl::StrCat("A session on ", DayAndClock(f.at, zone), " was cancelled"), ""};
    case NoticeKind::kSessionTomorrow:
      return {absl::StrCat("Reminder: you have a ", Support(f), " session on ",
                           DayAndClock(f.at, zone)),
              ""};
    case NoticeKind::kSessionSoon:
      return {absl::StrCat("Your ", Support(f), " session starts within the hour, at ",
                           f.at ? Clock(*f.at, zone) : "the agreed time"),
              ""};
    case NoticeKind::kRecordSession:
      return {absl::StrCat("Record your session of ", f.at ? Day(*f.at, zone) : "last week"),
              "It takes a minute, and your hours are counted from it."};
    case NoticeKind::kGoalReviewDue:
      return {absl::StrCat("A review of your ", Support(f), " goals is due"),
              "Rate where you are now against each goal."};
    case NoticeKind::kEvaluationDue:
      return {absl::StrCat("The end-of-", Support(f), " evaluation is ready for you"),
              "It takes a few minutes and helps the programme improve."};
    case NoticeKind::kFollowUpDue:
      return {absl::StrCat("A short follow-up on your ", Support(f), " is ready"),
              "Tell the programme whether the change has lasted."};
    case NoticeKind::kReturnDue:
      return {absl::StrCat("Your monthly return for ", MonthWords(f.month), " is ready to confirm"),
              "Tandem has counted your sessions: add anything else and confirm it."};
    case NoticeKind::kReturnOverdue:
      return {absl::StrCat("Your monthly return for ", MonthWords(f.month), " is overdue"),
              "Please confirm it as soon as you can."};
    case NoticeKind::kSupervisionLapsing:
      if (ForCoordinator(notice)) {
        return {
            "A pool member's supervision is about to lapse",
            absl::StrCat("Their coaching listing ends on ", f.at ? Day(*f.at, zone) : "a date soon",
                         " unless it is updated. The pool page shows who.")};
      }
      return {absl::StrCat("Your supervision record needs updating by ",
                           f.at ? Day(*f.at, zone) : "a date soon"),
              "Until it is updated you will not be listed for coaching after that date."};
    case NoticeKind::kQualificationLapsing:
      if (ForCoordinator(notice)) {
        return {"A pool member's qualification is about to expire",
                absl::StrCat("It expires on ", f.at ? Day(*f.at, zone) : "a date soon",
                             ". The pool page shows who.")};
      }
      return {absl::StrCat("A qualification on your profile expires on ",
                           f.at ? Day(*f.at, zone) : "a date soon"),
              "Add the renewed one to your profile to stay listed."};
    case NoticeKind::kApplicationApproved:
      return {"Your application to join the pool was approved",
              "Staff can now find you and ask you for support."};
    case NoticeKind::kApplicationDeclined:
      return {"Your application to join the pool was not approved",
              "The reason is on your profile."};
    case NoticeKind::kConcernRaised:
      return {"A safeguarding concern needs your attention", "Open Tandem to read it."};
    case NoticeKind::kConcernEscalated:
      return {"A safeguarding concern has been escalated to you",
              "It was not acknowledged in time. Open Tandem to read it."};
  }
  return {"Something in Tandem needs your attention", ""};
}

EmailText RenderEmail(const Notice& notice, absl::TimeZone zone) {
  const NoticeText text = RenderNotice(notice, zone);
  std::string body = absl::StrCat(text.title, ".\r\n\r\n");
  if (!text.detail.empty()) absl::StrAppend(&body, text.detail, "\r\n\r\n");
  absl::StrAppend(&body,
                  "Open the Tandem app to see it. For your privacy this email says no more.\r\n"
                  "\r\n"
                  "-- \r\n"
                  "You get this email because of your notification settings. To choose which "
                  "notifications also come by email, or to set quiet hours, go to Account in "
                  "Tandem.\r\n");
  return {.subject = absl::StrCat("Tandem: ", text.title), .body = std::move(body)};
}

}  // namespace tandem::domain
