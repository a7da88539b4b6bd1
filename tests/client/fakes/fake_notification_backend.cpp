#include "fakes/fake_notification_backend.h"

#include <QVariant>

using namespace Qt::StringLiterals;

/// The handle the centre holds: stopping it stops the fake stream.
class FakeNotificationWatch final : public NotificationWatch {
public:
    explicit FakeNotificationWatch(std::shared_ptr<FakeNotificationStream> stream)
        : m_stream(std::move(stream))
    { }
    ~FakeNotificationWatch() override { stop(); }
    FakeNotificationWatch(const FakeNotificationWatch &) = delete;
    FakeNotificationWatch &operator=(const FakeNotificationWatch &) = delete;
    FakeNotificationWatch(FakeNotificationWatch &&) = delete;
    FakeNotificationWatch &operator=(FakeNotificationWatch &&) = delete;

    void stop() override { m_stream->m_stopped = true; }

private:
    std::shared_ptr<FakeNotificationStream> m_stream;
};

bool FakeNotificationStream::send(const NotificationBatch &batch)
{
    if (!open()) {
        return false;
    }
    if (m_context && m_onBatch) {
        m_onBatch(batch);
    }
    return true;
}

bool FakeNotificationStream::end(const Result<Done> &end)
{
    if (!open()) {
        return false;
    }
    m_ended = true;
    if (m_context && m_onEnd) {
        m_onEnd(end);
    }
    return true;
}

void FakeNotificationBackend::listNotifications(
    qint64 beforeSequence, int pageSize, QObject *context, Callback<NotificationPage> done)
{
    respond({u"listNotifications"_s,
                {{u"beforeSequence"_s, beforeSequence}, {u"pageSize"_s, pageSize}}, {}},
        context, std::move(done));
}

void FakeNotificationBackend::markRead(
    const QList<qint64> &sequences, qint64 upToSequence, QObject *context, Callback<int> done)
{
    respond(
        {u"markRead"_s,
            {{u"sequences"_s, QVariant::fromValue(sequences)}, {u"upToSequence"_s, upToSequence}},
            {}},
        context, std::move(done));
}

void FakeNotificationBackend::getPreferences(
    QObject *context, Callback<NotificationPreferencesInfo> done)
{
    respond({u"getPreferences"_s, {}, {}}, context, std::move(done));
}

void FakeNotificationBackend::savePreferences(const NotificationPreferencesInfo &preferences,
    QObject *context, Callback<NotificationPreferencesInfo> done)
{
    // Saved as sent, as the server answers.
    respond({u"savePreferences"_s, {{u"preferences"_s, QVariant::fromValue(preferences)}}, {}},
        context, std::move(done), preferences);
}

std::unique_ptr<NotificationWatch> FakeNotificationBackend::watch(
    qint64 afterSequence, QObject *context, BatchHandler onBatch, Callback<Done> onEnd)
{
    auto stream = std::make_shared<FakeNotificationStream>();
    stream->m_after = afterSequence;
    stream->m_context = context;
    stream->m_onBatch = std::move(onBatch);
    stream->m_onEnd = std::move(onEnd);
    m_streams.append(stream);
    return std::make_unique<FakeNotificationWatch>(stream);
}
