#include "grpc/grpc_call.h"

#include <grpcpp/create_channel.h>
#include <grpcpp/security/credentials.h>
#include <grpcpp/support/channel_arguments.h>

#include <QHostAddress>
#include <QMetaObject>

#include <mutex>
#include <set>

/// The contexts of calls in flight, so that a connection being destroyed can
/// cancel them instead of waiting out their deadlines.
class CallRegistry {
public:
    void add(grpc::ClientContext *context)
    {
        std::lock_guard lock(m_mutex);
        if (m_cancelled) {
            context->TryCancel();
        }
        m_contexts.insert(context);
    }
    void remove(grpc::ClientContext *context)
    {
        std::lock_guard lock(m_mutex);
        m_contexts.erase(context);
    }
    void cancelAll()
    {
        std::lock_guard lock(m_mutex);
        m_cancelled = true;
        for (grpc::ClientContext *context : m_contexts) {
            context->TryCancel();
        }
    }

private:
    std::mutex m_mutex;
    std::set<grpc::ClientContext *> m_contexts;
    bool m_cancelled = false;
};

namespace {

/// Registers a context for the duration of one call.
class RegisteredCall {
public:
    RegisteredCall(CallRegistry &registry, grpc::ClientContext &context)
        : m_registry(registry)
        , m_context(context)
    {
        m_registry.add(&m_context);
    }
    ~RegisteredCall() { m_registry.remove(&m_context); }
    RegisteredCall(const RegisteredCall &) = delete;
    RegisteredCall &operator=(const RegisteredCall &) = delete;

private:
    CallRegistry &m_registry;
    grpc::ClientContext &m_context;
};

std::shared_ptr<grpc::ChannelCredentials> credentialsFor(const QString &address)
{
    if (GrpcConnection::isLoopbackAddress(address)) {
        return grpc::InsecureChannelCredentials();
    }
    // Default options use the system's root certificates.
    return grpc::SslCredentials(grpc::SslCredentialsOptions());
}

/// The host part of "host:port", "[v6]:port" or a bare host.
QString hostOf(const QString &address)
{
    QString trimmed = address.trimmed();
    if (trimmed.startsWith(QLatin1Char('['))) {
        const qsizetype end = trimmed.indexOf(QLatin1Char(']'));
        return end < 0 ? trimmed.mid(1) : trimmed.mid(1, end - 1);
    }
    if (trimmed.count(QLatin1Char(':')) == 1) {
        return trimmed.section(QLatin1Char(':'), 0, 0);
    }
    return trimmed; // a bare host, or a bare IPv6 address
}

/// A phone loses and regains its signal often: try the server again within
/// seconds of it coming back rather than after gRPC's default two minutes.
grpc::ChannelArguments channelArguments()
{
    grpc::ChannelArguments arguments;
    arguments.SetInt(GRPC_ARG_INITIAL_RECONNECT_BACKOFF_MS, 500);
    arguments.SetInt(GRPC_ARG_MIN_RECONNECT_BACKOFF_MS, 500);
    arguments.SetInt(GRPC_ARG_MAX_RECONNECT_BACKOFF_MS, 5000);
    // The notification stream is idle for long spells: ping while a call is
    // open so that a dead connection (a phone gone out of signal, a server
    // that vanished) ends the stream within 40 s instead of never. The
    // server allows a ping every 10 s (server/app/server.cc); without data
    // on the stream gRPC would stop after two pings unless told otherwise.
    arguments.SetInt(GRPC_ARG_KEEPALIVE_TIME_MS, 30 * 1000);
    arguments.SetInt(GRPC_ARG_KEEPALIVE_TIMEOUT_MS, 10 * 1000);
    arguments.SetInt(GRPC_ARG_KEEPALIVE_PERMIT_WITHOUT_CALLS, 0);
    arguments.SetInt(GRPC_ARG_HTTP2_MAX_PINGS_WITHOUT_DATA, 0);
    return arguments;
}

} // namespace

GrpcConnection::GrpcConnection(const QString &address, QObject *parent)
    : Connection(parent)
    , m_address(address.trimmed())
    , m_channel(grpc::CreateCustomChannel(
          m_address.toStdString(), credentialsFor(m_address), channelArguments()))
    , m_calls(std::make_shared<CallRegistry>())
{
    // A few calls at once are plenty (the home page asks for six counts).
    m_pool.setMaxThreadCount(6);
}

GrpcConnection::~GrpcConnection()
{
    m_calls->cancelAll();
    m_pool.waitForDone();
}

bool GrpcConnection::isLoopbackAddress(const QString &address)
{
    const QString host = hostOf(address).toLower();
    if (host == QLatin1String("localhost")) {
        return true;
    }
    const QHostAddress ip(host);
    return !ip.isNull() && ip.isLoopback();
}

QString GrpcConnection::address() const
{
    return m_address;
}

void GrpcConnection::setToken(const QString &token)
{
    m_token = token.toStdString();
}

std::shared_ptr<grpc::Channel> GrpcConnection::channel() const
{
    return m_channel;
}

std::string GrpcConnection::token() const
{
    return m_token;
}

void GrpcConnection::reconnectNow()
{
    grpc::experimental::ChannelResetConnectionBackoff(m_channel.get());
}

void GrpcConnection::start(std::chrono::seconds timeout, std::string token, Job job)
{
    m_pool.start(
        [this, calls = m_calls, timeout, token = std::move(token), job = std::move(job)]() mutable {
            grpc::ClientContext clientContext;
            clientContext.set_deadline(std::chrono::system_clock::now() + timeout);
            if (!token.empty()) {
                clientContext.AddMetadata("authorization", "Bearer " + token);
            }
            std::function<void()> deliver;
            {
                RegisteredCall registered(*calls, clientContext);
                deliver = job(clientContext);
            }
            // `this` outlives the queued call: the destructor waits for the
            // pool, and events posted to a deleted object are discarded.
            QMetaObject::invokeMethod(this, std::move(deliver), Qt::QueuedConnection);
        });
}
