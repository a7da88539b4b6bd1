#pragma once

#include <grpcpp/support/server_interceptor.h>

#include "server/api/call_guard.h"

namespace tandem::api {

/// Writes one line per RPC to the log: method, status code, latency and the
/// caller's account id — never the request's content.
class LoggingInterceptorFactory final
    : public grpc::experimental::ServerInterceptorFactoryInterface {
 public:
  explicit LoggingInterceptorFactory(CallerRegistry& callers) : callers_(callers) {}
  grpc::experimental::Interceptor* CreateServerInterceptor(
      grpc::experimental::ServerRpcInfo* info) override;

 private:
  CallerRegistry& callers_;
};

}  // namespace tandem::api
