#include "activity/monthly_returns.h"

#include "activity/activity_backend.h"
#include "identity/session.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QLocale>
#include <QStandardPaths>
#include <QUuid>

namespace {

QString hoursWords(int minutes)
{
    if (minutes <= 0) {
        return QObject::tr("none");
    }
    const int hours = minutes / 60;
    const int rest = minutes % 60;
    if (hours == 0) {
        return QObject::tr("%1 min").arg(rest);
    }
    return rest == 0 ? QObject::tr("%1 h").arg(hours)
                     : QObject::tr("%1 h %2 min").arg(hours).arg(rest);
}

QString monthWords(const QString &month)
{
    const QDate first
        = QDate::fromString(month + QStringLiteral("-01"), QStringLiteral("yyyy-MM-dd"));
    return first.isValid() ? QLocale().toString(first, QStringLiteral("MMMM yyyy")) : month;
}

QVariantMap addedWithWords(QVariantMap a)
{
    const QString kind = a.value(QStringLiteral("kind")).toString() == QLatin1String("mentoring")
        ? QObject::tr("mentoring")
        : QObject::tr("coaching");
    const QString category
        = a.value(QStringLiteral("category")).toString() == QLatin1String("group")
        ? QObject::tr("group")
        : QObject::tr("one to one");
    const QString paid
        = a.value(QStringLiteral("paid")).toBool() ? QObject::tr("paid") : QObject::tr("unpaid");
    a.insert(QStringLiteral("text"),
        QObject::tr("%1 of %2, %3, %4")
            .arg(hoursWords(a.value(QStringLiteral("minutes")).toInt()), kind, category, paid));
    return a;
}

} // namespace

QVariantMap MonthlyReturns::withWords(QVariantMap r)
{
    const QString state = r.value(QStringLiteral("state")).toString();
    const QDateTime due = r.value(QStringLiteral("dueAt")).toDateTime().toLocalTime();
    const QString dueDay = QLocale().toString(due.date(), QStringLiteral("ddd d MMMM"));
    r.insert(QStringLiteral("monthWords"), monthWords(r.value(QStringLiteral("month")).toString()));
    r.insert(QStringLiteral("stateText"),
        state == QLatin1String("confirmed")     ? QObject::tr("Confirmed")
            : state == QLatin1String("overdue") ? QObject::tr("Overdue: was due by %1").arg(dueDay)
            : state == QLatin1String("due")
            ? QObject::tr("Due by %1").arg(dueDay)
            : QObject::tr("This month: confirm it once it is over"));
    const QVariantMap derived = r.value(QStringLiteral("derived")).toMap();
    QVariantMap words = derived;
    words.insert(QStringLiteral("coachingText"),
        hoursWords(derived.value(QStringLiteral("coachingMinutes")).toInt()));
    words.insert(QStringLiteral("mentoringText"),
        hoursWords(derived.value(QStringLiteral("mentoringMinutes")).toInt()));
    r.insert(QStringLiteral("derived"), words);
    r.insert(QStringLiteral("hoursText"),
        QObject::tr("Coaching %1 · mentoring %2")
            .arg(words.value(QStringLiteral("coachingText")).toString(),
                words.value(QStringLiteral("mentoringText")).toString()));
    const auto versionWords = [](QVariantMap v) {
        QVariantList added;
        for (const QVariant &a : v.value(QStringLiteral("added")).toList()) {
            added.append(addedWithWords(a.toMap()));
        }
        v.insert(QStringLiteral("added"), added);
        v.insert(QStringLiteral("atText"),
            QLocale().toString(v.value(QStringLiteral("at")).toDateTime().toLocalTime(),
                QStringLiteral("d MMMM yyyy, HH:mm")));
        return v;
    };
    if (r.value(QStringLiteral("current")).isValid()) {
        r.insert(
            QStringLiteral("current"), versionWords(r.value(QStringLiteral("current")).toMap()));
    }
    QVariantList history;
    for (const QVariant &v : r.value(QStringLiteral("history")).toList()) {
        history.append(versionWords(v.toMap()));
    }
    r.insert(QStringLiteral("history"), history);
    return r;
}

MonthlyReturns::MonthlyReturns(QObject *parent)
    : QObject(parent)
{
    reload();
}

int MonthlyReturns::dueCount() const
{
    return static_cast<int>(
        std::count_if(m_items.cbegin(), m_items.cend(), [](const QVariant &item) {
            const QString state = item.toMap().value(QStringLiteral("state")).toString();
            return state == QLatin1String("due") || state == QLatin1String("overdue");
        }));
}

QVariant MonthlyReturns::firstDue() const
{
    for (qsizetype i = m_items.size() - 1; i >= 0; --i) {
        const QVariantMap map = m_items.at(i).toMap();
        const QString state = map.value(QStringLiteral("state")).toString();
        if (state == QLatin1String("due") || state == QLatin1String("overdue")) {
            return map;
        }
    }
    return QVariantMap();
}

void MonthlyReturns::reload()
{
    ActivityBackend *backend = Session::instance()->activity();
    if (!backend) {
        return;
    }
    const int generation = ++m_generation;
    m_loading = true;
    Q_EMIT loadingChanged();
    backend->listMonthlyReturns(this, [this, generation](const Result<QVariantList> &result) {
        if (generation != m_generation) {
            return;
        }
        m_loading = false;
        Q_EMIT loadingChanged();
        if (!result.ok()) {
            m_error = result.error().message;
        } else {
            m_error.clear();
            m_items.clear();
            for (const QVariant &item : result.value()) {
                m_items.append(withWords(item.toMap()));
            }
        }
        Q_EMIT itemsChanged();
    });
}

void MonthlyReturns::exportHoursLog(const QString &folder)
{
    ActivityBackend *backend = Session::instance()->activity();
    if (!backend) {
        return;
    }
    QString target = folder;
    if (target.isEmpty()) {
        target = QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation);
        QDir().mkpath(target);
    }
    backend->exportHoursLog(this, [this, target](const Result<QString> &result) {
        if (!result.ok()) {
            m_error = result.error().message;
            Q_EMIT itemsChanged();
            return;
        }
        const QString path = QDir(target).filePath(QStringLiteral("tandem-hours-log.csv"));
        QFile file(path);
        if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate)
            || file.write(result.value().toUtf8()) < 0) {
            m_error
                = tr("The hours log could not be saved in %1. Choose another folder.").arg(target);
            Q_EMIT itemsChanged();
            return;
        }
        Q_EMIT hoursLogSaved(path);
    });
}

MonthlyReturnForm::MonthlyReturnForm(QObject *parent)
    : QObject(parent)
{ }

void MonthlyReturnForm::setMonth(const QString &month)
{
    if (month != m_month) {
        m_month = month;
        Q_EMIT monthChanged();
        reload();
    }
}

bool MonthlyReturnForm::amending() const
{
    return m_return.value(QStringLiteral("state")).toString() == QLatin1String("confirmed");
}

void MonthlyReturnForm::setNewTheme(const QString &text)
{
    if (text != m_newTheme) {
        m_newTheme = text;
        Q_EMIT draftChanged();
    }
}

void MonthlyReturnForm::setReason(const QString &text)
{
    if (text != m_reason) {
        m_reason = text;
        Q_EMIT draftChanged();
    }
}

void MonthlyReturnForm::reload()
{
    ActivityBackend *backend = Session::instance()->activity();
    if (!backend || m_month.isEmpty()) {
        return;
    }
    const int generation = ++m_generation;
    backend->getMonthlyReturn(m_month, this, [this, generation](const Result<QVariantMap> &result) {
        if (generation != m_generation) {
            return;
        }
        if (!result.ok()) {
            setError(result.error().message);
            return;
        }
        setReturn(result.value());
    });
}

void MonthlyReturnForm::setReturn(const QVariantMap &monthlyReturn)
{
    m_return = MonthlyReturns::withWords(monthlyReturn);
    // A confirmed return's form starts from what was confirmed.
    const QVariantMap current = m_return.value(QStringLiteral("current")).toMap();
    m_added = current.value(QStringLiteral("added")).toList();
    m_themes = current.value(QStringLiteral("themes")).toStringList();
    m_newTheme = current.value(QStringLiteral("newTheme")).toString();
    m_reason.clear();
    Q_EMIT returnChanged();
    Q_EMIT draftChanged();
}

void MonthlyReturnForm::addHours(
    const QString &kind, const QString &category, bool paid, int minutes)
{
    m_added.append(
        addedWithWords({{QStringLiteral("kind"), kind}, {QStringLiteral("category"), category},
            {QStringLiteral("paid"), paid}, {QStringLiteral("minutes"), minutes}}));
    Q_EMIT draftChanged();
}

void MonthlyReturnForm::removeHours(int index)
{
    if (index >= 0 && index < m_added.size()) {
        m_added.removeAt(index);
        Q_EMIT draftChanged();
    }
}

void MonthlyReturnForm::toggleTheme(const QString &code)
{
    if (!m_themes.removeOne(code)) {
        m_themes.append(code);
    }
    Q_EMIT draftChanged();
}

void MonthlyReturnForm::submit()
{
    ActivityBackend *backend = Session::instance()->activity();
    if (!backend || m_busy || !loaded()) {
        return;
    }
    if (amending() && m_reason.trimmed().isEmpty()) {
        setError(tr("Say why you are correcting this return."));
        return;
    }
    // One key per change, kept for retries until it is answered.
    if (m_key.isEmpty()) {
        m_key = QUuid::createUuid().toString(QUuid::WithoutBraces);
    }
    const QVariantMap entry {{QStringLiteral("month"), m_month}, {QStringLiteral("added"), m_added},
        {QStringLiteral("themes"), m_themes}, {QStringLiteral("newTheme"), m_newTheme},
        {QStringLiteral("reason"), m_reason}};
    m_busy = true;
    Q_EMIT busyChanged();
    const auto done = [this](const Result<QVariantMap> &result) {
        m_busy = false;
        Q_EMIT busyChanged();
        if (!result.ok()) {
            if (result.error().kind == BackendError::Kind::Rejected) {
                m_key.clear();
            }
            setError(result.error().message);
            return;
        }
        m_key.clear();
        setError(QString());
        setReturn(result.value());
        Q_EMIT saved();
    };
    if (amending()) {
        backend->amendMonthlyReturn(entry, m_key, this, done);
    } else {
        backend->confirmMonthlyReturn(entry, m_key, this, done);
    }
}

void MonthlyReturnForm::setError(const QString &message)
{
    if (message != m_error) {
        m_error = message;
        Q_EMIT errorChanged();
    }
}
