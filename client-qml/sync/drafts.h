#pragma once

#include "sync/write_kinds.h"

#include <QDateTime>
#include <QObject>
#include <QQmlEngine>
#include <QVariantMap>

/// The drafts kept on this device (`Drafts` in QML): what the signed-in
/// person typed in a form and has not saved yet, per account and server, in
/// the outbox's file (sealed there like the writes). A draft is named after
/// the kind of write it becomes and what it is about (nameFor()). Forms keep
/// theirs through a Draft; this is the store they share. One per app, owned
/// by C++ like SyncQueue.
class Drafts : public QObject {
    Q_OBJECT
    QML_ELEMENT
    QML_SINGLETON

public:
    static Drafts *instance();
    static Drafts *create(QQmlEngine *qmlEngine, QJSEngine *jsEngine);

    /// The name of the draft of a write of `kind` about `subject`: an id, a
    /// list of ids and words, or nothing — "cancel_session:12",
    /// "record_session:12:0", "propose_session:queued:<key>", "raise_concern".
    static QString nameFor(WriteKind::Kind kind, const QVariant &subject = {});

    /// Keeps `fields` as the draft `name`, committed at once; false (and
    /// errorOccurred) if it could not be kept.
    Q_INVOKABLE bool save(const QString &name, const QVariantMap &fields);
    /// The draft `name`; empty if there is none.
    Q_INVOKABLE QVariantMap load(const QString &name) const;
    /// When the draft `name` was kept; invalid if there is none.
    Q_INVOKABLE QDateTime savedAt(const QString &name) const;
    /// Forgets the draft `name` (it was sent, or the person discarded it).
    Q_INVOKABLE void clear(const QString &name);
    /// How many drafts the signed-in person keeps on this server.
    Q_INVOKABLE int count() const;

Q_SIGNALS:
    /// A draft could not be kept (the file, usually), in words for people.
    void errorOccurred(const QString &message);

private:
    using QObject::QObject;
};
