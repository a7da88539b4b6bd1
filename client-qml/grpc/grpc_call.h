#pragma once

#include "common/connection.h"
#include "common/result.h"
#include "grpc/grpc_status.h"

#include <grpcpp/channel.h>
#include <grpcpp/client_context.h>
#include <grpcpp/support/status.h>

#include <QPointer>
#include <QThreadPool>

#include <chrono>
#include <functional>
#include <memory>
#include <string>
#include <type_traits>
#include <utility>

class CallRegistry;

/// Deadline for ordinary calls.
inline constexpr std::chrono::seconds kCallTimeout {10};
/// Sign-in hashes the password (argon2) on the server, so it gets longer.
inline constexpr std::chrono::seconds kSignInTimeout {20};
/// Batch matching solves an assignment over the whole waiting list.
inline constexpr std::chrono::seconds kMatchingTimeout {60};

/// How one RPC is made: whether it needs the signed-in session (which also
/// decides what UNAUTHENTICATED means) and how long it may take.
struct CallOptions {
    CallAuth auth = CallAuth::Authenticated;
    std::chrono::seconds timeout = kCallTimeout;
};

/// The Connection over gRPC (tandem.v1): one channel shared by every
/// service. Blocking grpc++ stubs run on a small thread pool, never on the
/// GUI thread; each call has a deadline and its result is queued back to the
/// GUI thread. Loopback addresses (127.x, localhost, ::1) use plaintext,
/// anything else TLS with the system roots.
class GrpcConnection final : public Connection {
    Q_OBJECT

public:
    explicit GrpcConnection(const QString &address, QObject *parent = nullptr);
    /// Cancels calls still in flight and waits for their threads to finish.
    ~GrpcConnection() override;

    /// True when `address` names this machine, so plaintext is acceptable.
    static bool isLoopbackAddress(const QString &address);

    QString address() const override;
    void setToken(const QString &token) override;
    void reconnectNow() override;

    /// For a server-streaming call, which runs on a thread of its own
    /// rather than through call(): the channel every call shares, and the
    /// bearer token as it is now (empty when signed out).
    std::shared_ptr<grpc::Channel> channel() const;
    std::string token() const;

    /// Makes one unary RPC: `method` of a fresh stub on this channel, with
    /// `request`, off the GUI thread. `convert` turns the response into the
    /// value `done` receives on the GUI thread; a failed status becomes a
    /// BackendError (errorFromStatus). Every RPC of the app goes through here.
    template <typename Stub, typename Request, typename Response, typename Convert>
    void call(grpc::Status (Stub::*method)(grpc::ClientContext *, const Request &, Response *),
        const std::type_identity_t<Request> &request, QObject *context, Convert convert,
        Callback<std::invoke_result_t<Convert, const Response &>> done, CallOptions options = {});

private:
    /// What runs on the worker with a prepared context; what it returns is
    /// then run on the GUI thread.
    using Job = std::function<std::function<void()>(grpc::ClientContext &)>;

    /// Runs `work` on the worker and hands its result to `done` on the GUI
    /// thread, unless `context` is gone by then.
    template <typename T>
    void dispatch(const CallOptions &options, QObject *context,
        std::function<Result<T>(grpc::ClientContext &)> work, Callback<T> done);
    /// Starts `job` on the pool with a context that has the deadline, the
    /// token (if any) and is registered for cancelling.
    void start(std::chrono::seconds timeout, std::string token, Job job);

    QString m_address;
    std::string m_token;
    std::shared_ptr<grpc::Channel> m_channel;
    std::shared_ptr<CallRegistry> m_calls;
    QThreadPool m_pool;
};

template <typename Stub, typename Request, typename Response, typename Convert>
void GrpcConnection::call(
    grpc::Status (Stub::*method)(grpc::ClientContext *, const Request &, Response *),
    const std::type_identity_t<Request> &request, QObject *context, Convert convert,
    Callback<std::invoke_result_t<Convert, const Response &>> done, CallOptions options)
{
    using T = std::invoke_result_t<Convert, const Response &>;
    dispatch<T>(
        options, context,
        [channel = m_channel, auth = options.auth, request, method, convert = std::move(convert)](
            grpc::ClientContext &clientContext) -> Result<T> {
            Stub stub(channel);
            Response response;
            const grpc::Status status = (stub.*method)(&clientContext, request, &response);
            if (!status.ok()) {
                return errorFromStatus(status, auth);
            }
            return convert(response);
        },
        std::move(done));
}

template <typename T>
void GrpcConnection::dispatch(const CallOptions &options, QObject *context,
    std::function<Result<T>(grpc::ClientContext &)> work, Callback<T> done)
{
    // Copied on the GUI thread so that the worker never reads members that
    // the GUI thread may change.
    std::string token = options.auth == CallAuth::Authenticated ? m_token : std::string();
    QPointer<QObject> guard(context);
    start(options.timeout, std::move(token),
        [this, guard = std::move(guard), work = std::move(work), done = std::move(done)](
            grpc::ClientContext &clientContext) -> std::function<void()> {
            return [this, guard, done, result = work(clientContext)]() {
                if (!result.ok() && result.error().kind == BackendError::Kind::SessionExpired) {
                    Q_EMIT sessionExpired(result.error().message);
                }
                if (guard && done) {
                    done(result);
                }
            };
        });
}
