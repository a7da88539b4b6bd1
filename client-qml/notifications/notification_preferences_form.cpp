#include "notifications/notification_preferences_form.h"

#include "identity/session.h"
#include "notifications/notification_backend.h"

#include <QCoreApplication>
#include <QTime>

#include <algorithm>

namespace {

/// The groups, in the order the Account page shows them. A group with a
/// role names the roles it can concern; the rest concern anyone.
struct Group {
    const char *key;
    const char *title;
    const char *roles[2];
};
constexpr Group kGroups[] = {
    {"requests", QT_TRANSLATE_NOOP("NotificationPreferencesForm", "Requests and matches"), {}},
    {"sessions", QT_TRANSLATE_NOOP("NotificationPreferencesForm", "Sessions"), {}},
    {"reminders", QT_TRANSLATE_NOOP("NotificationPreferencesForm", "Reminders"), {}},
    {"reviews", QT_TRANSLATE_NOOP("NotificationPreferencesForm", "Reviews and evaluations"), {}},
    {"returns", QT_TRANSLATE_NOOP("NotificationPreferencesForm", "Monthly returns"),
        {"coach", "mentor"}},
    {"pool", QT_TRANSLATE_NOOP("NotificationPreferencesForm", "The pool and supervision"), {}},
    {"safeguarding", QT_TRANSLATE_NOOP("NotificationPreferencesForm", "Safeguarding"),
        {"supervisor", "coordinator"}},
};

/// Each kind of notification in plain words, and its group.
struct Kind {
    const char *kind;
    const char *group;
    const char *label;
};
constexpr Kind kKinds[] = {
    {"request_received", "requests",
        QT_TRANSLATE_NOOP("NotificationPreferencesForm", "A request for you to answer")},
    {"request_accepted", "requests",
        QT_TRANSLATE_NOOP("NotificationPreferencesForm", "Your request is accepted")},
    {"request_declined", "requests",
        QT_TRANSLATE_NOOP("NotificationPreferencesForm", "Your request is declined")},
    {"request_returned", "requests",
        QT_TRANSLATE_NOOP(
            "NotificationPreferencesForm", "Your request goes back to the waiting list")},
    {"match_confirmed", "requests",
        QT_TRANSLATE_NOOP("NotificationPreferencesForm", "You are matched with someone")},
    {"terms_to_agree", "sessions",
        QT_TRANSLATE_NOOP("NotificationPreferencesForm", "Contract terms to agree")},
    {"session_proposed", "sessions",
        QT_TRANSLATE_NOOP("NotificationPreferencesForm", "A session is proposed")},
    {"session_accepted", "sessions",
        QT_TRANSLATE_NOOP("NotificationPreferencesForm", "A session you proposed is accepted")},
    {"session_moved", "sessions",
        QT_TRANSLATE_NOOP("NotificationPreferencesForm", "A session is moved")},
    {"session_cancelled", "sessions",
        QT_TRANSLATE_NOOP("NotificationPreferencesForm", "A session is cancelled")},
    {"session_tomorrow", "reminders",
        QT_TRANSLATE_NOOP("NotificationPreferencesForm", "A session tomorrow")},
    {"session_soon", "reminders",
        QT_TRANSLATE_NOOP("NotificationPreferencesForm", "A session within the hour")},
    {"record_session", "reminders",
        QT_TRANSLATE_NOOP("NotificationPreferencesForm", "A session still to record")},
    {"goal_review_due", "reviews",
        QT_TRANSLATE_NOOP("NotificationPreferencesForm", "A goal review is due")},
    {"evaluation_due", "reviews",
        QT_TRANSLATE_NOOP("NotificationPreferencesForm", "The end evaluation is due")},
    {"follow_up_due", "reviews",
        QT_TRANSLATE_NOOP("NotificationPreferencesForm", "The follow-up is due")},
    {"return_due", "returns",
        QT_TRANSLATE_NOOP("NotificationPreferencesForm", "Your monthly return is due")},
    {"return_overdue", "returns",
        QT_TRANSLATE_NOOP("NotificationPreferencesForm", "Your monthly return is overdue")},
    {"supervision_lapsing", "pool",
        QT_TRANSLATE_NOOP("NotificationPreferencesForm", "Supervision ends within 30 days")},
    {"qualification_lapsing", "pool",
        QT_TRANSLATE_NOOP("NotificationPreferencesForm", "A qualification ends within 30 days")},
    {"application_approved", "pool",
        QT_TRANSLATE_NOOP(
            "NotificationPreferencesForm", "Your application to join the pool is approved")},
    {"application_declined", "pool",
        QT_TRANSLATE_NOOP(
            "NotificationPreferencesForm", "Your application to join the pool is declined")},
    {"concern_raised", "safeguarding",
        QT_TRANSLATE_NOOP("NotificationPreferencesForm", "A concern for you to read")},
    {"concern_escalated", "safeguarding",
        QT_TRANSLATE_NOOP("NotificationPreferencesForm", "A concern passed on to you")},
};

constexpr int kMinutesPerDay = 24 * 60;
constexpr int kStepMinutes = 30;
/// Offered when quiet hours are turned on: no email overnight.
constexpr int kDefaultQuietFrom = 21 * 60;
constexpr int kDefaultQuietTo = 7 * 60;

QString translated(const char *text)
{
    return QCoreApplication::translate("NotificationPreferencesForm", text);
}

bool concernsPerson(const Group &group)
{
    if (group.roles[0] == nullptr) {
        return true;
    }
    for (const char *role : group.roles) {
        if (role != nullptr && Session::instance()->hasRole(QString::fromLatin1(role))) {
            return true;
        }
    }
    return false;
}

} // namespace

NotificationPreferencesForm::NotificationPreferencesForm(QObject *parent)
    : FormBase(parent)
{
    reload();
}

QString NotificationPreferencesForm::labelFor(const QString &kind)
{
    for (const Kind &k : kKinds) {
        if (kind == QLatin1String(k.kind)) {
            return translated(k.label);
        }
    }
    return {};
}

QString NotificationPreferencesForm::timeText(int minute)
{
    const int m = ((minute % kMinutesPerDay) + kMinutesPerDay) % kMinutesPerDay;
    return QTime(m / 60, m % 60).toString(QStringLiteral("HH:mm"));
}

int NotificationPreferencesForm::minuteOf(const QString &time)
{
    const QTime t = parseTime(time);
    return t.isValid() ? t.hour() * 60 + t.minute() : -1;
}

QVariantList NotificationPreferencesForm::groups() const
{
    QVariantList list;
    for (const Group &group : kGroups) {
        if (!concernsPerson(group)) {
            continue;
        }
        QVariantList kinds;
        for (const Kind &k : kKinds) {
            const QString kind = QString::fromLatin1(k.kind);
            if (qstrcmp(k.group, group.key) != 0) {
                continue;
            }
            // Only the kinds this server has.
            const bool known = std::any_of(m_saved.kinds.cbegin(), m_saved.kinds.cend(),
                [&kind](const KindEmailChoice &choice) { return choice.kind == kind; });
            if (known) {
                kinds.append(QVariantMap {{QStringLiteral("kind"), kind},
                    {QStringLiteral("label"), translated(k.label)}});
            }
        }
        if (!kinds.isEmpty()) {
            list.append(QVariantMap {{QStringLiteral("key"), QString::fromLatin1(group.key)},
                {QStringLiteral("title"), translated(group.title)},
                {QStringLiteral("kinds"), kinds}});
        }
    }
    return list;
}

QStringList NotificationPreferencesForm::emailKinds() const
{
    QStringList kinds;
    for (const KindEmailChoice &choice : m_draft.kinds) {
        if (choice.email) {
            kinds.append(choice.kind);
        }
    }
    return kinds;
}

void NotificationPreferencesForm::setQuietHours(bool on)
{
    if (on == m_quietHours) {
        return;
    }
    m_quietHours = on;
    if (on && m_draft.quietFromMinute == m_draft.quietToMinute) {
        m_draft.quietFromMinute = kDefaultQuietFrom;
        m_draft.quietToMinute = kDefaultQuietTo;
    }
    setFieldError(QStringLiteral("quietTo"), {});
    Q_EMIT draftChanged();
}

QString NotificationPreferencesForm::quietFrom() const
{
    return timeText(m_draft.quietFromMinute);
}

void NotificationPreferencesForm::setQuietFrom(const QString &time)
{
    const int minute = minuteOf(time);
    if (minute >= 0 && change(m_draft.quietFromMinute, minute, QStringLiteral("quietFrom"))) {
        setFieldError(QStringLiteral("quietTo"), {});
        Q_EMIT draftChanged();
    }
}

QString NotificationPreferencesForm::quietTo() const
{
    return timeText(m_draft.quietToMinute);
}

void NotificationPreferencesForm::setQuietTo(const QString &time)
{
    const int minute = minuteOf(time);
    if (minute >= 0 && change(m_draft.quietToMinute, minute, QStringLiteral("quietTo"))) {
        Q_EMIT draftChanged();
    }
}

QVariantList NotificationPreferencesForm::timeOptions() const
{
    QList<int> minutes;
    for (int m = 0; m < kMinutesPerDay; m += kStepMinutes) {
        minutes.append(m);
    }
    // A time saved elsewhere between the half hours is offered as it is.
    for (int saved : {m_saved.quietFromMinute, m_saved.quietToMinute}) {
        if (!minutes.contains(saved)) {
            minutes.append(saved);
        }
    }
    std::sort(minutes.begin(), minutes.end());
    QVariantList options;
    for (int m : std::as_const(minutes)) {
        const QString text = timeText(m);
        options.append(
            QVariantMap {{QStringLiteral("key"), text}, {QStringLiteral("label"), text}});
    }
    return options;
}

bool NotificationPreferencesForm::changed() const
{
    const bool savedQuiet = m_saved.quietFromMinute != m_saved.quietToMinute;
    if (m_quietHours != savedQuiet) {
        return true;
    }
    if (m_quietHours
        && (m_draft.quietFromMinute != m_saved.quietFromMinute
            || m_draft.quietToMinute != m_saved.quietToMinute)) {
        return true;
    }
    return emailKinds() != [this] {
        QStringList kinds;
        for (const KindEmailChoice &choice : m_saved.kinds) {
            if (choice.email) {
                kinds.append(choice.kind);
            }
        }
        return kinds;
    }();
}

void NotificationPreferencesForm::reload()
{
    NotificationBackend *backend = Session::instance()->notifications();
    if (!backend || !Session::instance()->signedIn()) {
        return;
    }
    const int generation = ++m_generation;
    setLoading(true);
    backend->getPreferences(
        this, [this, generation](const Result<NotificationPreferencesInfo> &result) {
            if (generation != m_generation) {
                return;
            }
            setLoading(false);
            if (!result.ok()) {
                fail(result.error().kind == BackendError::Kind::Unreachable
                        ? tr("Your notification settings need the server: try again when you "
                             "are online.")
                        : result.error().message);
                return;
            }
            setErrorMessage({});
            take(result.value());
        });
}

void NotificationPreferencesForm::take(const NotificationPreferencesInfo &preferences)
{
    m_saved = preferences;
    m_loaded = true;
    Q_EMIT loadedChanged();
    revert();
}

void NotificationPreferencesForm::revert()
{
    m_draft = m_saved;
    m_quietHours = m_saved.quietFromMinute != m_saved.quietToMinute;
    setFieldErrors({});
    Q_EMIT draftChanged();
}

bool NotificationPreferencesForm::emailFor(const QString &kind) const
{
    for (const KindEmailChoice &choice : m_draft.kinds) {
        if (choice.kind == kind) {
            return choice.email;
        }
    }
    return false;
}

void NotificationPreferencesForm::setEmail(const QString &kind, bool email)
{
    for (KindEmailChoice &choice : m_draft.kinds) {
        if (choice.kind == kind) {
            if (change(choice.email, email)) {
                Q_EMIT draftChanged();
            }
            return;
        }
    }
}

void NotificationPreferencesForm::save()
{
    NotificationBackend *backend = Session::instance()->notifications();
    if (!backend || busy() || !m_loaded) {
        return;
    }
    setErrorMessage({});
    setFieldErrors({});
    NotificationPreferencesInfo preferences = m_draft;
    if (!m_quietHours) {
        preferences.quietFromMinute = 0;
        preferences.quietToMinute = 0;
    } else if (preferences.quietFromMinute == preferences.quietToMinute) {
        setFieldError(QStringLiteral("quietTo"),
            tr("Choose when quiet hours end: a time different from when they start"));
        return;
    }
    setBusy(true);
    ++m_generation; // a load still arriving is older than this
    backend->savePreferences(
        preferences, this, [this](const Result<NotificationPreferencesInfo> &result) {
            setBusy(false);
            if (!result.ok()) {
                fail(result.error(),
                    {{QStringLiteral("quiet_from_minute"), QStringLiteral("quietFrom")},
                        {QStringLiteral("quiet_to_minute"), QStringLiteral("quietTo")}});
                return;
            }
            take(result.value());
            Q_EMIT saved(tr("Your notification settings are saved."));
        });
}

void NotificationPreferencesForm::setLoading(bool loading)
{
    if (loading != m_loading) {
        m_loading = loading;
        Q_EMIT loadingChanged();
    }
}
