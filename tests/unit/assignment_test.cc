// The batch assignment: exact against brute force on random small
// instances, and never over capacity or outside the allowed pairs.

#include "server/domain/assignment.h"

#include <map>
#include <random>
#include <set>

#include "gtest/gtest.h"

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

}  // namespace
}  // namespace tandem::domain
