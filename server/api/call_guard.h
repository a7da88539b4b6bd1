#pragma once

#include <grpcpp/server_context.h>

#include <cstdint>
#include <exception>

#include "absl/container/flat_hash_map.h"
#include "absl/status/statusor.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/string_view.h"
#include "absl/synchronization/mutex.h"
#include "absl/time/time.h"
#include "server/api/status_mapping.h"
#include "server/domain/authenticator.h"
#include "server/domain/keep_going.h"
#include "shared/logger.h"
#include "shared/status_macros.h"

namespace tandem::api {

/// Remembers who is making each call in flight, so the per-call log line
/// (written by the logging interceptor, which sees every call) can name the
/// caller without re-reading the token.
class CallerRegistry {
 public:
  void Set(const grpc::ServerContextBase* call, int64_t account_id);
  /// The caller of `call` (0 if none was recorded), forgetting it.
  int64_t Take(const grpc::ServerContextBase* call);

 private:
  absl::Mutex mu_;
  absl::flat_hash_map<const grpc::ServerContextBase*, int64_t> callers_ ABSL_GUARDED_BY(mu_);
};

/// Authentication and authorisation at the API edge: reads the bearer
/// token, applies the access policy, and runs a handler body with errors
/// mapped to grpc::Status and exceptions contained.
class CallGuard {
 public:
  CallGuard(domain::Authenticator& authenticator, CallerRegistry& callers)
      : authenticator_(authenticator), callers_(callers) {}

  /// For RPCs that need a signed-in caller. `body(const Principal&)`
  /// returns absl::Status.
  template <typename Body>
  grpc::Status Serve(grpc::ServerContext* context, absl::string_view method, Body&& body) {
    return Contain(method, [&]() -> absl::Status {
      ASSIGN_OR_RETURN(const domain::Principal caller, Authorise(context, method));
      return body(caller);
    });
  }

  /// For the public RPCs of the policy. `body()` returns absl::Status.
  template <typename Body>
  grpc::Status ServePublic(grpc::ServerContext* context, absl::string_view method, Body&& body) {
    return Contain(method, [&]() -> absl::Status {
      RETURN_IF_ERROR(CheckPublic(context, method));
      return body();
    });
  }

  /// For a stream served by the callback API: the signed-in caller allowed
  /// by the policy, or why not.
  absl::StatusOr<domain::Principal> AuthoriseStream(grpc::CallbackServerContext* context,
                                                    absl::string_view method) {
    return Authorise(context, method);
  }

  /// The call's deadline, capped so no call runs unbounded.
  static absl::Time Deadline(const grpc::ServerContextBase* context);
  /// For long domain work in the call: CANCELLED once the client went
  /// away, DEADLINE_EXCEEDED once Deadline(context), taken now, has passed.
  /// `context` must outlive it (it lives as long as the call).
  static domain::KeepGoing KeepGoing(const grpc::ServerContext* context);

 private:
  absl::StatusOr<domain::Principal> Authorise(grpc::ServerContextBase* context,
                                              absl::string_view method);
  absl::Status CheckPublic(grpc::ServerContext* context, absl::string_view method);

  template <typename Fn>
  grpc::Status Contain(absl::string_view method, Fn&& fn) {
    try {
      return ToGrpcStatus(fn());
    } catch (const std::exception& e) {
      LogError(absl::StrCat("exception in ", method, ": ", e.what()));
    } catch (...) {
      LogError(absl::StrCat("unknown exception in ", method));
    }
    return ToGrpcStatus(absl::InternalError("exception"));
  }

  domain::Authenticator& authenticator_;
  CallerRegistry& callers_;
};

}  // namespace tandem::api
