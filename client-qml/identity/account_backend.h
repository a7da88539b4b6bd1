#pragma once

#include "common/result.h"
#include "identity/identity_types.h"

#include <QList>
#include <QObject>
#include <QString>

/// Organisations and accounts (tandem.v1.AccountService), with Qt types
/// only. Every call returns at once and reports through its callback.
class AccountBackend {
public:
    virtual ~AccountBackend() = default;

    virtual void listOrganisations(QObject *context, Callback<QList<OrganisationInfo>> done) = 0;
    virtual void createAccount(const QString &email, const QString &displayName,
        qint64 organisationId, const QList<Role> &roles, QObject *context,
        Callback<CreatedAccount> done)
        = 0;
    virtual void listAccounts(
        const AccountQuery &query, QObject *context, Callback<AccountPage> done)
        = 0;
    virtual void setAccountRoles(
        qint64 accountId, const QList<Role> &roles, QObject *context, Callback<AccountInfo> done)
        = 0;
};
