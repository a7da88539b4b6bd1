#pragma once

#include <optional>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/string_view.h"
#include "google/protobuf/message.h"
#include "google/protobuf/repeated_field.h"
#include "server/domain/directory.h"
#include "server/domain/identity.h"
#include "server/domain/relationship.h"
#include "server/domain/request.h"
#include "server/domain/session.h"
#include "server/domain/write_receipt.h"
#include "shared/status_macros.h"
#include "tandem/v1/directory.pb.h"
#include "tandem/v1/identity.pb.h"
#include "tandem/v1/matching.pb.h"
#include "tandem/v1/relationships.pb.h"

/// Conversions between tandem.v1 messages and domain types.
namespace tandem::api {

void ToProto(const domain::Account& account, v1::Account* out);
void ToProto(const domain::Organisation& organisation, v1::Organisation* out);
/// A profile as the viewer may see it: private fields only with full access.
void ToProto(const domain::ProfileView& view, v1::Profile* out);
/// INVALID_ARGUMENT naming `field` for ROLE_UNSPECIFIED or an unknown value.
void ToProto(const domain::SupportRequest& request, v1::SupportRequest* out);
/// A session as its viewer may see it (private notes only in the author's).
void ToProto(const domain::SessionView& view, v1::Session* out);
/// A relationship as `viewer` sees it (their part in it filled in).
void ToProto(const domain::Relationship& relationship, const domain::Principal& viewer,
             v1::Relationship* out);
/// The digest of a request kept with its idempotency key: its type and its
/// deterministic serialisation.
std::string RequestDigest(const google::protobuf::Message& request);
/// A write request's idempotency key and the digest of the rest of it.
template <typename Request>
domain::WriteKey WriteKeyOf(const Request& request) {
  Request rest = request;
  rest.clear_idempotency_key();
  return domain::WriteKey{.key = request.idempotency_key(), .digest = RequestDigest(rest)};
}
/// Whether a domain enum value and a proto enum value are the same number:
/// for the static_asserts that keep the two in step.
template <typename Domain, typename Proto>
constexpr bool Same(Domain domain, Proto proto) {
  return static_cast<int>(domain) == static_cast<int>(proto);
}
/// A proto enum's number as the domain enum `Enum`, whose values are the
/// same numbers (mapping.cc asserts it for every pair, so the domain keeps
/// its own enums and only this layer knows the proto's). INVALID_ARGUMENT
/// naming `field` for a number `known` (the proto's `X_IsValid`) refuses.
template <typename Enum>
absl::StatusOr<Enum> EnumFromProto(int value, bool (*known)(int), absl::string_view field) {
  if (!known(value)) {
    return absl::InvalidArgumentError(absl::StrCat(field, ": is not a known value"));
  }
  return static_cast<Enum>(value);
}
/// As EnumFromProto, with 0 (the proto's UNSPECIFIED) as nullopt, for
/// domain enums that have no "none" value.
template <typename Enum>
absl::StatusOr<std::optional<Enum>> OptionalEnumFromProto(int value, bool (*known)(int),
                                                          absl::string_view field) {
  if (value == 0) return std::optional<Enum>();
  ASSIGN_OR_RETURN(const Enum known_value, EnumFromProto<Enum>(value, known, field));
  return std::optional<Enum>(known_value);
}
absl::StatusOr<domain::Role> RoleFromProto(int role, absl::string_view field);
absl::StatusOr<std::vector<domain::Role>> RolesFromProto(
    const google::protobuf::RepeatedField<int>& roles, absl::string_view field);

}  // namespace tandem::api
