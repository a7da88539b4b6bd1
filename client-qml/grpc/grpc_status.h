#pragma once

#include "common/result.h"

#include <grpcpp/support/status.h>

/// Whether a call needs a signed-in session; decides what UNAUTHENTICATED
/// means.
enum class CallAuth { Public, Authenticated };

/// Turns a failed gRPC status into a sentence a person can act on. The one
/// place that maps gRPC codes for the app.
BackendError errorFromStatus(const grpc::Status &status, const QString &address, CallAuth auth);
