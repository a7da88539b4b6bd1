#pragma once

#include "common/result.h"
#include "identity/identity_types.h"

#include <QList>
#include <QObject>
#include <QString>

/// Signing in and out (tandem.v1.AuthService), with Qt types only. Every
/// call returns at once and reports through its callback (see Callback).
class AuthBackend {
public:
    virtual ~AuthBackend() = default;

    virtual void signIn(const QString &email, const QString &password, QObject *context,
        Callback<SignInResult> done)
        = 0;
    virtual void signOut(QObject *context, Callback<Done> done) = 0;
    virtual void getMe(QObject *context, Callback<MeResult> done) = 0;
    virtual void changePassword(const QString &currentPassword, const QString &newPassword,
        QObject *context, Callback<Done> done)
        = 0;
};
