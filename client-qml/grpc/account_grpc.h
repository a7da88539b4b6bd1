#pragma once

#include "identity/account_backend.h"

#include <memory>

class GrpcConnection;

/// AccountBackend over gRPC (tandem.v1.AccountService).
class AccountGrpc final : public AccountBackend {
public:
    explicit AccountGrpc(std::shared_ptr<GrpcConnection> connection);

    void listOrganisations(QObject *context, Callback<QList<OrganisationInfo>> done) override;
    void createAccount(const QString &email, const QString &displayName, qint64 organisationId,
        const QList<Role> &roles, QObject *context, Callback<CreatedAccount> done) override;
    void listAccounts(
        const AccountQuery &query, QObject *context, Callback<AccountPage> done) override;
    void setAccountRoles(qint64 accountId, const QList<Role> &roles, QObject *context,
        Callback<AccountInfo> done) override;

private:
    std::shared_ptr<GrpcConnection> m_connection;
};
