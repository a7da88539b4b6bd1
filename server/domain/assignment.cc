#include "server/domain/assignment.h"

#include <algorithm>
#include <limits>
#include <numeric>
#include <queue>

namespace tandem::domain {
namespace {

constexpr int64_t kInfinity = std::numeric_limits<int64_t>::max() / 4;
constexpr int kUnmatched = -1;

// Min-cost assignment of every seeker to one allowed member or to "nobody"
// (cost 0), members taking at most their capacity, by successive shortest
// paths: seekers are added one at a time and each added seeker's cheapest
// augmenting path is found with Dijkstra on reduced costs (the Hungarian
// method, generalised to capacities). Dijkstra stops as soon as the cheapest
// way out is known, and only the nodes it settled get new potentials, so
// each seeker usually costs a small part of the graph.
class Solver {
 public:
  Solver(int seekers, const std::vector<int>& capacity, const std::vector<PairOption>& options,
         const std::vector<int64_t>& cost)
      : n_(seekers),
        m_(static_cast<int>(capacity.size())),
        capacity_(capacity),
        load_(m_, 0),
        assigned_(n_, kUnmatched),
        holders_(m_),
        assigned_cost_(n_, 0),
        potential_(n_ + m_, 0),
        dist_(n_ + m_, kInfinity),
        pred_(n_ + m_, -1),
        settled_(n_ + m_, false) {
    // Allowed pairs in compressed rows per seeker.
    begin_.assign(n_ + 1, 0);
    for (const PairOption& o : options) ++begin_[o.seeker + 1];
    std::partial_sum(begin_.begin(), begin_.end(), begin_.begin());
    member_.resize(options.size());
    cost_.resize(options.size());
    std::vector<int> fill(begin_.begin(), begin_.end() - 1);
    for (size_t k = 0; k < options.size(); ++k) {
      const int at = fill[options[k].seeker]++;
      member_[at] = options[k].member;
      cost_[at] = cost[k];
    }
    // Potentials that make every reduced cost non-negative before any
    // assignment: 0 for seekers and "nobody", the cheapest incoming pair
    // (never above 0) for members.
    for (size_t k = 0; k < member_.size(); ++k) {
      potential_[n_ + member_[k]] = std::min(potential_[n_ + member_[k]], cost_[k]);
    }
    // The sink ("nobody", or a member's spare place) sits at or below every
    // node, and keeps its potential: Dijkstra always reaches it last.
    for (int j = 0; j < m_; ++j) sink_potential_ = std::min(sink_potential_, potential_[n_ + j]);
  }

  void Run() {
    // Any order gives the optimum; adding the seekers with the best pairs
    // first leaves fewer displacements for the rest.
    std::vector<int64_t> best(n_, 0);
    for (int i = 0; i < n_; ++i) {
      for (int k = begin_[i]; k < begin_[i + 1]; ++k) best[i] = std::min(best[i], cost_[k]);
    }
    std::vector<int> order(n_);
    std::iota(order.begin(), order.end(), 0);
    std::stable_sort(order.begin(), order.end(), [&](int a, int b) { return best[a] < best[b]; });
    for (int s : order) AddSeeker(s);
  }

  const std::vector<int>& assigned() const { return assigned_; }

  // With several options for one pair, the cheapest (best-scoring) counts.
  int64_t CheapestCost(int i, int member) const {
    int64_t best = kInfinity;
    for (int k = begin_[i]; k < begin_[i + 1]; ++k) {
      if (member_[k] == member) best = std::min(best, cost_[k]);
    }
    return best;
  }

 private:
  void AddSeeker(int s) {
    using Entry = std::pair<int64_t, int>;
    std::priority_queue<Entry, std::vector<Entry>, std::greater<>> queue;
    std::vector<int> touched;
    auto relax = [&](int v, int64_t d, int from) {
      if (d < dist_[v]) {
        if (dist_[v] == kInfinity) touched.push_back(v);
        dist_[v] = d;
        pred_[v] = from;
        queue.push({d, v});
      }
    };
    // Best way out so far: to "nobody" from a seeker, or to a member with
    // room. `exit_node` is the seeker or member it leaves from.
    int64_t exit_dist = kInfinity;
    int exit_node = -1;
    std::vector<int> settled;

    relax(s, 0, -1);
    while (!queue.empty()) {
      const auto [d, u] = queue.top();
      queue.pop();
      if (d != dist_[u] || settled_[u]) continue;
      if (d >= exit_dist) break;
      settled_[u] = true;
      settled.push_back(u);
      if (u < n_) {
        // A seeker: leave to "nobody" (cost 0), or take one of its allowed
        // members (not the one it holds).
        const int64_t out = d + potential_[u] - sink_potential_;
        if (out < exit_dist) {
          exit_dist = out;
          exit_node = u;
        }
        for (int k = begin_[u]; k < begin_[u + 1]; ++k) {
          const int j = member_[k];
          if (assigned_[u] == j) continue;
          relax(n_ + j, d + cost_[k] + potential_[u] - potential_[n_ + j], u);
        }
      } else {
        const int j = u - n_;
        if (load_[j] < capacity_[j]) {
          const int64_t out = d + potential_[u] - sink_potential_;
          if (out < exit_dist) {
            exit_dist = out;
            exit_node = u;
          }
        }
        // Move one of the member's current seekers elsewhere.
        for (int i : holders_[j]) {
          relax(i, d - assigned_cost_[i] + potential_[u] - potential_[i], u);
        }
      }
    }

    // New potentials: settled nodes closer than the exit move up to it.
    for (int v : settled) potential_[v] -= exit_dist - dist_[v];
    // Flip the path, from its end back to `s`.
    int node = exit_node;
    int next_member = kUnmatched;  // what `node` (a seeker) takes
    if (node >= n_) {
      next_member = node - n_;
      node = pred_[node];
    }
    while (node != -1) {
      const int i = node;  // a seeker on the path
      const int old = assigned_[i];
      if (old != kUnmatched) {
        auto& list = holders_[old];
        list.erase(std::find(list.begin(), list.end(), i));
        --load_[old];
      }
      assigned_[i] = next_member;
      if (next_member != kUnmatched) {
        holders_[next_member].push_back(i);
        ++load_[next_member];
        assigned_cost_[i] = CheapestCost(i, next_member);
      }
      // Back along the path: the member this seeker was reached from, and
      // the seeker before it, who takes that member.
      const int from = pred_[i];
      if (from == -1) break;
      next_member = from - n_;
      node = pred_[from];
    }
    for (int v : touched) {
      dist_[v] = kInfinity;
      pred_[v] = -1;
      settled_[v] = false;
    }
  }

  int n_, m_;
  std::vector<int> capacity_, load_, assigned_;
  std::vector<std::vector<int>> holders_;
  std::vector<int> begin_, member_;
  std::vector<int64_t> cost_;
  std::vector<int64_t> assigned_cost_;  // the cost of each seeker's pair
  std::vector<int64_t> potential_, dist_;
  int64_t sink_potential_ = 0;
  std::vector<int> pred_;
  std::vector<bool> settled_;
};

}  // namespace

Assignment SolveAssignment(const AssignmentProblem& problem) {
  const int seekers = problem.seekers;
  Assignment result;
  result.member_of_seeker.assign(seekers, kUnmatched);
  if (seekers == 0 || problem.member_capacity.empty()) return result;

  // Lexicographic objective in one integer: score first, then the priority
  // rank of each matched seeker (1..n, whose sum stays below the scale).
  std::vector<int> order(seekers);
  std::iota(order.begin(), order.end(), 0);
  std::sort(order.begin(), order.end(),
            [&](int a, int b) { return problem.seeker_priority[a] < problem.seeker_priority[b]; });
  std::vector<int64_t> rank(seekers);
  for (int r = 0; r < seekers; ++r) rank[order[r]] = r + 1;
  const int64_t scale = static_cast<int64_t>(seekers) * (seekers + 1) / 2 + 1;
  std::vector<int64_t> cost(problem.options.size());
  for (size_t k = 0; k < problem.options.size(); ++k) {
    const PairOption& o = problem.options[k];
    cost[k] = -(o.score * scale + rank[o.seeker]);
  }

  Solver solver(seekers, problem.member_capacity, problem.options, cost);
  solver.Run();
  result.member_of_seeker = solver.assigned();
  for (int i = 0; i < seekers; ++i) {
    const int member = result.member_of_seeker[i];
    if (member == kUnmatched) continue;
    result.total_score += (-solver.CheapestCost(i, member) - rank[i]) / scale;
  }
  return result;
}

}  // namespace tandem::domain
