#pragma once

#include "identity/auth_backend.h"

#include <memory>

class GrpcConnection;

/// AuthBackend over gRPC (tandem.v1.AuthService).
class AuthGrpc final : public AuthBackend {
public:
    explicit AuthGrpc(std::shared_ptr<GrpcConnection> connection);

    void signIn(const QString &email, const QString &password, QObject *context,
        Callback<SignInResult> done) override;
    void signOut(QObject *context, Callback<Done> done) override;
    void getMe(QObject *context, Callback<MeResult> done) override;
    void changePassword(const QString &currentPassword, const QString &newPassword,
        QObject *context, Callback<Done> done) override;

private:
    std::shared_ptr<GrpcConnection> m_connection;
};
