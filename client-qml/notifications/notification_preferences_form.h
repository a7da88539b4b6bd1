#pragma once

#include "common/form_base.h"
#include "notifications/notification_types.h"

#include <QString>
#include <QStringList>
#include <QVariantList>

/// The signed-in person's notification settings (GetNotificationPreferences,
/// SaveNotificationPreferences): for each kind of notification, whether it
/// also comes by email (it always shows in the app), and quiet hours when
/// no email is sent (except about a safeguarding concern). Loads when made
/// and on reload(); save() goes straight to the server, which replaces the
/// settings whole, so a retry does no harm.
class NotificationPreferencesForm : public FormBase {
    Q_OBJECT
    QML_ELEMENT

    Q_PROPERTY(bool loading READ loading NOTIFY loadingChanged)
    Q_PROPERTY(bool loaded READ loaded NOTIFY loadedChanged)
    /// False when the server sends no email at all.
    Q_PROPERTY(bool emailAvailable READ emailAvailable NOTIFY loadedChanged)
    /// Where email goes: the account's address.
    Q_PROPERTY(QString emailAddress READ emailAddress NOTIFY loadedChanged)
    /// The kinds in plain words, in groups: [{key, title, kinds: [{kind,
    /// label}]}], only the groups that can concern the person.
    Q_PROPERTY(QVariantList groups READ groups NOTIFY loadedChanged)
    /// The kinds that also come by email, as the form holds them.
    Q_PROPERTY(QStringList emailKinds READ emailKinds NOTIFY draftChanged)
    /// Whether there are quiet hours.
    Q_PROPERTY(bool quietHours READ quietHours WRITE setQuietHours NOTIFY draftChanged)
    /// "21:00": when quiet hours start and end (in the programme's time zone).
    Q_PROPERTY(QString quietFrom READ quietFrom WRITE setQuietFrom NOTIFY draftChanged)
    Q_PROPERTY(QString quietTo READ quietTo WRITE setQuietTo NOTIFY draftChanged)
    /// The times to choose from, every half hour: [{key: "21:00", label}].
    Q_PROPERTY(QVariantList timeOptions READ timeOptions NOTIFY loadedChanged)
    /// The form differs from what is saved.
    Q_PROPERTY(bool changed READ changed NOTIFY draftChanged)

public:
    explicit NotificationPreferencesForm(QObject *parent = nullptr);

    bool loading() const { return m_loading; }
    bool loaded() const { return m_loaded; }
    bool emailAvailable() const { return m_saved.emailAvailable; }
    QString emailAddress() const { return m_saved.emailAddress; }
    QVariantList groups() const;
    QStringList emailKinds() const;
    bool quietHours() const { return m_quietHours; }
    void setQuietHours(bool on);
    QString quietFrom() const;
    void setQuietFrom(const QString &time);
    QString quietTo() const;
    void setQuietTo(const QString &time);
    QVariantList timeOptions() const;
    bool changed() const;

    /// A kind's plain name ("A session is moved"); empty for one unknown.
    static QString labelFor(const QString &kind);
    /// "21:00" for 1260 minutes after midnight; the minutes of "21:00"
    /// (-1 if it is not a time).
    static QString timeText(int minute);
    static int minuteOf(const QString &time);

    /// Loads the settings as saved, replacing what the form holds.
    Q_INVOKABLE void reload();
    /// Back to the settings as saved.
    Q_INVOKABLE void revert();
    /// Whether `kind` also comes by email, as the form holds it.
    Q_INVOKABLE bool emailFor(const QString &kind) const;
    Q_INVOKABLE void setEmail(const QString &kind, bool email);
    /// Checks and saves; saved() says so.
    Q_INVOKABLE void save();

Q_SIGNALS:
    void loadingChanged();
    void loadedChanged();
    void draftChanged();
    /// The server has the settings; `message` says so.
    void saved(const QString &message);

private:
    void setLoading(bool loading);
    /// Takes the settings as the server has them, form and all.
    void take(const NotificationPreferencesInfo &preferences);

    NotificationPreferencesInfo m_saved;
    NotificationPreferencesInfo m_draft;
    /// Quiet hours on; m_draft keeps the times while off, to offer again.
    bool m_quietHours = false;
    bool m_loading = false;
    bool m_loaded = false;
    int m_generation = 0;
};
