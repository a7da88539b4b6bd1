#pragma once

#include <grpcpp/support/status.h>

#include "absl/status/status.h"

namespace tandem::api {

/// The one mapping from absl::Status to grpc::Status. Codes carry over;
/// INTERNAL and UNKNOWN lose their detail (which the layer that made them
/// logged), so nothing internal reaches a client.
grpc::Status ToGrpcStatus(const absl::Status& status);

}  // namespace tandem::api
