#pragma once

#include "fakes/fake_service.h"
#include "identity/auth_backend.h"

/// AuthBackend with no server: signIn() answers, by default, with
/// account() and a token, so that a Session signs in through it.
class FakeAuthBackend : public AuthBackend, public FakeService {
public:
    FakeAuthBackend();

    /// Who signs in: by default account 7, Casey Coach, a coach.
    const AccountInfo &account() const;
    void setAccount(const AccountInfo &account);

    void signIn(const QString &email, const QString &password, QObject *context,
        Callback<SignInResult> done) override;
    void signOut(QObject *context, Callback<Done> done) override;
    void getMe(QObject *context, Callback<MeResult> done) override;
    void changePassword(const QString &currentPassword, const QString &newPassword,
        QObject *context, Callback<Done> done) override;

private:
    AccountInfo m_account;
    OrganisationInfo m_organisation;
};
