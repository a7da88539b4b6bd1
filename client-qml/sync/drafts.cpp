#include "sync/drafts.h"

#include "sync/outbox_store.h"
#include "sync/sync_queue.h"

#include <QCoreApplication>
#include <QJsonObject>
#include <QPointer>

namespace {

/// A part of a draft's name: ids as whole numbers (QML gives doubles).
QString partOf(const QVariant &part)
{
    if (part.metaType() == QMetaType::fromType<double>()
        || part.metaType() == QMetaType::fromType<float>()) {
        return QString::number(part.toLongLong());
    }
    return part.toString();
}

} // namespace

Drafts *Drafts::instance()
{
    static QPointer<Drafts> drafts;
    if (!drafts) {
        drafts = new Drafts(QCoreApplication::instance());
    }
    return drafts;
}

Drafts *Drafts::create(QQmlEngine *qmlEngine, QJSEngine *jsEngine)
{
    Q_UNUSED(qmlEngine)
    Q_UNUSED(jsEngine)
    Drafts *drafts = instance();
    QJSEngine::setObjectOwnership(drafts, QJSEngine::CppOwnership);
    return drafts;
}

QString Drafts::nameFor(WriteKind::Kind kind, const QVariant &subject)
{
    QStringList parts {WriteKinds::nameOf(kind)};
    if (subject.metaType() == QMetaType::fromType<QVariantList>()
        || subject.metaType() == QMetaType::fromType<QStringList>()) {
        for (const QVariant &part : subject.toList()) {
            parts.append(partOf(part));
        }
    } else if (subject.isValid() && !subject.isNull()) {
        parts.append(partOf(subject));
    }
    return parts.join(QLatin1Char(':'));
}

bool Drafts::save(const QString &name, const QVariantMap &fields)
{
    SyncQueue *queue = SyncQueue::instance();
    OutboxStore *store = queue->openStore();
    if (queue->accountId() <= 0 || name.isEmpty() || !store) {
        return false;
    }
    QString error;
    if (!store->saveDraft(queue->accountId(), queue->server(), name,
            QJsonObject::fromVariantMap(fields), QDateTime::currentDateTimeUtc(), &error)) {
        Q_EMIT errorOccurred(tr("Can't keep what you typed on this device (%1).").arg(error));
        return false;
    }
    return true;
}

QVariantMap Drafts::load(const QString &name) const
{
    SyncQueue *queue = SyncQueue::instance();
    OutboxStore *store = queue->openStore();
    if (queue->accountId() <= 0 || name.isEmpty() || !store) {
        return {};
    }
    const auto kept = store->draft(queue->accountId(), queue->server(), name);
    return kept ? kept->first.toVariantMap() : QVariantMap();
}

QDateTime Drafts::savedAt(const QString &name) const
{
    SyncQueue *queue = SyncQueue::instance();
    OutboxStore *store = queue->openStore();
    if (queue->accountId() <= 0 || name.isEmpty() || !store) {
        return {};
    }
    const auto kept = store->draft(queue->accountId(), queue->server(), name);
    return kept ? kept->second : QDateTime();
}

void Drafts::clear(const QString &name)
{
    SyncQueue *queue = SyncQueue::instance();
    OutboxStore *store = queue->openStore();
    if (queue->accountId() > 0 && !name.isEmpty() && store) {
        store->removeDraft(queue->accountId(), queue->server(), name);
    }
}

int Drafts::count() const
{
    SyncQueue *queue = SyncQueue::instance();
    OutboxStore *store = queue->openStore();
    return queue->accountId() > 0 && store ? store->draftCount(queue->accountId(), queue->server())
                                           : 0;
}
