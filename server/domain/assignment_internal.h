#pragma once

#include <cstdint>
#include <vector>

#include "server/domain/assignment.h"

/// Test hooks into the two stages of SolveAssignment (an ε-scaling auction,
/// then an exact repair by successive shortest paths; see assignment.cc), so
/// that tests can drive the exact stage from states the auction would rarely
/// leave. Not for production callers: use SolveAssignment.
namespace tandem::domain::assignment_internal {

/// SolveAssignment with the auction's resolution forced to `resolution` (a
/// power of two ≥ 1) instead of one above the number of nodes; small values
/// leave more of the work to the exact repair.
Assignment SolveWithResolution(const AssignmentProblem& problem, int64_t resolution);

/// The exact repair alone, started from an arbitrary state: a member (or -1)
/// per seeker, which need not be allowed nor fit, and a price per member in
/// the solver's value units (score × (n(n+1)/2 + 1) + priority rank);
/// negative prices count as 0.
Assignment RepairFrom(const AssignmentProblem& problem, const std::vector<int>& member_of_seeker,
                      const std::vector<int64_t>& member_price);

}  // namespace tandem::domain::assignment_internal
