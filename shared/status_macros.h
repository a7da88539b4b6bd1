#pragma once

// Abseil 20220623 ships no status macros; these are the two we use.

#include "absl/status/status.h"
#include "absl/status/statusor.h"

#define TANDEM_CONCAT_INNER_(a, b) a##b
#define TANDEM_CONCAT_(a, b) TANDEM_CONCAT_INNER_(a, b)

/// Returns from the enclosing function if `expr` (an absl::Status) is not OK.
#define RETURN_IF_ERROR(expr) \
  TANDEM_RETURN_IF_ERROR_IMPL_(TANDEM_CONCAT_(tandem_status_, __COUNTER__), expr)

#define TANDEM_RETURN_IF_ERROR_IMPL_(status, expr) \
  do {                                             \
    ::absl::Status status = (expr);                \
    if (!status.ok()) {                            \
      return status;                               \
    }                                              \
  } while (false)

/// `ASSIGN_OR_RETURN(auto x, StatusOrExpr());` — declares/assigns `x` from the
/// value, or returns the error status from the enclosing function.
#define ASSIGN_OR_RETURN(lhs, expr) \
  TANDEM_ASSIGN_OR_RETURN_IMPL_(TANDEM_CONCAT_(tandem_statusor_, __COUNTER__), lhs, expr)

#define TANDEM_ASSIGN_OR_RETURN_IMPL_(statusor, lhs, expr) \
  auto statusor = (expr);                                  \
  if (!statusor.ok()) {                                    \
    return std::move(statusor).status();                   \
  }                                                        \
  lhs = *std::move(statusor)
