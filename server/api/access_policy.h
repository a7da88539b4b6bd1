#pragma once

#include <string>
#include <vector>

#include "absl/status/status.h"
#include "absl/strings/string_view.h"
#include "server/domain/identity.h"

namespace tandem::api {

/// Who may call one RPC. Organisation scope (a coordinator acting only within
/// the organisations they coordinate) depends on the data and is checked by
/// the domain.
struct AccessRule {
  /// No token needed (sign-in only).
  bool is_public = false;
  /// The caller needs at least one of these roles; empty = any signed-in
  /// person.
  std::vector<domain::Role> any_of_roles;
};

/// The rule for a full method name ("/tandem.v1.AuthService/SignIn"), or
/// nullptr for a method with no rule — which callers must refuse.
const AccessRule* FindAccessRule(absl::string_view full_method);
/// Every method the policy knows, for tests that compare it with the API.
std::vector<std::string> PolicyMethods();
/// PERMISSION_DENIED unless `caller` has a role the rule asks for.
absl::Status CheckRoles(const AccessRule& rule, const domain::Principal& caller);

}  // namespace tandem::api
