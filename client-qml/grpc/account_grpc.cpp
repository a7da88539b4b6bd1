#include "grpc/account_grpc.h"

#include "grpc/grpc_call.h"
#include "grpc/proto_enums.h"
#include "tandem/v1/identity.grpc.pb.h"

AccountGrpc::AccountGrpc(std::shared_ptr<GrpcConnection> connection)
    : m_connection(std::move(connection))
{ }

void AccountGrpc::listOrganisations(QObject *context, Callback<QList<OrganisationInfo>> done)
{
    m_connection->call(
        &v1::AccountService::Stub::ListOrganisations, v1::ListOrganisationsRequest(), context,
        [](const v1::ListOrganisationsResponse &response) {
            QList<OrganisationInfo> organisations;
            for (const auto &organisation : response.organisations()) {
                organisations.append(fromProto(organisation));
            }
            return organisations;
        },
        std::move(done));
}

void AccountGrpc::createAccount(const QString &email, const QString &displayName,
    qint64 organisationId, const QList<Role> &roles, QObject *context,
    Callback<CreatedAccount> done)
{
    v1::CreateAccountRequest request;
    request.set_email(email.trimmed().toStdString());
    request.set_display_name(displayName.trimmed().toStdString());
    request.set_organisation_id(organisationId);
    addRoles(request.mutable_roles(), roles);
    // The server hashes the temporary password, as at sign-in.
    m_connection->call(&v1::AccountService::Stub::CreateAccount, request, context,
        [](const v1::CreateAccountResponse &response) {
            return CreatedAccount {
                fromProto(response.account()), fromStd(response.temporary_password())};
        },
        std::move(done), {CallAuth::Authenticated, kSignInTimeout});
}

void AccountGrpc::listAccounts(
    const AccountQuery &query, QObject *context, Callback<AccountPage> done)
{
    v1::ListAccountsRequest request;
    request.set_organisation_id(query.organisationId);
    if (query.role) {
        request.set_role(toProto(*query.role));
    }
    request.set_query(query.text.trimmed().toStdString());
    request.set_page_size(query.pageSize);
    request.set_page_token(query.pageToken.toStdString());
    m_connection->call(
        &v1::AccountService::Stub::ListAccounts, request, context,
        [](const v1::ListAccountsResponse &response) {
            AccountPage page;
            for (const auto &account : response.accounts()) {
                page.accounts.append(fromProto(account));
            }
            page.nextPageToken = fromStd(response.next_page_token());
            page.totalCount = response.total_count();
            return page;
        },
        std::move(done));
}

void AccountGrpc::setAccountRoles(
    qint64 accountId, const QList<Role> &roles, QObject *context, Callback<AccountInfo> done)
{
    v1::SetAccountRolesRequest request;
    request.set_account_id(accountId);
    addRoles(request.mutable_roles(), roles);
    m_connection->call(
        &v1::AccountService::Stub::SetAccountRoles, request, context,
        [](const v1::SetAccountRolesResponse &response) { return fromProto(response.account()); },
        std::move(done));
}
