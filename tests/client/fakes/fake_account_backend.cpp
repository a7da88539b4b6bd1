#include "fakes/fake_account_backend.h"

using namespace Qt::StringLiterals;

void FakeAccountBackend::listOrganisations(QObject *context, Callback<QList<OrganisationInfo>> done)
{
    respond({u"listOrganisations"_s, {}, {}}, context, std::move(done));
}

void FakeAccountBackend::createAccount(const QString &email, const QString &displayName,
    qint64 organisationId, const QList<Role> &roles, QObject *context,
    Callback<CreatedAccount> done)
{
    respond(
        {u"createAccount"_s,
            {{u"email"_s, email}, {u"displayName"_s, displayName},
                {u"organisationId"_s, organisationId}, {u"roles"_s, QVariant::fromValue(roles)}},
            {}},
        context, std::move(done));
}

void FakeAccountBackend::listAccounts(
    const AccountQuery &query, QObject *context, Callback<AccountPage> done)
{
    respond({u"listAccounts"_s, {{u"query"_s, QVariant::fromValue(query)}}, {}}, context,
        std::move(done));
}

void FakeAccountBackend::setAccountRoles(
    qint64 accountId, const QList<Role> &roles, QObject *context, Callback<AccountInfo> done)
{
    AccountInfo account;
    account.id = accountId;
    account.roles = roles;
    respond({u"setAccountRoles"_s,
                {{u"accountId"_s, accountId}, {u"roles"_s, QVariant::fromValue(roles)}}, {}},
        context, std::move(done), account);
}
