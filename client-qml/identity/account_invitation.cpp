#include "identity/account_invitation.h"

#include "identity/account_backend.h"
#include "identity/session.h"

bool AccountInvitation::busy() const
{
    return m_busy;
}

QString AccountInvitation::temporaryPassword() const
{
    return m_temporaryPassword;
}

QString AccountInvitation::invitedName() const
{
    return m_invitedName;
}

QString AccountInvitation::invitedEmail() const
{
    return m_invitedEmail;
}

QString AccountInvitation::errorMessage() const
{
    return m_errorMessage;
}

void AccountInvitation::invite(const QString &email, const QString &displayName,
    qint64 organisationId, const QStringList &roleKeys)
{
    AccountBackend *backend = Session::instance()->accounts();
    if (m_busy || !backend) {
        return;
    }
    // Catch what can be caught here; the server checks everything again.
    if (!email.contains(QLatin1Char('@'))) {
        fail(tr("Enter the person's email address, for example name@nhs.net."));
        return;
    }
    if (displayName.trimmed().isEmpty()) {
        fail(tr("Enter the person's name."));
        return;
    }
    if (organisationId <= 0) {
        fail(tr("Choose the organisation the person works for."));
        return;
    }
    QList<Role> roles;
    for (const QString &key : roleKeys) {
        if (auto role = roleFromKey(key); role && !roles.contains(*role)) {
            roles.append(*role);
        }
    }
    if (roles.isEmpty()) {
        fail(tr("Choose at least one role."));
        return;
    }
    if (!m_errorMessage.isEmpty()) {
        m_errorMessage.clear();
        Q_EMIT errorMessageChanged();
    }
    setBusy(true);
    backend->createAccount(email, displayName, organisationId, roles, this,
        [this](const Result<CreatedAccount> &result) {
            setBusy(false);
            if (!result.ok()) {
                fail(result.error().message);
                return;
            }
            m_temporaryPassword = result.value().temporaryPassword;
            m_invitedName = result.value().account.displayName;
            m_invitedEmail = result.value().account.email;
            Q_EMIT invitationChanged();
            Q_EMIT invited();
        });
}

void AccountInvitation::reset()
{
    m_temporaryPassword.clear();
    m_invitedName.clear();
    m_invitedEmail.clear();
    Q_EMIT invitationChanged();
    if (!m_errorMessage.isEmpty()) {
        m_errorMessage.clear();
        Q_EMIT errorMessageChanged();
    }
}

void AccountInvitation::setBusy(bool busy)
{
    if (busy == m_busy) {
        return;
    }
    m_busy = busy;
    Q_EMIT busyChanged();
}

void AccountInvitation::fail(const QString &message)
{
    m_errorMessage = message;
    Q_EMIT errorMessageChanged();
    Q_EMIT errorOccurred(message);
}
