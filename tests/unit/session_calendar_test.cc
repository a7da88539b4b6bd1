// A session as an iCalendar file: CRLF lines folded at 75 octets, escaped
// text, the status by state, and no confidential content.

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "server/domain/session.h"

namespace tandem::domain {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;

TEST(SessionCalendarTest, WritesAValidEventWithoutConfidentialContent) {
  Relationship r;
  r.kind = SupportKind::kCoaching;
  r.coachee_name = "Zoë Ångström";
  r.member_name = "Grace Mwangi";
  Session s;
  s.id = 12;
  s.status = SessionStatus::kAccepted;
  s.starts_at = absl::FromCivil(absl::CivilSecond(2026, 12, 1, 9, 30, 0), absl::UTCTimeZone());
  s.planned_minutes = 60;
  s.mode = DeliveryMode::kInPerson;
  s.place = "Room 4, Block B; ask at reception, level 2 — the long corridor past the café";
  s.themes = {"leadership"};
  s.agreed_actions = "SECRET-ACTIONS";
  s.sealed_notes = "SECRET-NOTES";
  const absl::Time now = s.starts_at - absl::Hours(48);
  const std::string ics = SessionToICalendar(s, r, now);

  EXPECT_TRUE(absl::StartsWith(ics, "BEGIN:VCALENDAR\r\nVERSION:2.0\r\n"));
  EXPECT_TRUE(absl::EndsWith(ics, "END:VEVENT\r\nEND:VCALENDAR\r\n"));
  EXPECT_THAT(ics, HasSubstr("UID:tandem-session-12@tandem\r\n"));
  EXPECT_THAT(ics, HasSubstr("DTSTART:20261201T093000Z\r\n"));
  EXPECT_THAT(ics, HasSubstr("DTEND:20261201T103000Z\r\n"));
  EXPECT_THAT(ics, HasSubstr("DTSTAMP:20261129T093000Z\r\n"));
  EXPECT_THAT(ics, HasSubstr("STATUS:CONFIRMED\r\n"));
  EXPECT_THAT(ics, Not(HasSubstr("SECRET")));
  EXPECT_THAT(ics, Not(HasSubstr("leadership")));
  // Every line ends in CRLF and is at most 75 octets; continuation lines
  // start with a space; unfolding gives back the escaped place.
  std::string unfolded;
  for (absl::string_view line : absl::StrSplit(ics, "\r\n")) {
    EXPECT_LE(line.size(), 75u) << line;
    EXPECT_EQ(line.find('\n'), absl::string_view::npos);
    if (absl::StartsWith(line, " ")) {
      absl::StrAppend(&unfolded, line.substr(1));
    } else {
      absl::StrAppend(&unfolded, "\n", line);
    }
  }
  EXPECT_THAT(unfolded, HasSubstr("LOCATION:Room 4\\, Block B\\; ask at reception\\, level 2 — "
                                  "the long corridor past the café\n"));
  EXPECT_THAT(unfolded, HasSubstr("SUMMARY:Coaching session: Zoë Ångström and Grace Mwangi\n"));

  s.status = SessionStatus::kProposed;
  EXPECT_THAT(SessionToICalendar(s, r, now), HasSubstr("STATUS:TENTATIVE\r\n"));
  s.status = SessionStatus::kCancelled;
  EXPECT_THAT(SessionToICalendar(s, r, now), HasSubstr("STATUS:CANCELLED\r\n"));
}

}  // namespace
}  // namespace tandem::domain
