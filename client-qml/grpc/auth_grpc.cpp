#include "grpc/auth_grpc.h"

#include "grpc/grpc_call.h"
#include "grpc/proto_enums.h"
#include "tandem/v1/identity.grpc.pb.h"

AuthGrpc::AuthGrpc(std::shared_ptr<GrpcConnection> connection)
    : m_connection(std::move(connection))
{ }

void AuthGrpc::signIn(
    const QString &email, const QString &password, QObject *context, Callback<SignInResult> done)
{
    v1::SignInRequest request;
    request.set_email(email.trimmed().toStdString());
    request.set_password(password.toStdString());
    m_connection->call(&v1::AuthService::Stub::SignIn, request, context,
        [](const v1::SignInResponse &response) {
            SignInResult result;
            result.token = fromStd(response.token());
            result.expiresAt = QDateTime::fromSecsSinceEpoch(response.expires_at_unix(), Qt::UTC);
            result.account = fromProto(response.account());
            result.organisation = fromProto(response.organisation());
            return result;
        },
        std::move(done), {CallAuth::Public, kSignInTimeout});
}

void AuthGrpc::signOut(QObject *context, Callback<Done> done)
{
    m_connection->call(
        &v1::AuthService::Stub::SignOut, v1::SignOutRequest(), context,
        [](const v1::SignOutResponse &) { return Done {}; }, std::move(done));
}

void AuthGrpc::getMe(QObject *context, Callback<MeResult> done)
{
    m_connection->call(
        &v1::AuthService::Stub::GetMe, v1::GetMeRequest(), context,
        [](const v1::GetMeResponse &response) {
            return MeResult {fromProto(response.account()), fromProto(response.organisation())};
        },
        std::move(done));
}

void AuthGrpc::changePassword(const QString &currentPassword, const QString &newPassword,
    QObject *context, Callback<Done> done)
{
    v1::ChangePasswordRequest request;
    request.set_current_password(currentPassword.toStdString());
    request.set_new_password(newPassword.toStdString());
    // The server hashes the new password, as at sign-in.
    m_connection->call(&v1::AuthService::Stub::ChangePassword, request, context,
        [](const v1::ChangePasswordResponse &) { return Done {}; }, std::move(done),
        {CallAuth::Authenticated, kSignInTimeout});
}
