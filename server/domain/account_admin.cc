#include "server/domain/account_admin.h"

#include <algorithm>
#include <utility>

#include "absl/strings/escaping.h"
#include "absl/strings/match.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "server/domain/page_token.h"
#include "server/domain/tokens.h"
#include "server/domain/validation.h"
#include "shared/limits.h"
#include "shared/status_macros.h"

namespace tandem::domain {
namespace {

absl::Status CheckRoles(const std::vector<Role>& roles) {
  if (roles.empty()) return absl::InvalidArgumentError("roles: at least one role is required");
  return absl::OkStatus();
}

}  // namespace

AccountAdmin::AccountAdmin(AccountRepository& accounts, OrganisationRepository& organisations,
                           const PasswordHasher& hasher, ConcurrencyLimiter& hashing_limiter,
                           const Clock& clock)
    : accounts_(accounts),
      organisations_(organisations),
      hasher_(hasher),
      hashing_limiter_(hashing_limiter),
      clock_(clock) {}

absl::Status AccountAdmin::CheckCoordinates(const Principal& caller,
                                            int64_t organisation_id) const {
  if (caller.Coordinates(organisation_id)) return absl::OkStatus();
  return absl::PermissionDeniedError("You do not coordinate that organisation.");
}

absl::StatusOr<Account> AccountAdmin::GetInScope(const Principal& caller, int64_t account_id) {
  if (account_id <= 0) return absl::InvalidArgumentError("account_id: is required");
  auto account = accounts_.Get(account_id);
  if (absl::IsNotFound(account.status())) {
    return absl::NotFoundError(absl::StrCat("There is no account ", account_id, "."));
  }
  if (!account.ok()) return account.status();
  RETURN_IF_ERROR(CheckCoordinates(caller, account->organisation_id));
  return account;
}

absl::StatusOr<std::vector<Organisation>> AccountAdmin::ListOrganisations() {
  return organisations_.List();
}

absl::StatusOr<CreatedAccount> AccountAdmin::CreateAccount(const Principal& caller,
                                                           const CreateAccountInput& input,
                                                           absl::Time deadline) {
  NewAccount account;
  ASSIGN_OR_RETURN(account.email, NormaliseEmail(input.email, "email"));
  ASSIGN_OR_RETURN(account.display_name, NormaliseDisplayName(input.display_name, "display_name"));
  if (input.organisation_id <= 0) {
    return absl::InvalidArgumentError("organisation_id: is required");
  }
  account.roles = NormaliseRoles(input.roles);
  RETURN_IF_ERROR(CheckRoles(account.roles));
  RETURN_IF_ERROR(CheckCoordinates(caller, input.organisation_id));
  account.organisation_id = input.organisation_id;
  if (std::find(account.roles.begin(), account.roles.end(), Role::kCoordinator) !=
      account.roles.end()) {
    account.coordinated_organisation_ids = {input.organisation_id};
  }

  CreatedAccount created;
  created.temporary_password = GenerateTemporaryPassword();
  ASSIGN_OR_RETURN(account.password_hash, hashing_limiter_.Run(deadline, [&] {
    return hasher_.Hash(created.temporary_password);
  }));
  account.password_change_required = true;
  auto stored = accounts_.Create(account, clock_.Now());
  if (absl::IsAlreadyExists(stored.status())) {
    return absl::AlreadyExistsError("email: an account with this email already exists");
  }
  if (!stored.ok()) return stored.status();
  created.account = *std::move(stored);
  return created;
}

absl::StatusOr<std::optional<CreatedAccount>> AccountAdmin::BootstrapFirstCoordinator(
    const std::string& organisation_name, const std::string& email) {
  ASSIGN_OR_RETURN(const std::string normalised, NormaliseEmail(email, "--bootstrap-coordinator"));
  ASSIGN_OR_RETURN(const std::string name,
                   NormaliseText(organisation_name, "--bootstrap-organisation", 1,
                                 limits::kOrganisationNameMaxLength));
  ASSIGN_OR_RETURN(const int64_t existing, accounts_.Count());
  if (existing > 0) return std::optional<CreatedAccount>();
  ASSIGN_OR_RETURN(const Organisation organisation,
                   organisations_.Create(name, OrganisationKind::kOther, clock_.Now()));
  CreatedAccount created;
  created.temporary_password = GenerateTemporaryPassword();
  ASSIGN_OR_RETURN(std::string hash, hasher_.Hash(created.temporary_password));
  ASSIGN_OR_RETURN(created.account,
                   accounts_.Create(NewAccount{.email = normalised,
                                               .display_name = normalised,
                                               .organisation_id = organisation.id,
                                               .roles = {Role::kCoordinator},
                                               .coordinated_organisation_ids = {organisation.id},
                                               .password_hash = std::move(hash),
                                               .password_change_required = true},
                                    clock_.Now()));
  return std::optional<CreatedAccount>(std::move(created));
}

absl::StatusOr<ListAccountsResult> AccountAdmin::ListAccounts(const Principal& caller,
                                                              const ListAccountsInput& input) {
  AccountQuery query;
  if (input.organisation_id.has_value()) {
    RETURN_IF_ERROR(CheckCoordinates(caller, *input.organisation_id));
    query.organisation_ids = {*input.organisation_id};
  } else {
    query.organisation_ids = caller.account.coordinated_organisation_ids;
    if (query.organisation_ids.empty()) {
      return absl::PermissionDeniedError("You do not coordinate any organisation.");
    }
  }
  query.role = input.role;
  ASSIGN_OR_RETURN(query.text, NormaliseQuery(input.query, "query"));
  if (input.page_size < 0 || input.page_size > limits::kMaxPageSize) {
    return absl::InvalidArgumentError(
        absl::StrCat("page_size: must be 0 to ", limits::kMaxPageSize));
  }
  query.limit = input.page_size == 0 ? limits::kDefaultPageSize : input.page_size;
  if (!input.page_token.empty()) {
    ASSIGN_OR_RETURN(query.after, DecodeNamePageToken(input.page_token));
  }
  // Ask for one more than a page to learn whether another page follows.
  ++query.limit;
  ASSIGN_OR_RETURN(AccountPage page, accounts_.List(query));
  ListAccountsResult result;
  result.total_count = page.total_count;
  if (static_cast<int>(page.accounts.size()) == query.limit) {
    page.accounts.pop_back();
    const Account& last = page.accounts.back();
    result.next_page_token = EncodeNamePageToken(last.display_name, last.id);
  }
  result.accounts = std::move(page.accounts);
  return result;
}

absl::StatusOr<Account> AccountAdmin::GetAccount(const Principal& caller, int64_t account_id) {
  return GetInScope(caller, account_id);
}

absl::StatusOr<Account> AccountAdmin::SetRoles(const Principal& caller, int64_t account_id,
                                               std::vector<Role> roles) {
  roles = NormaliseRoles(std::move(roles));
  RETURN_IF_ERROR(CheckRoles(roles));
  ASSIGN_OR_RETURN(const Account account, GetInScope(caller, account_id));
  const bool keeps_coordinator =
      std::find(roles.begin(), roles.end(), Role::kCoordinator) != roles.end();
  if (account_id == caller.id() && !keeps_coordinator) {
    return absl::FailedPreconditionError(
        "You cannot remove your own coordinator role; ask another coordinator to do it.");
  }
  std::vector<int64_t> coordinated;
  if (keeps_coordinator) {
    coordinated = account.coordinated_organisation_ids;
    if (coordinated.empty()) coordinated = {account.organisation_id};
  }
  return accounts_.SetRoles(account_id, roles, coordinated);
}

}  // namespace tandem::domain
