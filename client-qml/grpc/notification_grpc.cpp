#include "grpc/notification_grpc.h"

#include "grpc/grpc_call.h"
#include "grpc/proto_enums.h"
#include "tandem/v1/notifications.grpc.pb.h"

#include <grpcpp/support/sync_stream.h>

#include <QMetaObject>
#include <QPointer>

#include <thread>
#include <utility>

namespace {

constexpr EnumKey<v1::NotificationKind> kNotificationKinds[] = {
    {v1::NOTIFICATION_KIND_REQUEST_RECEIVED, "request_received"},
    {v1::NOTIFICATION_KIND_REQUEST_ACCEPTED, "request_accepted"},
    {v1::NOTIFICATION_KIND_REQUEST_DECLINED, "request_declined"},
    {v1::NOTIFICATION_KIND_REQUEST_RETURNED, "request_returned"},
    {v1::NOTIFICATION_KIND_MATCH_CONFIRMED, "match_confirmed"},
    {v1::NOTIFICATION_KIND_TERMS_TO_AGREE, "terms_to_agree"},
    {v1::NOTIFICATION_KIND_SESSION_PROPOSED, "session_proposed"},
    {v1::NOTIFICATION_KIND_SESSION_ACCEPTED, "session_accepted"},
    {v1::NOTIFICATION_KIND_SESSION_MOVED, "session_moved"},
    {v1::NOTIFICATION_KIND_SESSION_CANCELLED, "session_cancelled"},
    {v1::NOTIFICATION_KIND_SESSION_TOMORROW, "session_tomorrow"},
    {v1::NOTIFICATION_KIND_SESSION_SOON, "session_soon"},
    {v1::NOTIFICATION_KIND_RECORD_SESSION, "record_session"},
    {v1::NOTIFICATION_KIND_GOAL_REVIEW_DUE, "goal_review_due"},
    {v1::NOTIFICATION_KIND_EVALUATION_DUE, "evaluation_due"},
    {v1::NOTIFICATION_KIND_FOLLOW_UP_DUE, "follow_up_due"},
    {v1::NOTIFICATION_KIND_RETURN_DUE, "return_due"},
    {v1::NOTIFICATION_KIND_RETURN_OVERDUE, "return_overdue"},
    {v1::NOTIFICATION_KIND_SUPERVISION_LAPSING, "supervision_lapsing"},
    {v1::NOTIFICATION_KIND_QUALIFICATION_LAPSING, "qualification_lapsing"},
    {v1::NOTIFICATION_KIND_APPLICATION_APPROVED, "application_approved"},
    {v1::NOTIFICATION_KIND_APPLICATION_DECLINED, "application_declined"},
    {v1::NOTIFICATION_KIND_CONCERN_RAISED, "concern_raised"},
    {v1::NOTIFICATION_KIND_CONCERN_ESCALATED, "concern_escalated"},
};

constexpr EnumKey<v1::NotificationScreen> kNotificationScreens[] = {
    {v1::NOTIFICATION_SCREEN_INBOX, "inbox"},
    {v1::NOTIFICATION_SCREEN_MY_REQUESTS, "my_requests"},
    {v1::NOTIFICATION_SCREEN_RELATIONSHIP, "relationship"},
    {v1::NOTIFICATION_SCREEN_RECORD_SESSION, "record_session"},
    {v1::NOTIFICATION_SCREEN_MONTHLY_RETURN, "monthly_return"},
    {v1::NOTIFICATION_SCREEN_MY_PROFILE, "my_profile"},
    {v1::NOTIFICATION_SCREEN_POOL, "pool"},
    {v1::NOTIFICATION_SCREEN_CONCERNS, "concerns"},
};

NotificationInfo notificationOf(const v1::Notification &n)
{
    return NotificationInfo {n.sequence(), keyOf(kNotificationKinds, n.kind()), fromStd(n.title()),
        fromStd(n.detail()), timeFromUnix(n.created_at_unix()), n.read(),
        NotificationLinkInfo {keyOf(kNotificationScreens, n.link().screen()),
            n.link().relationship_id(), fromStd(n.link().month())}};
}

template <typename Repeated> QList<NotificationInfo> notificationsOf(const Repeated &list)
{
    QList<NotificationInfo> out;
    out.reserve(list.size());
    for (const v1::Notification &n : list) {
        out.append(notificationOf(n));
    }
    return out;
}

NotificationPreferencesInfo preferencesOf(const v1::NotificationPreferences &p)
{
    NotificationPreferencesInfo out;
    for (const v1::KindPreference &choice : p.kinds()) {
        const QString kind = keyOf(kNotificationKinds, choice.kind());
        if (!kind.isEmpty()) { // a kind newer than this app: left as the server keeps it
            out.kinds.append({kind, choice.email()});
        }
    }
    out.quietFromMinute = p.quiet_from_minute();
    out.quietToMinute = p.quiet_to_minute();
    out.emailAddress = fromStd(p.email_address());
    out.emailAvailable = p.email_available();
    return out;
}

/// What the stream's thread hands to the GUI thread, and whether it still
/// may: read and written on the GUI thread only.
struct WatchHandlers {
    QPointer<QObject> context;
    QPointer<Connection> connection;
    NotificationBackend::BatchHandler onBatch;
    Callback<Done> onEnd;
    bool stopped = false;
};

/// One WatchNotifications call on a thread of its own.
class StreamWatch final : public NotificationWatch {
public:
    StreamWatch(const std::shared_ptr<GrpcConnection> &connection, qint64 afterSequence,
        QObject *context, NotificationBackend::BatchHandler onBatch, Callback<Done> onEnd)
        : m_handlers(std::make_shared<WatchHandlers>())
    {
        m_handlers->context = context;
        m_handlers->connection = connection.get();
        m_handlers->onBatch = std::move(onBatch);
        m_handlers->onEnd = std::move(onEnd);
        // No deadline: the stream stays open until one side ends it.
        const std::string token = connection->token();
        if (!token.empty()) {
            m_context.AddMetadata("authorization", "Bearer " + token);
        }
        m_thread = std::thread([this, channel = connection->channel(), afterSequence] {
            run(channel, afterSequence);
        });
    }
    ~StreamWatch() override { stop(); }
    StreamWatch(const StreamWatch &) = delete;
    StreamWatch &operator=(const StreamWatch &) = delete;
    StreamWatch(StreamWatch &&) = delete;
    StreamWatch &operator=(StreamWatch &&) = delete;

    void stop() override
    {
        m_handlers->stopped = true;
        if (m_thread.joinable()) {
            // Safe from any thread, and before the call has started too.
            m_context.TryCancel();
            m_thread.join();
        }
    }

private:
    void run(const std::shared_ptr<grpc::Channel> &channel, qint64 afterSequence)
    {
        v1::NotificationService::Stub stub(channel);
        v1::WatchNotificationsRequest request;
        request.set_after_sequence(afterSequence);
        const std::unique_ptr<grpc::ClientReader<v1::WatchNotificationsResponse>> reader
            = stub.WatchNotifications(&m_context, request);
        v1::WatchNotificationsResponse response;
        while (reader->Read(&response)) {
            NotificationBatch batch {
                notificationsOf(response.notifications()), response.unread_count()};
            post([handlers = m_handlers, batch = std::move(batch)] {
                if (!handlers->stopped && handlers->context && handlers->onBatch) {
                    handlers->onBatch(batch);
                }
            });
        }
        const grpc::Status status = reader->Finish();
        Result<Done> end = status.ok()
            ? Result<Done>(Done {})
            : Result<Done>(errorFromStatus(status, CallAuth::Authenticated));
        post([handlers = m_handlers, end = std::move(end)] {
            if (handlers->stopped) {
                return; // cancelled by stop(): nobody is waiting for the end
            }
            handlers->stopped = true;
            if (!end.ok() && end.error().kind == BackendError::Kind::SessionExpired
                && handlers->connection) {
                Q_EMIT handlers->connection->sessionExpired(end.error().message);
            }
            if (handlers->context && handlers->onEnd) {
                handlers->onEnd(end);
            }
        });
    }

    /// Runs `work` on the GUI thread. m_receiver outlives the thread (stop()
    /// joins it first), and what is still queued when it goes is dropped.
    template <typename Work> void post(Work work)
    {
        QMetaObject::invokeMethod(&m_receiver, std::move(work), Qt::QueuedConnection);
    }

    std::shared_ptr<WatchHandlers> m_handlers;
    /// Made on the GUI thread, so queued work runs there.
    QObject m_receiver;
    grpc::ClientContext m_context;
    std::thread m_thread;
};

} // namespace

NotificationGrpc::NotificationGrpc(std::shared_ptr<GrpcConnection> connection)
    : m_connection(std::move(connection))
{ }

void NotificationGrpc::listNotifications(
    qint64 beforeSequence, int pageSize, QObject *context, Callback<NotificationPage> done)
{
    v1::ListNotificationsRequest request;
    request.set_before_sequence(beforeSequence);
    request.set_page_size(pageSize);
    m_connection->call(
        &v1::NotificationService::Stub::ListNotifications, request, context,
        [](const v1::ListNotificationsResponse &response) {
            return NotificationPage {notificationsOf(response.notifications()), response.more(),
                response.unread_count()};
        },
        std::move(done));
}

void NotificationGrpc::markRead(
    const QList<qint64> &sequences, qint64 upToSequence, QObject *context, Callback<int> done)
{
    v1::MarkNotificationsReadRequest request;
    for (qint64 sequence : sequences) {
        request.add_sequences(sequence);
    }
    request.set_up_to_sequence(upToSequence);
    m_connection->call(
        &v1::NotificationService::Stub::MarkNotificationsRead, request, context,
        [](const v1::MarkNotificationsReadResponse &response) {
            return static_cast<int>(response.unread_count());
        },
        std::move(done));
}

void NotificationGrpc::getPreferences(QObject *context, Callback<NotificationPreferencesInfo> done)
{
    m_connection->call(
        &v1::NotificationService::Stub::GetNotificationPreferences,
        v1::GetNotificationPreferencesRequest(), context,
        [](const v1::GetNotificationPreferencesResponse &response) {
            return preferencesOf(response.preferences());
        },
        std::move(done));
}

void NotificationGrpc::savePreferences(const NotificationPreferencesInfo &preferences,
    QObject *context, Callback<NotificationPreferencesInfo> done)
{
    v1::SaveNotificationPreferencesRequest request;
    v1::NotificationPreferences *p = request.mutable_preferences();
    for (const KindEmailChoice &choice : preferences.kinds) {
        const v1::NotificationKind kind = valueOf(kNotificationKinds, choice.kind);
        if (kind == v1::NOTIFICATION_KIND_UNSPECIFIED) {
            continue;
        }
        v1::KindPreference *k = p->add_kinds();
        k->set_kind(kind);
        k->set_email(choice.email);
    }
    p->set_quiet_from_minute(preferences.quietFromMinute);
    p->set_quiet_to_minute(preferences.quietToMinute);
    m_connection->call(
        &v1::NotificationService::Stub::SaveNotificationPreferences, request, context,
        [](const v1::SaveNotificationPreferencesResponse &response) {
            return preferencesOf(response.preferences());
        },
        std::move(done));
}

std::unique_ptr<NotificationWatch> NotificationGrpc::watch(
    qint64 afterSequence, QObject *context, BatchHandler onBatch, Callback<Done> onEnd)
{
    return std::make_unique<StreamWatch>(
        m_connection, afterSequence, context, std::move(onBatch), std::move(onEnd));
}
