#pragma once

#include "common/result.h"

#include <grpcpp/support/status.h>

/// Whether a call needs a signed-in session; decides what UNAUTHENTICATED
/// means.
enum class CallAuth { Public, Authenticated };

/// Turns a failed gRPC status into a sentence a person can act on, without
/// the server's address or the field names of the API (a refusal's field
/// goes to BackendError::field). The one place that maps gRPC codes for the
/// app.
BackendError errorFromStatus(const grpc::Status &status, CallAuth auth);
