#include "server/api/mapping.h"

#include "absl/strings/str_cat.h"
#include "absl/time/time.h"
#include "shared/status_macros.h"

namespace tandem::api {

void ToProto(const domain::Account& account, v1::Account* out) {
  out->set_id(account.id);
  out->set_email(account.email);
  out->set_display_name(account.display_name);
  out->set_organisation_id(account.organisation_id);
  for (domain::Role role : account.roles) out->add_roles(static_cast<v1::Role>(role));
  for (int64_t id : account.coordinated_organisation_ids) {
    out->add_coordinated_organisation_ids(id);
  }
  out->set_password_change_required(account.password_change_required);
  out->set_created_at_unix(absl::ToUnixSeconds(account.created_at));
}

void ToProto(const domain::Organisation& organisation, v1::Organisation* out) {
  out->set_id(organisation.id);
  out->set_name(organisation.name);
  out->set_kind(static_cast<v1::OrganisationKind>(organisation.kind));
}

absl::StatusOr<domain::Role> RoleFromProto(int role, absl::string_view field) {
  if (role < domain::kMinRole || role > domain::kMaxRole) {
    return absl::InvalidArgumentError(absl::StrCat(
        field, ": ", role == 0 ? "must not be ROLE_UNSPECIFIED" : "is not a known role"));
  }
  return static_cast<domain::Role>(role);
}

absl::StatusOr<std::vector<domain::Role>> RolesFromProto(
    const google::protobuf::RepeatedField<int>& roles, absl::string_view field) {
  std::vector<domain::Role> out;
  for (int i = 0; i < roles.size(); ++i) {
    ASSIGN_OR_RETURN(domain::Role role, RoleFromProto(roles[i], absl::StrCat(field, "[", i, "]")));
    out.push_back(role);
  }
  return out;
}

}  // namespace tandem::api
