#include "grpc/grpc_status.h"

#include "common/refusal.h"

#include <QCoreApplication>

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("GrpcStatus", text);
}

/// The server writes INVALID_ARGUMENT, PERMISSION_DENIED and the like to be
/// shown to people; fall back to a generic sentence only when it is empty.
QString serverMessageOr(const grpc::Status &status, const QString &fallback)
{
    const QString message = QString::fromStdString(status.error_message()).trimmed();
    return message.isEmpty() ? fallback : message;
}

/// A refusal in words for people, with the field it names apart.
BackendError refusal(BackendError::Kind kind, const QString &text)
{
    const Refusal plain = plainRefusal(text);
    return {kind, plain.message, plain.field};
}

} // namespace

BackendError errorFromStatus(const grpc::Status &status, CallAuth auth)
{
    using Kind = BackendError::Kind;
    switch (status.error_code()) {
    case grpc::StatusCode::UNAVAILABLE:
        return {Kind::Unreachable,
            tr("Can't reach Tandem just now. Check your connection, then try again.")};
    case grpc::StatusCode::DEADLINE_EXCEEDED:
        return {Kind::Timeout,
            tr("Tandem took too long to answer. Check your connection, then try again.")};
    case grpc::StatusCode::UNAUTHENTICATED:
        if (auth == CallAuth::Public) {
            return {
                Kind::Rejected, serverMessageOr(status, tr("The email or password is not right."))};
        }
        return {Kind::SessionExpired, tr("Your session has expired. Please sign in again.")};
    case grpc::StatusCode::RESOURCE_EXHAUSTED:
        return {Kind::Busy,
            serverMessageOr(status, tr("The server is busy just now. Try again in a moment."))};
    case grpc::StatusCode::INVALID_ARGUMENT:
    case grpc::StatusCode::PERMISSION_DENIED:
    case grpc::StatusCode::ALREADY_EXISTS:
    case grpc::StatusCode::FAILED_PRECONDITION:
        return refusal(Kind::Rejected, serverMessageOr(status, tr("That could not be done.")));
    case grpc::StatusCode::NOT_FOUND:
        return refusal(Kind::NotFound,
            serverMessageOr(status, tr("That record no longer exists. Refresh and try again.")));
    case grpc::StatusCode::UNIMPLEMENTED:
        return {Kind::Internal,
            tr("Tandem does not offer this yet: it may need updating. Tell your programme "
               "coordinator.")};
    case grpc::StatusCode::CANCELLED:
        return {Kind::Internal, tr("The request was cancelled. Try again.")};
    default:
        return {Kind::Internal,
            tr("Something went wrong on the server. Try again, and if it keeps happening "
               "tell your programme coordinator.")};
    }
}
