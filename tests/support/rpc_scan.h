#pragma once

#include <grpcpp/grpcpp.h>

#include <map>
#include <memory>
#include <string>
#include <vector>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "google/protobuf/descriptor.h"
#include "google/protobuf/dynamic_message.h"
#include "tandem/v1/directory.pb.h"
#include "tandem/v1/goals.pb.h"
#include "tandem/v1/identity.pb.h"
#include "tandem/v1/matching.pb.h"
#include "tandem/v1/relationships.pb.h"
#include "tandem/v1/safeguarding.pb.h"
#include "tests/support/client.h"

namespace tandem::testing {

/// Calls every RPC of every tandem.v1 service as the holder of `token`,
/// with each request's int64 fields named in `ids` (e.g. "relationship_id")
/// set to the given values, and returns the methods whose response or error
/// message contains `marker`. SignOut and ChangePassword are skipped (they
/// would end the caller's session). Mutating RPCs may change state.
inline std::vector<std::string> MethodsRevealing(const std::shared_ptr<grpc::Channel>& channel,
                                                 const std::string& token,
                                                 const std::map<std::string, int64_t>& ids,
                                                 const std::string& marker, int* calls) {
  // Touch one message of each API file so that all of them are linked in
  // and registered in the generated pool.
  for (const auto* file :
       {v1::Account::descriptor()->file(), v1::Profile::descriptor()->file(),
        v1::SupportRequest::descriptor()->file(), v1::Relationship::descriptor()->file(),
        v1::Concern::descriptor()->file(), v1::Goal::descriptor()->file()}) {
    (void)file;
  }
  const auto* pool = google::protobuf::DescriptorPool::generated_pool();
  google::protobuf::DynamicMessageFactory factory(pool);
  std::vector<std::string> revealing;
  for (const char* service_name :
       {"tandem.v1.AuthService", "tandem.v1.AccountService", "tandem.v1.DirectoryService",
        "tandem.v1.MatchingService", "tandem.v1.RelationshipService",
        "tandem.v1.SafeguardingService", "tandem.v1.GoalService"}) {
    const auto* service = pool->FindServiceByName(service_name);
    if (service == nullptr) {
      revealing.push_back(absl::StrCat("missing service ", service_name));
      continue;
    }
    for (int m = 0; m < service->method_count(); ++m) {
      const auto* method = service->method(m);
      if (method->name() == "SignOut" || method->name() == "ChangePassword") continue;
      std::unique_ptr<google::protobuf::Message> request(
          factory.GetPrototype(method->input_type())->New());
      const auto* descriptor = request->GetDescriptor();
      for (int f = 0; f < descriptor->field_count(); ++f) {
        const auto* field = descriptor->field(f);
        const auto it = ids.find(field->name());
        if (it != ids.end() && !field->is_repeated() &&
            field->cpp_type() == google::protobuf::FieldDescriptor::CPPTYPE_INT64) {
          request->GetReflection()->SetInt64(request.get(), field, it->second);
        }
      }
      const std::string full = absl::StrCat("/", service->full_name(), "/", method->name());
      std::string response;
      const grpc::Status status =
          RawUnaryCall(channel, full, request->SerializeAsString(), token, &response);
      if (calls != nullptr) ++*calls;
      if (absl::StrContains(response, marker) ||
          absl::StrContains(status.error_message(), marker)) {
        revealing.push_back(full);
      }
    }
  }
  return revealing;
}

}  // namespace tandem::testing
