#include "server/api/call_guard.h"

#include <chrono>
#include <string>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/time/clock.h"
#include "server/api/access_policy.h"
#include "shared/status_macros.h"

namespace tandem::api {
namespace {

constexpr absl::Duration kMaxCallTime = absl::Seconds(30);

absl::Status NoRule(absl::string_view method) {
  LogError(absl::StrCat("no access rule for ", method, "; refusing"));
  return absl::PermissionDeniedError("This call is not allowed.");
}

absl::Status CheckDeadline(const grpc::ServerContextBase* context) {
  if (context->IsCancelled() || CallGuard::Deadline(context) <= absl::Now()) {
    return absl::DeadlineExceededError("The call ran out of time before it could start.");
  }
  return absl::OkStatus();
}

}  // namespace

void CallerRegistry::Set(const grpc::ServerContextBase* call, int64_t account_id) {
  absl::MutexLock lock(&mu_);
  callers_[call] = account_id;
}

int64_t CallerRegistry::Take(const grpc::ServerContextBase* call) {
  absl::MutexLock lock(&mu_);
  const auto it = callers_.find(call);
  if (it == callers_.end()) return 0;
  const int64_t id = it->second;
  callers_.erase(it);
  return id;
}

absl::Time CallGuard::Deadline(const grpc::ServerContextBase* context) {
  const absl::Time cap = absl::Now() + kMaxCallTime;
  const auto deadline = context->deadline();
  if (deadline == std::chrono::system_clock::time_point::max()) return cap;
  return std::min(cap, absl::FromChrono(deadline));
}

domain::KeepGoing CallGuard::KeepGoing(const grpc::ServerContext* context) {
  return [context, deadline = Deadline(context)]() -> absl::Status {
    if (context->IsCancelled()) return absl::CancelledError("The call was cancelled.");
    if (absl::Now() >= deadline) {
      return absl::DeadlineExceededError(
          "The call ran out of time; nothing was changed. Try again, or with fewer at once.");
    }
    return absl::OkStatus();
  };
}

absl::Status CallGuard::CheckPublic(grpc::ServerContext* context, absl::string_view method) {
  const AccessRule* rule = FindAccessRule(method);
  if (rule == nullptr || !rule->is_public) return NoRule(method);
  return CheckDeadline(context);
}

absl::StatusOr<domain::Principal> CallGuard::Authorise(grpc::ServerContextBase* context,
                                                       absl::string_view method) {
  const AccessRule* rule = FindAccessRule(method);
  if (rule == nullptr || rule->is_public) return NoRule(method);

  const auto& metadata = context->client_metadata();
  const auto header = metadata.find("authorization");
  if (header == metadata.end()) {
    return absl::UnauthenticatedError("Please sign in: this call needs a bearer token.");
  }
  const absl::string_view value(header->second.data(), header->second.size());
  constexpr absl::string_view kBearer = "Bearer ";
  if (value.size() <= kBearer.size() || !absl::StartsWithIgnoreCase(value, kBearer)) {
    return absl::UnauthenticatedError(
        "The authorization header must be \"Bearer <token>\". Please sign in again.");
  }
  ASSIGN_OR_RETURN(domain::Principal caller,
                   authenticator_.Authenticate(value.substr(kBearer.size())));
  callers_.Set(context, caller.id());
  RETURN_IF_ERROR(CheckRoles(*rule, caller));
  RETURN_IF_ERROR(CheckDeadline(context));
  return caller;
}

}  // namespace tandem::api
