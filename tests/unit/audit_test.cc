// How the audit trail names the day of what was read: the UTC date in words.

#include "server/domain/audit.h"

#include "gtest/gtest.h"

namespace tandem::domain {
namespace {

absl::Time Utc(int year, int month, int day, int hour, int minute) {
  return absl::FromCivil(absl::CivilMinute(year, month, day, hour, minute), absl::UTCTimeZone());
}

TEST(DayInWordsTest, DayMonthYearWithoutALeadingZero) {
  EXPECT_EQ(DayInWords(Utc(2026, 12, 2, 9, 30)), "2 December 2026");
  EXPECT_EQ(DayInWords(Utc(2027, 1, 31, 0, 0)), "31 January 2027");
  EXPECT_EQ(DayInWords(Utc(2026, 5, 10, 12, 0)), "10 May 2026");
}

TEST(DayInWordsTest, IsTheUtcDay) {
  EXPECT_EQ(DayInWords(Utc(2026, 6, 30, 23, 59)), "30 June 2026");
  EXPECT_EQ(DayInWords(Utc(2026, 7, 1, 0, 0)), "1 July 2026");
  // 00:30 in London (BST) on 1 July is still 30 June in UTC.
  const absl::Time london_half_past_midnight = Utc(2026, 6, 30, 23, 30);
  EXPECT_EQ(DayInWords(london_half_past_midnight), "30 June 2026");
}

}  // namespace
}  // namespace tandem::domain
