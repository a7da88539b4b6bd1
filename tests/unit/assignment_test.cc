// The batch assignment: exact against brute force on random small
// instances, and never over capacity or outside the allowed pairs. The
// solver's exact stage (the repair) is also driven on its own from arbitrary
// states, and with the auction at low resolutions, so that its rarer paths
// (spare places with a price, paths through the sink) are checked too.

#include "server/domain/assignment.h"

#include <algorithm>
#include <functional>
#include <map>
#include <random>
#include <set>

#include "gtest/gtest.h"
#include "server/domain/assignment_internal.h"

namespace tandem::domain {
namespace {

struct Objective {
  int64_t score = 0;
  int64_t ranks = 0;
  auto operator<=>(const Objective&) const = default;
};

std::vector<int64_t> Ranks(const AssignmentProblem& p) {
  std::vector<int> order(p.seekers);
  for (int i = 0; i < p.seekers; ++i) order[i] = i;
  std::sort(order.begin(), order.end(),
            [&](int a, int b) { return p.seeker_priority[a] < p.seeker_priority[b]; });
  std::vector<int64_t> rank(p.seekers);
  for (int r = 0; r < p.seekers; ++r) rank[order[r]] = r + 1;
  return rank;
}

// Tries every assignment.
Objective BruteForce(const AssignmentProblem& p) {
  std::vector<std::vector<std::pair<int, int64_t>>> by_seeker(p.seekers);
  for (const auto& o : p.options) by_seeker[o.seeker].push_back({o.member, o.score});
  const auto rank = Ranks(p);
  std::vector<int> left = p.member_capacity;
  Objective best;
  std::function<void(int, Objective)> go = [&](int i, Objective so_far) {
    if (i == p.seekers) {
      best = std::max(best, so_far);
      return;
    }
    go(i + 1, so_far);
    for (const auto& [member, score] : by_seeker[i]) {
      if (left[member] == 0) continue;
      --left[member];
      go(i + 1, {so_far.score + score, so_far.ranks + rank[i]});
      ++left[member];
    }
  };
  go(0, {});
  return best;
}

// Checks `a` is a valid assignment for `p` and returns its objective.
Objective Validate(const AssignmentProblem& p, const Assignment& a) {
  EXPECT_EQ(static_cast<int>(a.member_of_seeker.size()), p.seekers);
  std::map<std::pair<int, int>, int64_t> best_option;
  for (const auto& o : p.options) {
    auto [it, inserted] = best_option.insert({{o.seeker, o.member}, o.score});
    if (!inserted) it->second = std::max(it->second, o.score);
  }
  const auto rank = Ranks(p);
  std::vector<int> used(p.member_capacity.size(), 0);
  Objective objective;
  for (int i = 0; i < p.seekers; ++i) {
    const int member = a.member_of_seeker[i];
    if (member < 0) continue;
    const auto it = best_option.find({i, member});
    EXPECT_NE(it, best_option.end()) << "seeker " << i << " given a pair that is not allowed";
    if (it == best_option.end()) continue;
    ++used[member];
    objective.score += it->second;
    objective.ranks += rank[i];
  }
  for (size_t j = 0; j < used.size(); ++j) {
    EXPECT_LE(used[j], p.member_capacity[j]) << "member " << j << " over capacity";
  }
  EXPECT_EQ(objective.score, a.total_score);
  return objective;
}

AssignmentProblem Random(std::mt19937_64& random, int max_seekers, int max_members) {
  AssignmentProblem p;
  p.seekers = 1 + static_cast<int>(random() % max_seekers);
  const int members = 1 + static_cast<int>(random() % max_members);
  for (int j = 0; j < members; ++j) p.member_capacity.push_back(static_cast<int>(random() % 3));
  for (int i = 0; i < p.seekers; ++i) p.seeker_priority.push_back(static_cast<int64_t>(random()));
  for (int i = 0; i < p.seekers; ++i) {
    for (int j = 0; j < members; ++j) {
      if (random() % 3 == 0) continue;  // a hard rule refuses this pair
      // Few distinct scores, so ties are common.
      p.options.push_back({i, j, static_cast<int64_t>(random() % 4) * 10});
    }
  }
  return p;
}

TEST(AssignmentTest, MatchesBruteForceOnRandomSmallInstances) {
  std::mt19937_64 random(20261122);
  for (int round = 0; round < 3000; ++round) {
    const AssignmentProblem p = Random(random, 7, 4);
    const Assignment a = SolveAssignment(p);
    const Objective got = Validate(p, a);
    const Objective want = BruteForce(p);
    ASSERT_EQ(got.score, want.score) << "round " << round;
    ASSERT_EQ(got.ranks, want.ranks) << "round " << round;
  }
}

TEST(AssignmentTest, NeverBreaksCapacityOnLargerInstances) {
  std::mt19937_64 random(7);
  for (int round = 0; round < 50; ++round) {
    const AssignmentProblem p = Random(random, 200, 40);
    Validate(p, SolveAssignment(p));
  }
}

TEST(AssignmentTest, StopsWhenAskedAndSaysSo) {
  std::mt19937_64 random(11);
  const AssignmentProblem p = Random(random, 200, 40);
  ASSERT_GT(p.options.size(), 0u);
  for (int allowed : {0, 1, 3}) {
    int asked = 0;
    const Assignment stopped = SolveAssignment(p, [&] { return ++asked > allowed; });
    EXPECT_TRUE(stopped.stopped) << allowed;
    EXPECT_EQ(asked, allowed + 1);
    EXPECT_EQ(stopped.total_score, 0);
    EXPECT_TRUE(std::all_of(stopped.member_of_seeker.begin(), stopped.member_of_seeker.end(),
                            [](int m) { return m == -1; }));
  }
  // Never told to stop: the same answer as without asking.
  int asked = 0;
  const Assignment full = SolveAssignment(p, [&] {
    ++asked;
    return false;
  });
  EXPECT_FALSE(full.stopped);
  EXPECT_GT(asked, 0);
  EXPECT_EQ(full.total_score, SolveAssignment(p).total_score);
  EXPECT_EQ(full.member_of_seeker, SolveAssignment(p).member_of_seeker);
}

TEST(AssignmentTest, PrefersTheLongestWaiterOnATie) {
  AssignmentProblem p;
  p.seekers = 2;
  p.member_capacity = {1};
  p.seeker_priority = {5, 9};  // seeker 1 has waited longer
  p.options = {{0, 0, 30}, {1, 0, 30}};
  EXPECT_EQ(SolveAssignment(p).member_of_seeker, (std::vector<int>{-1, 0}));
}

TEST(AssignmentTest, BestForThePoolNotFirstComeFirstServed) {
  // Greedy by seeker would give member 0 to seeker 0 (score 50) and leave
  // seeker 1 unmatched; the best total gives seeker 0 member 1 instead.
  AssignmentProblem p;
  p.seekers = 2;
  p.member_capacity = {1, 1};
  p.seeker_priority = {2, 1};
  p.options = {{0, 0, 50}, {0, 1, 40}, {1, 0, 45}};
  const Assignment a = SolveAssignment(p);
  EXPECT_EQ(a.member_of_seeker, (std::vector<int>{1, 0}));
  EXPECT_EQ(a.total_score, 85);
}

TEST(AssignmentTest, EmptyAndZeroCapacity) {
  EXPECT_TRUE(SolveAssignment({}).member_of_seeker.empty());
  AssignmentProblem p;
  p.seekers = 1;
  p.member_capacity = {0};
  p.seeker_priority = {1};
  p.options = {{0, 0, 10}};
  EXPECT_EQ(SolveAssignment(p).member_of_seeker, std::vector<int>{-1});
}

// The repair must reach the optimum from any state: members that are not
// allowed or do not fit, and prices far too low, too high, zero, or within a
// unit or two of a pair's value (so that seekers are exactly on, or just off,
// a best option).
TEST(AssignmentTest, RepairIsExactFromAnyStart) {
  std::mt19937_64 random(4);
  for (int round = 0; round < 6000; ++round) {
    const AssignmentProblem p = Random(random, 7, 4);
    const int members = static_cast<int>(p.member_capacity.size());
    const int64_t scale = int64_t{p.seekers} * (p.seekers + 1) / 2 + 1;
    const auto rank = Ranks(p);
    std::map<int, std::vector<int64_t>> values_of_member;  // the solver's units
    for (const auto& o : p.options) {
      values_of_member[o.member].push_back(o.score * scale + rank[o.seeker]);
    }
    std::vector<int> start(p.seekers);
    for (int& member : start) member = static_cast<int>(random() % (members + 2)) - 1;
    std::vector<int64_t> price(members);
    for (int j = 0; j < members; ++j) {
      const auto& values = values_of_member[j];
      switch (random() % 5) {
        case 0:
          price[j] = 0;
          break;
        case 1:
          price[j] = static_cast<int64_t>(random() % (40 * scale));
          break;
        case 2:
          price[j] = static_cast<int64_t>(random() % 100) * scale;  // often beyond every value
          break;
        case 3:
          price[j] = -static_cast<int64_t>(random() % 100);  // counts as 0
          break;
        default:
          if (values.empty()) break;
          price[j] = values[random() % values.size()] - static_cast<int64_t>(random() % 5) + 2;
      }
    }
    const Assignment a = assignment_internal::RepairFrom(p, start, price);
    const Objective got = Validate(p, a);
    const Objective want = BruteForce(p);
    ASSERT_EQ(got.score, want.score) << "round " << round;
    ASSERT_EQ(got.ranks, want.ranks) << "round " << round;
  }
}

// At a low resolution the auction cannot be rounded to exact prices and
// leaves seekers and spare places to the repair.
TEST(AssignmentTest, ExactAtLowAuctionResolutions) {
  std::mt19937_64 random(5);
  for (int round = 0; round < 1000; ++round) {
    const AssignmentProblem p = Random(random, 7, 4);
    const Objective want = BruteForce(p);
    for (int64_t resolution : {1, 2, 4}) {
      const Objective got = Validate(p, assignment_internal::SolveWithResolution(p, resolution));
      ASSERT_EQ(got.score, want.score) << "round " << round << " resolution " << resolution;
      ASSERT_EQ(got.ranks, want.ranks) << "round " << round << " resolution " << resolution;
    }
  }
}

// Beyond brute force: the full solver, the solver with a coarse auction, and
// the repair alone from nothing (plain successive shortest paths) agree.
TEST(AssignmentTest, ThreeRoutesAgreeOnMediumInstances) {
  std::mt19937_64 random(6);
  for (int round = 0; round < 60; ++round) {
    AssignmentProblem p;
    p.seekers = 1 + static_cast<int>(random() % 300);
    const int members = 1 + static_cast<int>(random() % 40);
    const int most = static_cast<int>(random() % 6);
    for (int j = 0; j < members; ++j) {
      p.member_capacity.push_back(static_cast<int>(random() % (most + 1)));
    }
    for (int i = 0; i < p.seekers; ++i) p.seeker_priority.push_back(static_cast<int64_t>(random()));
    const int scores = 1 + static_cast<int>(random() % 120);
    for (int i = 0; i < p.seekers; ++i) {
      const int degree = static_cast<int>(random() % 16);
      for (int k = 0; k < degree; ++k) {
        p.options.push_back(
            {i, static_cast<int>(random() % members), static_cast<int64_t>(random() % scores)});
      }
    }
    const Objective full = Validate(p, SolveAssignment(p));
    const Objective coarse = Validate(p, assignment_internal::SolveWithResolution(p, 1));
    const Objective plain = Validate(p, assignment_internal::RepairFrom(p, {}, {}));
    ASSERT_EQ(full, plain) << "round " << round;
    ASSERT_EQ(coarse, plain) << "round " << round;
  }
}

TEST(AssignmentTest, DuplicatePairsCountWithTheirBestScore) {
  AssignmentProblem p;
  p.seekers = 2;
  p.member_capacity = {1, 1};
  p.seeker_priority = {1, 2};
  // Seeker 0's pair with member 0 is listed three times; 40 counts, so it
  // takes member 0 and seeker 1 (35 there, 30 on member 1) member 1.
  p.options = {{0, 0, 10}, {1, 0, 35}, {0, 0, 40}, {1, 1, 30}, {0, 0, 20}};
  const Assignment a = SolveAssignment(p);
  EXPECT_EQ(a.member_of_seeker, (std::vector<int>{0, 1}));
  EXPECT_EQ(a.total_score, 70);
}

TEST(AssignmentTest, AllEqualScoresGoToTheLongestWaiters) {
  AssignmentProblem p;
  p.seekers = 6;
  p.member_capacity = {1, 2};
  p.seeker_priority = {60, 10, 50, 20, 40, 30};
  for (int i = 0; i < p.seekers; ++i) {
    for (int j = 0; j < 2; ++j) p.options.push_back({i, j, 7});
  }
  const Assignment a = SolveAssignment(p);
  EXPECT_EQ(a.total_score, 21);
  for (int i : {0, 2, 4}) EXPECT_GE(a.member_of_seeker[i], 0) << "seeker " << i;
  for (int i : {1, 3, 5}) EXPECT_EQ(a.member_of_seeker[i], -1) << "seeker " << i;
}

TEST(AssignmentTest, ZeroScorePairsAreStillMatched) {
  AssignmentProblem p;
  p.seekers = 2;
  p.member_capacity = {3};
  p.seeker_priority = {1, 2};
  p.options = {{0, 0, 0}, {1, 0, 0}};
  const Assignment a = SolveAssignment(p);
  EXPECT_EQ(a.member_of_seeker, (std::vector<int>{0, 0}));
  EXPECT_EQ(a.total_score, 0);
}

TEST(AssignmentTest, SeekersAndMembersWithoutOptions) {
  AssignmentProblem p;
  p.seekers = 4;
  p.member_capacity = {0, 2, 5};  // member 0 has no places, member 2 no pairs
  p.seeker_priority = {4, 3, 2, 1};
  p.options = {{0, 0, 90}, {1, 1, 10}, {3, 0, 50}, {3, 1, 5}};
  const Assignment a = SolveAssignment(p);
  EXPECT_EQ(a.member_of_seeker, (std::vector<int>{-1, 1, -1, 1}));
  EXPECT_EQ(a.total_score, 15);

  p.member_capacity = {0, 0, 0};
  const Assignment none = SolveAssignment(p);
  EXPECT_EQ(none.member_of_seeker, (std::vector<int>{-1, -1, -1, -1}));
  EXPECT_EQ(none.total_score, 0);
}

TEST(AssignmentTest, CapacityFarAboveDemand) {
  AssignmentProblem p;
  p.seekers = 3;
  p.member_capacity = {1000, 1000};
  p.seeker_priority = {1, 2, 3};
  p.options = {{0, 0, 5}, {0, 1, 6}, {1, 0, 7}, {2, 1, 1}};
  const Assignment a = SolveAssignment(p);
  EXPECT_EQ(a.member_of_seeker, (std::vector<int>{1, 0, 1}));
  EXPECT_EQ(a.total_score, 14);
}

// At the contract's limits (scores below 2^16, 2^20 seekers) the values need
// 55 bits: nothing may overflow, and the auction runs at a low resolution.
TEST(AssignmentTest, AtTheLimits) {
  AssignmentProblem p;
  p.seekers = 1 << 20;
  p.member_capacity = {3, 2};
  for (int i = 0; i < p.seekers; ++i) {
    p.seeker_priority.push_back(i);
    p.options.push_back({i, 0, 65535});
  }
  // Member 1 is open to every third seeker, at a lower score. Score first:
  // five matched, two of them on member 1. Then the longest waiters: the
  // last seeker, 2^20 − 1, is a multiple of 3, so it and last − 3 take
  // member 1 and the three others after last − 5 take member 0.
  for (int i = 0; i < p.seekers; i += 3) p.options.push_back({i, 1, 65534});
  const Assignment a = SolveAssignment(p);
  EXPECT_EQ(a.total_score, 3 * 65535 + 2 * 65534);
  const int last = p.seekers - 1;
  std::map<int, int> matched;
  for (int i = 0; i < p.seekers; ++i) {
    if (a.member_of_seeker[i] >= 0) matched[i] = a.member_of_seeker[i];
  }
  EXPECT_EQ(matched, (std::map<int, int>{
                         {last - 4, 0}, {last - 3, 1}, {last - 2, 0}, {last - 1, 0}, {last, 1}}));
}

}  // namespace
}  // namespace tandem::domain
