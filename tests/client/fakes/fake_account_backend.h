#pragma once

#include "fakes/fake_service.h"
#include "identity/account_backend.h"

/// AccountBackend with no server: records each call and answers as
/// scripted (FakeService); listOrganisations() answers with none by default.
class FakeAccountBackend : public AccountBackend, public FakeService {
public:
    void listOrganisations(QObject *context, Callback<QList<OrganisationInfo>> done) override;
    void createAccount(const QString &email, const QString &displayName, qint64 organisationId,
        const QList<Role> &roles, QObject *context, Callback<CreatedAccount> done) override;
    void listAccounts(
        const AccountQuery &query, QObject *context, Callback<AccountPage> done) override;
    void setAccountRoles(qint64 accountId, const QList<Role> &roles, QObject *context,
        Callback<AccountInfo> done) override;
};
