#include "server/domain/disclosure.h"

#include <gtest/gtest.h>

#include <set>
#include <vector>

namespace tandem::domain::disclosure {
namespace {

TEST(Disclosure, CountsOfOneToSevenAreSuppressedAndTheRestRoundedToFive) {
  EXPECT_EQ(Count(0), (Protected{.value = 0}));
  for (int n = 1; n <= 7; ++n) EXPECT_TRUE(Count(n).suppressed) << n;
  EXPECT_EQ(Count(8), (Protected{.value = 10}));
  EXPECT_EQ(Count(12), (Protected{.value = 10}));
  EXPECT_EQ(Count(13), (Protected{.value = 15}));
  EXPECT_EQ(Count(17), (Protected{.value = 15}));
  EXPECT_EQ(Count(18), (Protected{.value = 20}));
  EXPECT_EQ(Count(1002), (Protected{.value = 1000}));
  EXPECT_EQ(RoundToFive(int64_t{-3}), -5);
  EXPECT_EQ(RoundToFive(int64_t{-2}), 0);
  EXPECT_EQ(RoundToFive(2.5), 5.0);
  EXPECT_EQ(RoundToFive(-7.4), -5.0);
}

TEST(Disclosure, HoursAreSuppressedBehindOneToSevenPeopleAndRoundedToFiveHours) {
  EXPECT_TRUE(Hours(600, 7).suppressed);
  EXPECT_EQ(Hours(600, 8), (Protected{.value = 10}));
  EXPECT_EQ(Hours(13 * 60 - 1, 9), (Protected{.value = 15}));  // 12.98 hours
  EXPECT_EQ(Hours(12 * 60, 9), (Protected{.value = 10}));
  EXPECT_EQ(Hours(0, 0), (Protected{.value = 0}));
}

TEST(Disclosure, PercentagesAreWorkedFromTheRoundedCounts) {
  // 9 of 23: 10 of 25, not 39.1%.
  EXPECT_EQ(Percent(9, 23), (Protected{.value = 40}));
  EXPECT_EQ(Percent(0, 23), (Protected{.value = 0}));
  EXPECT_TRUE(Percent(3, 23).suppressed);
  EXPECT_TRUE(Percent(9, 5).suppressed);
  EXPECT_TRUE(Percent(0, 0).suppressed);
  // 12 of 13 -> 10 of 15.
  EXPECT_EQ(Percent(12, 13), (Protected{.value = 66.7}));
}

TEST(Disclosure, AveragesOverOneToSevenAreSuppressedAndWorkedFromRoundedFigures) {
  EXPECT_TRUE(Average({}).suppressed);
  EXPECT_TRUE(Average({5, 5, 5, 5, 5, 5, 5}).suppressed);
  // Sum 24 -> 25, count 8 -> 10: 2.5, not 3.
  EXPECT_EQ(Average({3, 3, 3, 3, 3, 3, 3, 3}), (Protected{.value = 2.5}));
  // Negative changes round the same way.
  EXPECT_EQ(Average({-1, -1, -1, -1, -1, -1, -1, -1, -1, -1}), (Protected{.value = -1}));
}

TEST(Disclosure, QuantilesNeedEightValues) {
  EXPECT_TRUE(Quantile({1, 2, 3, 4, 5, 6, 7}, 0.5).suppressed);
  EXPECT_EQ(Quantile({8, 1, 7, 2, 6, 3, 5, 4}, 0.5), (Protected{.value = 4}));
  EXPECT_EQ(Quantile({8, 1, 7, 2, 6, 3, 5, 4, 9, 10}, 0.9), (Protected{.value = 9}));
  EXPECT_EQ(Quantile({1.4, 1, 1, 1, 1, 1, 1, 1}, 1.0), (Protected{.value = 1}));
}

TEST(Disclosure, FreeTextNeedsAGroupOfEight) {
  EXPECT_FALSE(MayReleaseText(7));
  EXPECT_TRUE(MayReleaseText(8));
}

// Two published figures that differ by exactly one suppressed cell c — a
// total and the rest of its breakdown, or a period and the same period
// less one month — never pin c to one value: whatever the rest is, every
// c in 1–7 leaves at least one other c in 1–7 with the same pair.
TEST(Disclosure, NoPairDifferingByOneSuppressedCellRecoversIt) {
  for (int64_t rest = 0; rest <= 2000; ++rest) {
    for (int64_t c = 1; c <= 7; ++c) {
      const Protected total = Count(rest + c);
      const Protected part = Count(rest);
      std::set<int64_t> consistent;
      // What an attacker who sees (total, part) can conclude: every (rest',
      // c') that publishes the same pair.
      for (int64_t rest2 = std::max<int64_t>(0, rest - 12); rest2 <= rest + 12; ++rest2) {
        for (int64_t c2 = 1; c2 <= 7; ++c2) {
          if (Count(rest2 + c2) == total && Count(rest2) == part) consistent.insert(c2);
        }
      }
      ASSERT_GE(consistent.size(), 2u) << "rest " << rest << " cell " << c;
    }
  }
}

}  // namespace
}  // namespace tandem::domain::disclosure
