#include "server/api/status_mapping.h"

#include <string>

namespace tandem::api {

grpc::Status ToGrpcStatus(const absl::Status& status) {
  if (status.ok()) return grpc::Status::OK;
  const auto code = static_cast<grpc::StatusCode>(static_cast<int>(status.code()));
  if (code == grpc::StatusCode::INTERNAL || code == grpc::StatusCode::UNKNOWN ||
      code == grpc::StatusCode::DATA_LOSS) {
    return grpc::Status(grpc::StatusCode::INTERNAL,
                        "Something went wrong on the server. Please try again later.");
  }
  return grpc::Status(code, std::string(status.message()));
}

}  // namespace tandem::api
