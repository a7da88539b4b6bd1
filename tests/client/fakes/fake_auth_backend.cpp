#include "fakes/fake_auth_backend.h"

using namespace Qt::StringLiterals;

FakeAuthBackend::FakeAuthBackend()
{
    m_organisation.id = 3;
    m_organisation.name = u"Northshire NHS Trust"_s;
    m_organisation.kind = u"nhs_trust"_s;
    m_account.id = 7;
    m_account.email = u"casey.coach@nhs.net"_s;
    m_account.displayName = u"Casey Coach"_s;
    m_account.organisationId = m_organisation.id;
    m_account.roles = {Role::Coach};
}

const AccountInfo &FakeAuthBackend::account() const
{
    return m_account;
}

void FakeAuthBackend::setAccount(const AccountInfo &account)
{
    m_account = account;
}

void FakeAuthBackend::signIn(
    const QString &email, const QString &password, QObject *context, Callback<SignInResult> done)
{
    SignInResult signedIn;
    signedIn.token = u"fake-token-%1"_s.arg(m_account.id);
    signedIn.expiresAt = QDateTime::currentDateTimeUtc().addDays(1);
    signedIn.account = m_account;
    signedIn.organisation = m_organisation;
    respond({u"signIn"_s, {{u"email"_s, email}, {u"password"_s, password}}, {}}, context,
        std::move(done), signedIn);
}

void FakeAuthBackend::signOut(QObject *context, Callback<Done> done)
{
    respond({u"signOut"_s, {}, {}}, context, std::move(done));
}

void FakeAuthBackend::getMe(QObject *context, Callback<MeResult> done)
{
    respond({u"getMe"_s, {}, {}}, context, std::move(done), MeResult {m_account, m_organisation});
}

void FakeAuthBackend::changePassword(const QString &currentPassword, const QString &newPassword,
    QObject *context, Callback<Done> done)
{
    respond({u"changePassword"_s,
                {{u"currentPassword"_s, currentPassword}, {u"newPassword"_s, newPassword}}, {}},
        context, std::move(done));
}
