#include "server/api/logging_interceptor.h"

#include <string>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/time/clock.h"
#include "shared/logger.h"

namespace tandem::api {
namespace {

const char* CodeName(grpc::StatusCode code) {
  switch (code) {
    case grpc::StatusCode::OK:
      return "OK";
    case grpc::StatusCode::CANCELLED:
      return "CANCELLED";
    case grpc::StatusCode::UNKNOWN:
      return "UNKNOWN";
    case grpc::StatusCode::INVALID_ARGUMENT:
      return "INVALID_ARGUMENT";
    case grpc::StatusCode::DEADLINE_EXCEEDED:
      return "DEADLINE_EXCEEDED";
    case grpc::StatusCode::NOT_FOUND:
      return "NOT_FOUND";
    case grpc::StatusCode::ALREADY_EXISTS:
      return "ALREADY_EXISTS";
    case grpc::StatusCode::PERMISSION_DENIED:
      return "PERMISSION_DENIED";
    case grpc::StatusCode::RESOURCE_EXHAUSTED:
      return "RESOURCE_EXHAUSTED";
    case grpc::StatusCode::FAILED_PRECONDITION:
      return "FAILED_PRECONDITION";
    case grpc::StatusCode::ABORTED:
      return "ABORTED";
    case grpc::StatusCode::OUT_OF_RANGE:
      return "OUT_OF_RANGE";
    case grpc::StatusCode::UNIMPLEMENTED:
      return "UNIMPLEMENTED";
    case grpc::StatusCode::INTERNAL:
      return "INTERNAL";
    case grpc::StatusCode::UNAVAILABLE:
      return "UNAVAILABLE";
    case grpc::StatusCode::DATA_LOSS:
      return "DATA_LOSS";
    case grpc::StatusCode::UNAUTHENTICATED:
      return "UNAUTHENTICATED";
    default:
      return "?";
  }
}

class LoggingInterceptor final : public grpc::experimental::Interceptor {
 public:
  LoggingInterceptor(grpc::experimental::ServerRpcInfo* info, CallerRegistry& callers)
      : method_(info->method() != nullptr ? info->method() : "?"),
        call_(info->server_context()),
        callers_(callers),
        start_(absl::Now()) {}

  ~LoggingInterceptor() override {
    // A call that never reached the status hook still drops its entry.
    callers_.Take(call_);
  }

  void Intercept(grpc::experimental::InterceptorBatchMethods* methods) override {
    using grpc::experimental::InterceptionHookPoints;
    if (methods->QueryInterceptionHookPoint(InterceptionHookPoints::PRE_SEND_STATUS)) {
      const grpc::Status status = methods->GetSendStatus();
      const int64_t caller = callers_.Take(call_);
      LogInfo(absl::StrFormat("rpc method=%s code=%s latency_ms=%.1f user=%s", method_,
                              CodeName(status.error_code()),
                              absl::ToDoubleMilliseconds(absl::Now() - start_),
                              caller != 0 ? absl::StrCat(caller) : "-"));
    }
    methods->Proceed();
  }

 private:
  std::string method_;
  const grpc::ServerContextBase* call_;
  CallerRegistry& callers_;
  absl::Time start_;
};

}  // namespace

grpc::experimental::Interceptor* LoggingInterceptorFactory::CreateServerInterceptor(
    grpc::experimental::ServerRpcInfo* info) {
  return new LoggingInterceptor(info, callers_);
}

}  // namespace tandem::api
