#pragma once

#include <cstdint>
#include <functional>
#include <vector>

/// The batch assignment behind "Run matching" (issue 4 groundwork): for
/// everyone waiting, the set of pairs that maximises the total score subject
/// to every pool member's capacity — exact, as a min-cost flow on the sparse
/// graph of allowed pairs: an ε-scaling auction finds near-optimal prices
/// fast, and successive shortest paths make the result exact. Pure: no I/O.
namespace tandem::domain {

/// One allowed pair (the hard rules hold) and its score (≥ 0).
struct PairOption {
  int seeker = 0;
  int member = 0;
  int64_t score = 0;
};

struct AssignmentProblem {
  int seekers = 0;
  /// Spare places of each pool member (≥ 0).
  std::vector<int> member_capacity;
  /// Ties between equally good assignments go to the seekers with the
  /// higher priority (how long they have waited); one value per seeker, all
  /// distinct for a deterministic answer.
  std::vector<int64_t> seeker_priority;
  /// In any order; a pair listed more than once counts with its best score.
  std::vector<PairOption> options;
};

struct Assignment {
  /// Index into `member_capacity` for each seeker, or -1 when unmatched.
  std::vector<int> member_of_seeker;
  int64_t total_score = 0;
  /// True when `stop` ended the work first: the rest is then meaningless
  /// (nobody matched).
  bool stopped = false;
};

/// Asked now and then while solving; true ends the work (the caller's time
/// is up or it went away). Empty: never.
using StopSolving = std::function<bool()>;

/// Solves `problem` exactly: the highest total score; among assignments with
/// that total, the highest sum of the matched seekers' priority ranks (1 for
/// the lowest priority … n for the highest), so longer waiters win ties and
/// a seeker with an allowed pair is matched whenever that costs no score.
/// Scores must be in [0, 2^16) and there must be at most 2^20 seekers.
/// `stop` is asked every few thousand steps of the solver.
Assignment SolveAssignment(const AssignmentProblem& problem, const StopSolving& stop = {});

}  // namespace tandem::domain
