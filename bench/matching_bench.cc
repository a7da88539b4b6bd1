// Batch matching benchmark: generates waiting seekers and a pool with
// capacities and sparse allowed pairs with scores, solves it with Tandem's
// assignment (server/domain/assignment.h) and, as the reference, with
// LEMON's NetworkSimplex on the same min-cost-flow model; checks the totals
// are equal and prints both times.
//
//   bench/run-matching-bench.sh

#include <lemon/list_graph.h>
#include <lemon/network_simplex.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <numeric>
#include <vector>

#include "server/domain/assignment.h"
#include "shared/deterministic_random.h"

namespace tandem::bench {
namespace {

using Clock = std::chrono::steady_clock;

double Seconds(Clock::time_point since) {
  return std::chrono::duration<double>(Clock::now() - since).count();
}

// Each seeker may be paired with `degree` members (those the hard rules
// allow), scored 0..119 like the matcher's weights sum to.
domain::AssignmentProblem Generate(int seekers, int members, int degree, uint64_t seed) {
  DeterministicRandom random(seed);
  domain::AssignmentProblem p;
  p.seekers = seekers;
  for (int j = 0; j < members; ++j) p.member_capacity.push_back(1 + random.Below(6));
  for (int i = 0; i < seekers; ++i) p.seeker_priority.push_back(static_cast<int64_t>(i));
  for (int i = 0; i < seekers; ++i) {
    for (int k = 0; k < degree; ++k) {
      p.options.push_back({i, random.Below(members), random.Below(120)});
    }
  }
  return p;
}

// The same problem as a min-cost flow for LEMON: source → seeker (1), seeker
// → member (1, −score) or seeker → sink directly (1, 0: unmatched), member →
// sink (capacity). Returns the best total score. Ties are not broken here:
// the total score is what must agree.
int64_t SolveWithLemon(const domain::AssignmentProblem& p, double* seconds) {
  const auto start = Clock::now();
  lemon::ListDigraph graph;
  const auto source = graph.addNode();
  const auto sink = graph.addNode();
  std::vector<lemon::ListDigraph::Node> seeker(p.seekers), member(p.member_capacity.size());
  for (auto& node : seeker) node = graph.addNode();
  for (auto& node : member) node = graph.addNode();
  lemon::ListDigraph::ArcMap<int64_t> capacity(graph), cost(graph);
  auto arc = [&](lemon::ListDigraph::Node from, lemon::ListDigraph::Node to, int64_t cap,
                 int64_t c) {
    const auto a = graph.addArc(from, to);
    capacity[a] = cap;
    cost[a] = c;
  };
  for (int i = 0; i < p.seekers; ++i) {
    arc(source, seeker[i], 1, 0);
    arc(seeker[i], sink, 1, 0);
  }
  for (const auto& o : p.options) arc(seeker[o.seeker], member[o.member], 1, -o.score);
  for (size_t j = 0; j < member.size(); ++j) arc(member[j], sink, p.member_capacity[j], 0);
  lemon::NetworkSimplex<lemon::ListDigraph, int64_t, int64_t> simplex(graph);
  simplex.upperMap(capacity).costMap(cost).stSupply(source, sink, p.seekers);
  if (simplex.run() != decltype(simplex)::OPTIMAL) {
    std::fprintf(stderr, "LEMON: no optimal solution\n");
    std::exit(1);
  }
  *seconds = Seconds(start);
  return -simplex.totalCost<int64_t>();
}

// Recomputes the total of `a` from the pairs it uses (the best score of a
// pair listed twice); -1 when it uses a pair that is not allowed or fills a
// member beyond its capacity.
int64_t CheckedTotal(const domain::AssignmentProblem& p, const domain::Assignment& a) {
  std::vector<int64_t> best(p.seekers, -1);
  for (const auto& o : p.options) {
    if (a.member_of_seeker[o.seeker] == o.member) {
      best[o.seeker] = std::max(best[o.seeker], o.score);
    }
  }
  std::vector<int> load(p.member_capacity.size(), 0);
  int64_t total = 0;
  for (int i = 0; i < p.seekers; ++i) {
    const int member = a.member_of_seeker[i];
    if (member < 0) continue;
    if (best[i] < 0 || ++load[member] > p.member_capacity[member]) return -1;
    total += best[i];
  }
  return total;
}

void Run(int seekers, int members, int degree) {
  const domain::AssignmentProblem p = Generate(seekers, members, degree, 42);
  auto start = Clock::now();
  const domain::Assignment ours = domain::SolveAssignment(p);
  const double our_seconds = Seconds(start);
  double lemon_seconds = 0;
  const int64_t reference = SolveWithLemon(p, &lemon_seconds);
  const int matched = static_cast<int>(std::count_if(
      ours.member_of_seeker.begin(), ours.member_of_seeker.end(), [](int m) { return m >= 0; }));
  std::printf(
      "%7d seekers x %6d members, %8zu pairs | tandem %8.3f s total %10lld matched %7d"
      " | LEMON %8.3f s total %10lld | %s, time ratio %.2fx\n",
      seekers, members, p.options.size(), our_seconds, static_cast<long long>(ours.total_score),
      matched, lemon_seconds, static_cast<long long>(reference),
      CheckedTotal(p, ours) != ours.total_score ? "INVALID"
      : ours.total_score == reference           ? "EQUAL"
                                                : "DIFFERENT",
      our_seconds / std::max(1e-9, lemon_seconds));
}

}  // namespace
}  // namespace tandem::bench

int main() {
  std::printf(
      "Batch matching: Tandem's assignment vs LEMON NetworkSimplex (50 allowed pairs per "
      "seeker, scores 0-119, capacities 1-6)\n");
  tandem::bench::Run(10000, 2000, 50);
  tandem::bench::Run(100000, 20000, 50);
  return 0;
}
