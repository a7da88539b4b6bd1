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
#include "tandem/v1/activity.pb.h"
#include "tandem/v1/directory.pb.h"
#include "tandem/v1/goals.pb.h"
#include "tandem/v1/identity.pb.h"
#include "tandem/v1/matching.pb.h"
#include "tandem/v1/notifications.pb.h"
#include "tandem/v1/relationships.pb.h"
#include "tandem/v1/safeguarding.pb.h"
#include "tests/support/client.h"

namespace tandem::testing {

/// Calls every RPC of every tandem.v1 service as the holder of `token`,
/// with each request's int64 fields named in `ids` (e.g. "relationship_id")
/// set to the given values, and returns the methods whose response or error
/// message contains `marker`. String fields named in `texts` (e.g. "month")
/// and enum fields named in `enums` (by number) are set too, inside nested
/// messages as well (a figures request's period). SignOut and
/// ChangePassword are skipped (they would end the caller's session).
/// Mutating RPCs may change state.
struct ScanFields {
  std::map<std::string, int64_t> ids;
  std::map<std::string, std::string> texts;
  std::map<std::string, int> enums;
};

inline void FillNamedFields(google::protobuf::Message* message, const ScanFields& fields,
                            int depth = 0) {
  const auto* descriptor = message->GetDescriptor();
  const auto* reflection = message->GetReflection();
  for (int f = 0; f < descriptor->field_count(); ++f) {
    const auto* field = descriptor->field(f);
    if (field->is_repeated()) continue;
    switch (field->cpp_type()) {
      case google::protobuf::FieldDescriptor::CPPTYPE_INT64:
        if (const auto it = fields.ids.find(field->name()); it != fields.ids.end()) {
          reflection->SetInt64(message, field, it->second);
        }
        break;
      case google::protobuf::FieldDescriptor::CPPTYPE_STRING:
        if (const auto it = fields.texts.find(field->name()); it != fields.texts.end()) {
          reflection->SetString(message, field, it->second);
        }
        break;
      case google::protobuf::FieldDescriptor::CPPTYPE_ENUM:
        if (const auto it = fields.enums.find(field->name()); it != fields.enums.end()) {
          reflection->SetEnumValue(message, field, it->second);
        }
        break;
      case google::protobuf::FieldDescriptor::CPPTYPE_MESSAGE:
        if (depth < 2)
          FillNamedFields(reflection->MutableMessage(message, field), fields, depth + 1);
        break;
      default:
        break;
    }
  }
}

inline std::vector<std::string> MethodsRevealing(const std::shared_ptr<grpc::Channel>& channel,
                                                 const std::string& token, const ScanFields& fields,
                                                 const std::string& marker, int* calls) {
  // Touch one message of each API file so that all of them are linked in
  // and registered in the generated pool.
  for (const auto* file :
       {v1::Account::descriptor()->file(), v1::Profile::descriptor()->file(),
        v1::SupportRequest::descriptor()->file(), v1::Relationship::descriptor()->file(),
        v1::Concern::descriptor()->file(), v1::Goal::descriptor()->file(),
        v1::MonthlyReturn::descriptor()->file(), v1::Notification::descriptor()->file()}) {
    (void)file;
  }
  const auto* pool = google::protobuf::DescriptorPool::generated_pool();
  google::protobuf::DynamicMessageFactory factory(pool);
  std::vector<std::string> revealing;
  for (const char* service_name :
       {"tandem.v1.AuthService", "tandem.v1.AccountService", "tandem.v1.DirectoryService",
        "tandem.v1.MatchingService", "tandem.v1.RelationshipService",
        "tandem.v1.SafeguardingService", "tandem.v1.GoalService", "tandem.v1.ActivityService",
        "tandem.v1.FiguresService", "tandem.v1.ReachService", "tandem.v1.NotificationService"}) {
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
      FillNamedFields(request.get(), fields);
      const std::string full = absl::StrCat("/", service->full_name(), "/", method->name());
      std::string response;
      grpc::Status status;
      if (method->server_streaming()) {
        // What the stream sends at once (a live feed stays open).
        std::vector<std::string> messages;
        status = RawStreamCall(channel, full, request->SerializeAsString(), token, &messages,
                               std::chrono::milliseconds(500));
        for (const std::string& message : messages) response += message;
      } else {
        status = RawUnaryCall(channel, full, request->SerializeAsString(), token, &response);
      }
      if (calls != nullptr) ++*calls;
      if (absl::StrContains(response, marker) ||
          absl::StrContains(status.error_message(), marker)) {
        revealing.push_back(full);
      }
    }
  }
  return revealing;
}

/// As above, setting int64 fields only.
inline std::vector<std::string> MethodsRevealing(const std::shared_ptr<grpc::Channel>& channel,
                                                 const std::string& token,
                                                 const std::map<std::string, int64_t>& ids,
                                                 const std::string& marker, int* calls) {
  return MethodsRevealing(channel, token, ScanFields{.ids = ids}, marker, calls);
}

}  // namespace tandem::testing
