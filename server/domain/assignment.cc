#include "server/domain/assignment.h"

#include <algorithm>
#include <limits>
#include <numeric>
#include <queue>
#include <utility>

#include "server/domain/assignment_internal.h"

// The solver works on the min-cost flow model: every seeker sends one unit
// to a sink, either through one of its allowed members (gaining the pair's
// value, score × scale + rank) or directly ("nobody", value 0); member j
// passes at most capacity[j] units on. Two stages:
//
// 1. An auction with ε-scaling on the members' prices (Bertsekas' forward
//    auction for "similar objects", with reverse bids for the places left
//    vacant, which this asymmetric problem needs). Values are multiplied by
//    a resolution K above the number of nodes, so the last phase (ε = 1)
//    leaves every seeker within 1/K of its best option: ε-optimal with
//    ε < 1/nodes in the problem's own units.
// 2. An exact repair. ExactPrices rounds the auction's prices to the
//    problem's units so that, as node potentials, they give every residual
//    arc a non-negative reduced cost. Whatever does not fit that exactly is
//    taken apart: a seeker not exactly on a best option leaves its member (a
//    surplus), and a member with spare places and a positive price keeps its
//    arc to the sink saturated (a deficit). Successive shortest paths
//    (Dijkstra on reduced costs) then move each surplus to a deficit; a
//    pseudoflow with non-negative reduced costs stays so after every such
//    step, so the final flow is a min-cost flow whatever the auction left.
//    Exactness rests on this stage alone; the auction makes it short (on the
//    benchmark it has nothing left to do).
namespace tandem::domain {
namespace {

constexpr int kNobody = -1;  // the seeker is unmatched
constexpr int kFree = -2;    // the seeker still has to be placed
constexpr int64_t kInfinity = std::numeric_limits<int64_t>::max() / 4;
// ε-scaling divides ε by this much per phase.
constexpr int64_t kScalingFactor = 8;

// Asks `stop` once in `every` calls, so that asking costs nothing
// noticeable; once it said stop, says so for good.
class Poll {
 public:
  explicit Poll(StopSolving stop) : stop_(std::move(stop)) {}
  bool Stop(uint32_t every) {
    if (stopped_ || !stop_) return stopped_;
    if (++calls_ % every == 0) stopped_ = stop_();
    return stopped_;
  }
  bool stopped() const { return stopped_; }

 private:
  StopSolving stop_;
  uint32_t calls_ = 0;
  bool stopped_ = false;
};

// Allowed pairs in compressed rows per seeker; duplicate pairs merged (the
// best value counts) and pairs with members without places dropped.
struct Pairs {
  std::vector<int> begin;
  std::vector<int> member;
  std::vector<int64_t> value;
};

Pairs BuildPairs(const AssignmentProblem& problem, const std::vector<int64_t>& rank,
                 int64_t scale) {
  const int n = problem.seekers;
  const int m = static_cast<int>(problem.member_capacity.size());
  Pairs pairs;
  std::vector<int> count(n + 1, 0);
  for (const PairOption& o : problem.options) {
    if (problem.member_capacity[o.member] > 0) ++count[o.seeker + 1];
  }
  std::partial_sum(count.begin(), count.end(), count.begin());
  std::vector<int> member(count[n]);
  std::vector<int64_t> value(count[n]);
  std::vector<int> fill(count.begin(), count.end() - 1);
  for (const PairOption& o : problem.options) {
    if (problem.member_capacity[o.member] == 0) continue;
    const int at = fill[o.seeker]++;
    member[at] = o.member;
    value[at] = o.score * scale + rank[o.seeker];
  }
  // Merge duplicates: `seen[j]` is where member j went in the current row.
  std::vector<int> seen(m, -1);
  pairs.begin.assign(n + 1, 0);
  pairs.member.reserve(member.size());
  pairs.value.reserve(value.size());
  for (int i = 0; i < n; ++i) {
    const int row = static_cast<int>(pairs.member.size());
    for (int k = count[i]; k < count[i + 1]; ++k) {
      const int j = member[k];
      if (seen[j] >= row) {
        pairs.value[seen[j]] = std::max(pairs.value[seen[j]], value[k]);
        continue;
      }
      seen[j] = static_cast<int>(pairs.member.size());
      pairs.member.push_back(j);
      pairs.value.push_back(value[k]);
    }
    pairs.begin[i + 1] = static_cast<int>(pairs.member.size());
  }
  return pairs;
}

// Stage 1. Members are sets of places, each with its own price (Bertsekas'
// "similar objects"), kept as a min-heap per member so that a bid always
// takes the cheapest place and pushes out whoever held it. After the
// seekers' (forward) bids of a phase, a vacant place that still carries a
// price bids for a seeker in turn (reverse bids), so that no phase ends with
// spare places dearer than "nobody".
class Auction {
 public:
  Auction(const Pairs& pairs, const std::vector<int>& capacity, int64_t resolution, Poll& poll)
      : poll_(poll),
        pairs_(pairs),
        resolution_(resolution),
        n_(static_cast<int>(pairs.begin.size()) - 1),
        m_(static_cast<int>(capacity.size())),
        capacity_(capacity),
        place_begin_(m_ + 1, 0),
        member_of_(n_, kFree),
        arc_of_(n_, -1),
        place_of_(n_, -1),
        profit_(n_, 0),
        load_(m_, 0),
        min_price_(m_, 0),
        queued_(m_, false) {
    for (int j = 0; j < m_; ++j) place_begin_[j + 1] = place_begin_[j] + capacity_[j];
    place_price_.assign(place_begin_[m_], 0);
    place_holder_.assign(place_begin_[m_], -1);
  }

  void Run() {
    const int64_t top =
        pairs_.value.empty()
            ? 0
            : *std::max_element(pairs_.value.begin(), pairs_.value.end()) * resolution_;
    int64_t epsilon = std::max<int64_t>(1, top / kScalingFactor);
    while (true) {
      ForwardBids(epsilon);
      if (poll_.Stop(1)) return;
      ReverseBids(epsilon);
      if (epsilon == 1 || poll_.Stop(1)) break;
      epsilon = std::max<int64_t>(1, epsilon / kScalingFactor);
    }
  }

  const std::vector<int>& member_of() const { return member_of_; }
  const std::vector<int>& arc_of() const { return arc_of_; }
  const std::vector<int64_t>& min_price() const { return min_price_; }

 private:
  // Every seeker bids again, against the prices of the last phase.
  void ForwardBids(int64_t epsilon) {
    std::fill(place_holder_.begin(), place_holder_.end(), -1);
    std::fill(load_.begin(), load_.end(), 0);
    std::fill(member_of_.begin(), member_of_.end(), kFree);
    queue_.resize(n_);
    std::iota(queue_.begin(), queue_.end(), 0);
    size_t head = 0;
    while (head < queue_.size()) {
      if (poll_.Stop(4096)) return;
      const int pushed_out = Bid(queue_[head++], epsilon);
      if (pushed_out >= 0) queue_.push_back(pushed_out);
      if (head > static_cast<size_t>(n_) && head * 2 > queue_.size()) {
        queue_.erase(queue_.begin(), queue_.begin() + static_cast<std::ptrdiff_t>(head));
        head = 0;
      }
    }
  }

  // Seeker i takes its best option at a price that leaves it as happy with
  // its second best, raised by at least ε when that pushes someone out (so
  // that it is exactly on a best option unless the two tie). Returns the
  // seeker pushed out, or -1.
  int Bid(int i, int64_t epsilon) {
    int64_t best = 0;  // "nobody"
    int64_t second = std::numeric_limits<int64_t>::min();
    int best_arc = -1;
    for (int k = pairs_.begin[i]; k < pairs_.begin[i + 1]; ++k) {
      const int64_t v = Value(k) - min_price_[pairs_.member[k]];
      if (v > best) {
        second = best;
        best = v;
        best_arc = k;
      } else if (v > second) {
        second = v;
      }
    }
    if (best_arc < 0) {
      member_of_[i] = kNobody;
      profit_[i] = 0;
      return -1;
    }
    const int j = pairs_.member[best_arc];
    const int64_t value = Value(best_arc);
    const int base = place_begin_[j];
    // The member's next cheapest place is an option too.
    if (capacity_[j] > 1) {
      int64_t next = place_price_[base + 1];
      if (capacity_[j] > 2) next = std::min(next, place_price_[base + 2]);
      second = std::max(second, value - next);
    }
    const int pushed_out = place_holder_[base];
    const int64_t price = std::max(value - second, min_price_[j] + (pushed_out >= 0 ? epsilon : 0));
    if (pushed_out >= 0) {
      member_of_[pushed_out] = kFree;
    } else {
      ++load_[j];
    }
    Take(i, best_arc, base, price);
    return pushed_out;
  }

  // Seeker i takes the place at `at` (of the member of arc k) at `price`.
  void Take(int i, int k, int at, int64_t price) {
    const int j = pairs_.member[k];
    member_of_[i] = j;
    arc_of_[i] = k;
    profit_[i] = Value(k) - price;
    place_holder_[at] = i;
    place_of_[i] = at;
    SetPrice(j, at, price);
  }

  // Changes the price of the place at `at` and restores member j's heap.
  void SetPrice(int j, int at, int64_t price) {
    const int base = place_begin_[j];
    int pos = at - base;
    const int holder = place_holder_[at];
    while (pos > 0 && place_price_[base + (pos - 1) / 2] > price) {
      MovePlace(base, (pos - 1) / 2, pos);
      pos = (pos - 1) / 2;
    }
    PutPlace(base, pos, price, holder);
    SiftDown(j, pos);
    min_price_[j] = place_price_[base];
  }

  void SiftDown(int j, int pos) {
    const int base = place_begin_[j];
    const int size = capacity_[j];
    const int64_t price = place_price_[base + pos];
    const int holder = place_holder_[base + pos];
    while (true) {
      int child = 2 * pos + 1;
      if (child >= size) break;
      if (child + 1 < size && place_price_[base + child + 1] < place_price_[base + child]) ++child;
      if (place_price_[base + child] >= price) break;
      MovePlace(base, child, pos);
      pos = child;
    }
    PutPlace(base, pos, price, holder);
  }

  void MovePlace(int base, int from, int to) {
    PutPlace(base, to, place_price_[base + from], place_holder_[base + from]);
  }

  void PutPlace(int base, int pos, int64_t price, int holder) {
    place_price_[base + pos] = price;
    place_holder_[base + pos] = holder;
    if (holder >= 0) place_of_[holder] = base + pos;
  }

  // A member may end the forward bids with spare places that still carry a
  // price from an earlier phase. Such places bid for the seekers that gain
  // most by moving to them (Bertsekas' reverse auction): the v best move in
  // at a price leaving the runner-up (nearly) as happy, each gaining at least
  // ε, possibly freeing priced places elsewhere; places nobody wants at more
  // than ε drop to price 0.
  void ReverseBids(int64_t epsilon) {
    std::vector<int> queue;
    for (int j = 0; j < m_; ++j) {
      if (load_[j] < capacity_[j]) {
        queue.push_back(j);
        queued_[j] = true;
      }
    }
    for (size_t head = 0; head < queue.size(); ++head) {
      if (poll_.Stop(4096)) return;
      const int j = queue[head];
      queued_[j] = false;
      ReverseBid(j, epsilon, queue);
    }
    // One price per member for the next phase: its cheapest place's.
    for (int j = 0; j < m_; ++j) CapPrices(j, min_price_[j]);
  }

  void ReverseBid(int j, int64_t epsilon, std::vector<int>& queue) {
    vacant_.clear();
    for (int p = place_begin_[j]; p < place_begin_[j + 1]; ++p) {
      if (place_holder_[p] < 0 && place_price_[p] > 0) vacant_.push_back(p);
    }
    if (vacant_.empty()) return;
    if (seekers_of_begin_.empty()) BuildSeekersOf();
    candidates_.clear();
    for (int r = seekers_of_begin_[j]; r < seekers_of_begin_[j + 1]; ++r) {
      const int i = seekers_of_[r];
      if (member_of_[i] == j) continue;
      const int64_t gain = Value(arc_of_seeker_[r]) - profit_[i];
      if (gain > 0) candidates_.push_back({gain, r});
    }
    // The best `vacant_.size()` candidates first, then the runner-up.
    const size_t wanted = vacant_.size();
    int64_t runner_up = 0;
    auto by_gain = [](const std::pair<int64_t, int>& a, const std::pair<int64_t, int>& b) {
      return a.first > b.first;
    };
    if (candidates_.size() > wanted) {
      std::nth_element(candidates_.begin(),
                       candidates_.begin() + static_cast<std::ptrdiff_t>(wanted), candidates_.end(),
                       by_gain);
      runner_up = candidates_[wanted].first;
      candidates_.resize(wanted);
    }
    size_t movers = 0;
    int64_t lowest = std::numeric_limits<int64_t>::max();
    for (const auto& [gain, r] : candidates_) {
      if (gain < epsilon) continue;
      candidates_[movers++] = {gain, r};
      lowest = std::min(lowest, gain);
    }
    const int64_t price =
        movers < wanted ? 0 : std::max<int64_t>(0, std::min(runner_up, lowest - epsilon));
    for (size_t t = 0; t < movers; ++t) {
      const int r = candidates_[t].second;
      const int i = seekers_of_[r];
      const int old = member_of_[i];
      if (old >= 0) {
        const int old_at = place_of_[i];
        place_holder_[old_at] = -1;
        --load_[old];
        if (place_price_[old_at] > 0 && !queued_[old]) {
          queue.push_back(old);
          queued_[old] = true;
        }
      }
      const int at = vacant_[t];
      place_holder_[at] = i;
      place_of_[i] = at;
      member_of_[i] = j;
      arc_of_[i] = arc_of_seeker_[r];
      ++load_[j];
    }
    // The vacancies, filled or not, at `price`; every other place capped.
    CapPrices(j, price);
    for (int at : vacant_) place_price_[at] = price;
    for (size_t t = 0; t < movers; ++t) {
      const int i = place_holder_[vacant_[t]];
      profit_[i] = Value(arc_of_[i]) - price;
    }
    const int base = place_begin_[j];
    for (int pos = capacity_[j] / 2 - 1; pos >= 0; --pos) SiftDown(j, pos);
    min_price_[j] = place_price_[base];
  }

  // Lowers every place of member j to at most `price`. Only its holders
  // gain, and others see the member's cheapest place, so everyone stays
  // ε-happy; the heap order survives a monotone change.
  void CapPrices(int j, int64_t price) {
    if (capacity_[j] == 0) return;
    for (int p = place_begin_[j]; p < place_begin_[j + 1]; ++p) {
      if (place_price_[p] <= price) continue;
      if (place_holder_[p] >= 0) profit_[place_holder_[p]] += place_price_[p] - price;
      place_price_[p] = price;
    }
    min_price_[j] = place_price_[place_begin_[j]];
  }

  // The allowed pairs by member, built the first time a reverse bid needs
  // them.
  void BuildSeekersOf() {
    seekers_of_begin_.assign(m_ + 1, 0);
    for (int j : pairs_.member) ++seekers_of_begin_[j + 1];
    std::partial_sum(seekers_of_begin_.begin(), seekers_of_begin_.end(), seekers_of_begin_.begin());
    seekers_of_.resize(pairs_.member.size());
    arc_of_seeker_.resize(pairs_.member.size());
    std::vector<int> fill(seekers_of_begin_.begin(), seekers_of_begin_.end() - 1);
    for (int i = 0; i < n_; ++i) {
      for (int k = pairs_.begin[i]; k < pairs_.begin[i + 1]; ++k) {
        const int at = fill[pairs_.member[k]]++;
        seekers_of_[at] = i;
        arc_of_seeker_[at] = k;
      }
    }
  }

  // A pair's value, in units of 1 / resolution_.
  int64_t Value(int k) const { return pairs_.value[k] * resolution_; }

  Poll& poll_;
  const Pairs& pairs_;
  const int64_t resolution_;
  const int n_, m_;
  const std::vector<int>& capacity_;
  std::vector<int> place_begin_;
  std::vector<int64_t> place_price_;
  std::vector<int> place_holder_;
  std::vector<int> member_of_, arc_of_, place_of_;
  std::vector<int64_t> profit_;
  std::vector<int> load_;
  std::vector<int64_t> min_price_;
  std::vector<bool> queued_;
  std::vector<int> queue_;
  std::vector<int> seekers_of_begin_, seekers_of_, arc_of_seeker_;
  std::vector<int> vacant_;
  std::vector<std::pair<int64_t, int>> candidates_;
};

// The auction's resolution: values are multiplied by a power of two K above
// the number of nodes, so that its final ε = 1 is below 1/nodes in the
// problem's own units and ExactPrices can round its prices to exact ones;
// smaller (down to 1) where that would overflow, leaving more to the repair.
int64_t ChooseResolution(int64_t top, int64_t nodes) {
  constexpr int64_t kLimit = int64_t{1} << 60;
  int64_t resolution = 1;
  while (resolution <= nodes && top <= kLimit / (2 * resolution)) resolution *= 2;
  return resolution;
}

// Member prices in the problem's units. With a node potential φ(v) for every
// node (a seeker's profit, minus a member's price, 0 at the sink) in units of
// 1/K under which every residual arc costs at least −1/K, the potentials
// ⌊(φ(v) + θ)/K⌋ leave no residual arc negative as long as no φ(v) + θ is
// ≡ K − 1 (mod K): a reduced cost K·c + r(u) − r(v) ≥ −1 with remainders
// r ≤ K − 2 forces c' ≥ 0. There are fewer nodes than K, so some θ works.
// (Where the auction is off by more than ε, or K is too small, the repair's
// exact check catches it.)
std::vector<int64_t> ExactPrices(const Pairs& pairs, const Auction& auction, int64_t resolution) {
  std::vector<int64_t> price = auction.min_price();
  if (resolution == 1) return price;
  std::vector<bool> taken(resolution, false);
  auto take = [&](int64_t phi) { taken[(resolution - 1 - phi) & (resolution - 1)] = true; };
  take(0);  // the sink and the unmatched seekers
  for (int64_t p : price) take(-p);
  const std::vector<int>& member_of = auction.member_of();
  for (size_t i = 0; i < member_of.size(); ++i) {
    const int j = member_of[i];
    if (j >= 0) take(pairs.value[auction.arc_of()[i]] * resolution - price[j]);
  }
  int64_t theta = 0;
  while (theta < resolution && taken[theta]) ++theta;
  if (theta == resolution) theta = 0;
  int shift = 0;
  while ((int64_t{1} << shift) < resolution) ++shift;
  // ⌊x/K⌋ as an arithmetic shift, also for negative x.
  for (int64_t& p : price) p = -((theta - p) >> shift);
  return price;
}

// Stage 2: nodes are the seekers (0..n-1), the members (n..n+m-1) and the
// sink (n+m); `potential_` is in min-cost terms (the cost of a pair is minus
// its value), so a seeker's potential is its profit and a member's is minus
// its price. Reduced cost of an arc u→v: cost + potential[u] − potential[v].
class Repair {
 public:
  Repair(const Pairs& pairs, const std::vector<int>& capacity, const std::vector<int>& member_of,
         const std::vector<int>& arc_of, std::vector<int64_t> price, Poll& poll)
      : poll_(poll),
        pairs_(pairs),
        n_(static_cast<int>(pairs.begin.size()) - 1),
        m_(static_cast<int>(capacity.size())),
        sink_(n_ + m_),
        capacity_(capacity),
        member_of_(member_of),
        value_of_(n_, 0),
        holders_(m_),
        load_(m_, 0),
        flow_(m_, 0),
        potential_(n_ + m_ + 1, 0),
        dist_(n_ + m_ + 1, kInfinity),
        pred_(n_ + m_ + 1, -1),
        pred_arc_(n_ + m_ + 1, -1),
        settled_(n_ + m_ + 1, false) {
    // Seekers not exactly on a best option (or beyond a member's places)
    // start over.
    for (int i = 0; i < n_; ++i) {
      int64_t best = 0;
      for (int k = pairs_.begin[i]; k < pairs_.begin[i + 1]; ++k) {
        best = std::max(best, pairs_.value[k] - price[pairs_.member[k]]);
      }
      const int j = member_of_[i];
      if (j >= 0 && load_[j] < capacity_[j]) {
        value_of_[i] = pairs_.value[arc_of[i]];
        if (value_of_[i] - price[j] == best) {
          holders_[j].push_back(i);
          ++load_[j];
          potential_[i] = best;
          continue;
        }
      } else if (j == kNobody && best == 0) {
        continue;
      }
      member_of_[i] = kFree;
      surplus_.push_back(i);
    }
    // A member with spare places must not be dearer than "nobody": lower its
    // price as far as every other seeker's exact happiness allows; what stays
    // positive becomes a deficit (the arc to the sink is saturated).
    std::vector<int64_t> ceiling(m_, -1);
    bool any = false;
    for (int j = 0; j < m_; ++j) {
      if (load_[j] < capacity_[j] && price[j] > 0) {
        ceiling[j] = 0;
        any = true;
      }
    }
    if (any) {
      for (int i = 0; i < n_; ++i) {
        if (member_of_[i] == kFree) continue;
        for (int k = pairs_.begin[i]; k < pairs_.begin[i + 1]; ++k) {
          const int j = pairs_.member[k];
          if (ceiling[j] < 0 || member_of_[i] == j) continue;
          ceiling[j] = std::max(ceiling[j], pairs_.value[k] - potential_[i]);
        }
      }
    }
    int nobody = 0;
    for (int i = 0; i < n_; ++i) nobody += member_of_[i] == kNobody;
    int64_t inflow = nobody;
    for (int j = 0; j < m_; ++j) {
      if (ceiling[j] >= 0 && ceiling[j] < price[j]) {
        price[j] = ceiling[j];
        for (int h : holders_[j]) potential_[h] = value_of_[h] - price[j];
      }
      flow_[j] = price[j] > 0 ? capacity_[j] : load_[j];
      inflow += flow_[j];
      potential_[n_ + j] = -price[j];
    }
    sink_surplus_ = inflow - n_;
    for (int i : surplus_) {
      int64_t best = 0;
      for (int k = pairs_.begin[i]; k < pairs_.begin[i + 1]; ++k) {
        best = std::max(best, pairs_.value[k] - price[pairs_.member[k]]);
      }
      potential_[i] = best;
    }
  }

  void Run() {
    while (!poll_.Stop(64)) {
      int source;
      if (!surplus_.empty()) {
        source = surplus_.back();
        surplus_.pop_back();
      } else if (sink_surplus_ > 0) {
        source = sink_;
      } else {
        break;
      }
      // A path always exists (a feasible flow does); should it not, the
      // seeker stays unmatched rather than the loop spinning.
      if (!Augment(source)) break;
    }
  }

  const std::vector<int>& member_of() const { return member_of_; }
  const std::vector<int64_t>& value_of() const { return value_of_; }

 private:
  bool IsTarget(int v) const {
    if (v == sink_) return sink_surplus_ < 0;
    return v >= n_ && load_[v - n_] < flow_[v - n_];
  }

  // One shortest path from `source` to the nearest deficit; flips it and
  // updates the potentials of the nodes settled before the deficit.
  bool Augment(int source) {
    using Entry = std::pair<int64_t, int>;
    std::priority_queue<Entry, std::vector<Entry>, std::greater<>> queue;
    touched_.clear();
    settled_list_.clear();
    // Reduced costs are non-negative, so a settled node never improves;
    // the check keeps the path a tree even if that were ever broken.
    auto relax = [&](int v, int64_t d, int from, int arc) {
      if (d < dist_[v] && !settled_[v]) {
        if (dist_[v] == kInfinity) touched_.push_back(v);
        dist_[v] = d;
        pred_[v] = from;
        pred_arc_[v] = arc;
        queue.push({d, v});
      }
    };
    relax(source, 0, -1, -1);
    int target = -1;
    while (!queue.empty()) {
      const auto [d, u] = queue.top();
      queue.pop();
      if (d != dist_[u] || settled_[u]) continue;
      if (u != source && IsTarget(u)) {
        target = u;
        break;
      }
      settled_[u] = true;
      settled_list_.push_back(u);
      const int64_t pu = potential_[u];
      if (u < n_) {
        const int own = member_of_[u];
        for (int k = pairs_.begin[u]; k < pairs_.begin[u + 1]; ++k) {
          const int j = pairs_.member[k];
          if (j == own) continue;
          relax(n_ + j, d - pairs_.value[k] + pu - potential_[n_ + j], u, k);
        }
        if (own != kNobody) relax(sink_, d + pu - potential_[sink_], u, -1);
      } else if (u < sink_) {
        const int j = u - n_;
        for (int h : holders_[j]) relax(h, d + value_of_[h] + pu - potential_[h], u, -1);
        if (flow_[j] < capacity_[j]) relax(sink_, d + pu - potential_[sink_], u, -1);
      } else {
        for (int j = 0; j < m_; ++j) {
          if (flow_[j] > 0) relax(n_ + j, d + pu - potential_[n_ + j], u, -1);
        }
        for (int i = 0; i < n_; ++i) {
          if (member_of_[i] == kNobody) relax(i, d + pu - potential_[i], u, -1);
        }
      }
    }
    if (target >= 0) {
      const int64_t reach = dist_[target];
      for (int v : settled_list_) potential_[v] -= reach - dist_[v];
      // Keep the sink at 0, which bounds every potential by the values (a
      // shift changes no reduced cost; this search already paid O(nodes)
      // for the sink's arcs).
      if (const int64_t shift = potential_[sink_]; shift != 0) {
        for (int64_t& p : potential_) p -= shift;
      }
      Flip(source, target);
    }
    for (int v : touched_) {
      dist_[v] = kInfinity;
      pred_[v] = -1;
      pred_arc_[v] = -1;
      settled_[v] = false;
    }
    return target >= 0;
  }

  // Applies the path, arc by arc from the target back to the source; a
  // seeker's new state (its out-arc) is set before its old one is undone.
  void Flip(int source, int target) {
    if (source == sink_) --sink_surplus_;
    if (target == sink_) ++sink_surplus_;
    int v = target;
    while (v != source) {
      const int u = pred_[v];
      if (u < n_) {
        if (v == sink_) {
          member_of_[u] = kNobody;
        } else {
          const int j = v - n_;
          member_of_[u] = j;
          value_of_[u] = pairs_.value[pred_arc_[v]];
          holders_[j].push_back(u);
          ++load_[j];
        }
      } else if (u < sink_) {
        const int j = u - n_;
        if (v == sink_) {
          ++flow_[j];
        } else {
          auto& list = holders_[j];
          list.erase(std::find(list.begin(), list.end(), v));
          --load_[j];
        }
      } else if (v >= n_) {
        --flow_[v - n_];
      }
      v = u;
    }
  }

  Poll& poll_;
  const Pairs& pairs_;
  const int n_, m_, sink_;
  const std::vector<int>& capacity_;
  std::vector<int> member_of_;
  std::vector<int64_t> value_of_;  // the value of each seeker's pair
  std::vector<std::vector<int>> holders_;
  std::vector<int> load_;  // seekers on each member
  std::vector<int> flow_;  // units from each member to the sink
  std::vector<int> surplus_;
  int64_t sink_surplus_ = 0;  // units into the sink beyond the n it takes
  std::vector<int64_t> potential_, dist_;
  std::vector<int> pred_, pred_arc_;
  std::vector<bool> settled_;
  std::vector<int> touched_, settled_list_;
};

// The lexicographic objective in one integer per pair: score × scale +
// the seeker's priority rank (1..n, whose sum stays below the scale).
struct Objective {
  std::vector<int64_t> rank;
  int64_t scale = 1;
};

Objective MakeObjective(const AssignmentProblem& problem) {
  const int seekers = problem.seekers;
  std::vector<int> order(seekers);
  std::iota(order.begin(), order.end(), 0);
  std::sort(order.begin(), order.end(),
            [&](int a, int b) { return problem.seeker_priority[a] < problem.seeker_priority[b]; });
  Objective objective;
  objective.rank.resize(seekers);
  for (int r = 0; r < seekers; ++r) objective.rank[order[r]] = r + 1;
  objective.scale = static_cast<int64_t>(seekers) * (seekers + 1) / 2 + 1;
  return objective;
}

Assignment ToAssignment(const Repair& repair, const Objective& objective) {
  Assignment result;
  result.member_of_seeker = repair.member_of();
  for (size_t i = 0; i < result.member_of_seeker.size(); ++i) {
    int& member = result.member_of_seeker[i];
    if (member < 0) {
      member = kNobody;
      continue;
    }
    result.total_score += (repair.value_of()[i] - objective.rank[i]) / objective.scale;
  }
  return result;
}

bool Trivial(const AssignmentProblem& problem) {
  return problem.seekers == 0 || problem.member_capacity.empty();
}

Assignment Stopped(const AssignmentProblem& problem) {
  return {std::vector<int>(problem.seekers, kNobody), 0, /*stopped=*/true};
}

// `resolution` 0 picks it with ChooseResolution; otherwise a power of two.
Assignment Solve(const AssignmentProblem& problem, int64_t resolution, const StopSolving& stop) {
  if (Trivial(problem)) return {std::vector<int>(problem.seekers, kNobody), 0};
  Poll poll(stop);
  const Objective objective = MakeObjective(problem);
  const Pairs pairs = BuildPairs(problem, objective.rank, objective.scale);
  if (resolution == 0) {
    const int64_t top =
        pairs.value.empty() ? 0 : *std::max_element(pairs.value.begin(), pairs.value.end());
    resolution =
        ChooseResolution(top, static_cast<int64_t>(problem.seekers) +
                                  static_cast<int64_t>(problem.member_capacity.size()) + 1);
  }
  Auction auction(pairs, problem.member_capacity, resolution, poll);
  auction.Run();
  if (poll.stopped()) return Stopped(problem);
  Repair repair(pairs, problem.member_capacity, auction.member_of(), auction.arc_of(),
                ExactPrices(pairs, auction, resolution), poll);
  repair.Run();
  if (poll.stopped()) return Stopped(problem);
  return ToAssignment(repair, objective);
}

}  // namespace

Assignment SolveAssignment(const AssignmentProblem& problem, const StopSolving& stop) {
  return Solve(problem, 0, stop);
}

namespace assignment_internal {

Assignment SolveWithResolution(const AssignmentProblem& problem, int64_t resolution) {
  return Solve(problem, resolution, {});
}

Assignment RepairFrom(const AssignmentProblem& problem, const std::vector<int>& member_of_seeker,
                      const std::vector<int64_t>& member_price) {
  if (Trivial(problem)) return {std::vector<int>(problem.seekers, kNobody), 0};
  const Objective objective = MakeObjective(problem);
  const Pairs pairs = BuildPairs(problem, objective.rank, objective.scale);
  const int m = static_cast<int>(problem.member_capacity.size());
  // Keep the allowed pairs (Repair drops what does not fit); everyone else
  // starts as a surplus.
  std::vector<int> member_of(problem.seekers, kFree), arc_of(problem.seekers, -1);
  for (int i = 0; i < problem.seekers && i < static_cast<int>(member_of_seeker.size()); ++i) {
    const int j = member_of_seeker[i];
    if (j == kNobody) member_of[i] = kNobody;
    if (j < 0 || j >= m) continue;
    for (int k = pairs.begin[i]; k < pairs.begin[i + 1]; ++k) {
      if (pairs.member[k] != j) continue;
      member_of[i] = j;
      arc_of[i] = k;
    }
  }
  std::vector<int64_t> price(m, 0);
  for (int j = 0; j < m && j < static_cast<int>(member_price.size()); ++j) {
    price[j] = std::max<int64_t>(0, member_price[j]);
  }
  Poll never(nullptr);
  Repair repair(pairs, problem.member_capacity, member_of, arc_of, std::move(price), never);
  repair.Run();
  return ToAssignment(repair, objective);
}

}  // namespace assignment_internal
}  // namespace tandem::domain
