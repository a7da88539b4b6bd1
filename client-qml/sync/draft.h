#pragma once

#include "sync/write_kinds.h"

#include <QDateTime>
#include <QObject>
#include <QQmlEngine>
#include <QQmlParserStatus>
#include <QTimer>
#include <QVariantMap>

#include <functional>

/// What one form holds as a draft, kept in Drafts while the person types so
/// that nothing typed is lost when the app is killed: a change is saved half
/// a second after the last one (kDelayMs; flush() saves at once), load()
/// reads it back, clear() forgets it. The draft is named after the write it
/// becomes and what it is about (Drafts::nameFor()); with no kind, nothing
/// is kept. What is pending is saved when the name changes and when the
/// Draft goes.
///
/// A C++ form gives its fields as a function and calls changed(); in QML the
/// fields are a property, and a change to them while `active` counts:
///
///     Draft {
///         kind: WriteKind.CancelSession
///         subject: row.session.id
///         active: row.cancelling
///         fields: ({ reason: reasonField.text })
///     }
class Draft : public QObject, public QQmlParserStatus {
    Q_OBJECT
    QML_ELEMENT
    Q_INTERFACES(QQmlParserStatus)

    /// The kind of write the draft becomes (WriteKind); none by default.
    Q_PROPERTY(int kind READ kind WRITE setKind NOTIFY nameChanged)
    /// What it is about: an id, a list of ids and words, or nothing.
    Q_PROPERTY(QVariant subject READ subject WRITE setSubject NOTIFY nameChanged)
    /// The name it is kept under; empty with no kind.
    Q_PROPERTY(QString name READ name NOTIFY nameChanged)
    /// QML: what to keep. A change while active is saved shortly after.
    Q_PROPERTY(QVariantMap fields READ fields WRITE setFields NOTIFY fieldsChanged)
    /// While false (the form fills itself, or is closed) changes are not kept.
    Q_PROPERTY(bool active READ active WRITE setActive NOTIFY activeChanged)

public:
    static constexpr int kDelayMs = 500;

    /// For QML: the fields come from the `fields` property.
    explicit Draft(QObject *parent = nullptr);
    /// For a C++ form: `fields` gives what to keep when it is saved.
    explicit Draft(std::function<QVariantMap()> fields, QObject *parent = nullptr);
    /// Saves what is pending first.
    ~Draft() override;

    int kind() const;
    void setKind(int kind);
    QVariant subject() const;
    void setSubject(const QVariant &subject);
    QString name() const;
    QVariantMap fields() const;
    void setFields(const QVariantMap &fields);
    bool active() const;
    void setActive(bool active);

    /// Names the draft (saving what is pending for the one before) and
    /// returns what is kept under the new name; empty if nothing is.
    QVariantMap open(WriteKind::Kind kind, const QVariant &subject = {});
    /// The fields changed: saved kDelayMs after the last change.
    void changed();
    /// Saves now if a change is pending.
    Q_INVOKABLE void flush();
    /// Saves now, pending or not; false if it could not be kept.
    Q_INVOKABLE bool save();
    /// The draft kept under the name; empty if none.
    Q_INVOKABLE QVariantMap load() const;
    /// When it was kept; invalid if there is none.
    Q_INVOKABLE QDateTime savedAt() const;
    /// Forgets the draft (it was sent, or the person discarded it).
    Q_INVOKABLE void clear();

    void classBegin() override;
    void componentComplete() override;

    /// While one lives, the form's changes are its own filling, not the
    /// person typing: nothing is saved for them.
    class Quiet {
    public:
        explicit Quiet(Draft &draft);
        ~Quiet();
        Quiet(const Quiet &) = delete;
        Quiet &operator=(const Quiet &) = delete;

    private:
        Draft &m_draft;
    };

Q_SIGNALS:
    void nameChanged();
    void fieldsChanged();
    void activeChanged();

private:
    void rename(int kind, const QVariant &subject);
    QVariantMap current() const;

    std::function<QVariantMap()> m_fieldsOf;
    QVariantMap m_fields;
    int m_kind = WriteKind::kUnknown;
    QVariant m_subject;
    QString m_name;
    bool m_active = true;
    bool m_complete = true; ///< false while QML sets the properties
    int m_quiet = 0;
    QTimer m_timer;
};
