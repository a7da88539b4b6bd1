#include "sync/draft.h"

#include "sync/drafts.h"

#include <QCoreApplication>

Draft::Draft(QObject *parent)
    : Draft(nullptr, parent)
{ }

Draft::Draft(std::function<QVariantMap()> fields, QObject *parent)
    : QObject(parent)
    , m_fieldsOf(std::move(fields))
{
    m_timer.setSingleShot(true);
    m_timer.setInterval(kDelayMs);
    connect(&m_timer, &QTimer::timeout, this, &Draft::save);
}

Draft::~Draft()
{
    // Not while the app goes down: the store may be gone already.
    if (QCoreApplication::instance() && !QCoreApplication::closingDown()) {
        flush();
    }
}

int Draft::kind() const
{
    return m_kind;
}

void Draft::setKind(int kind)
{
    rename(kind, m_subject);
}

QVariant Draft::subject() const
{
    return m_subject;
}

void Draft::setSubject(const QVariant &subject)
{
    rename(m_kind, subject);
}

QString Draft::name() const
{
    return m_name;
}

QVariantMap Draft::fields() const
{
    return m_fields;
}

void Draft::setFields(const QVariantMap &fields)
{
    if (fields == m_fields) {
        return;
    }
    m_fields = fields;
    Q_EMIT fieldsChanged();
    changed();
}

bool Draft::active() const
{
    return m_active;
}

void Draft::setActive(bool active)
{
    if (active == m_active) {
        return;
    }
    if (!active) {
        flush(); // what was typed before the form closed
    }
    m_active = active;
    Q_EMIT activeChanged();
}

void Draft::rename(int kind, const QVariant &subject)
{
    if (kind == m_kind && subject == m_subject) {
        return;
    }
    flush(); // under the name it was typed for
    m_kind = kind;
    m_subject = subject;
    const bool known = kind >= 0 && kind < static_cast<int>(WriteKinds::all().size());
    m_name = known ? Drafts::nameFor(static_cast<WriteKind::Kind>(kind), subject) : QString();
    Q_EMIT nameChanged();
}

QVariantMap Draft::open(WriteKind::Kind kind, const QVariant &subject)
{
    rename(kind, subject);
    return load();
}

void Draft::changed()
{
    if (!m_name.isEmpty() && m_active && m_complete && m_quiet == 0) {
        m_timer.start();
    }
}

void Draft::flush()
{
    if (m_timer.isActive()) {
        save();
    }
}

QVariantMap Draft::current() const
{
    return m_fieldsOf ? m_fieldsOf() : m_fields;
}

bool Draft::save()
{
    m_timer.stop();
    return !m_name.isEmpty() && Drafts::instance()->save(m_name, current());
}

QVariantMap Draft::load() const
{
    return m_name.isEmpty() ? QVariantMap() : Drafts::instance()->load(m_name);
}

QDateTime Draft::savedAt() const
{
    return m_name.isEmpty() ? QDateTime() : Drafts::instance()->savedAt(m_name);
}

void Draft::clear()
{
    m_timer.stop();
    if (!m_name.isEmpty()) {
        Drafts::instance()->clear(m_name);
    }
}

void Draft::classBegin()
{
    // The first values QML gives are the form's start, not typing.
    m_complete = false;
}

void Draft::componentComplete()
{
    m_complete = true;
}

Draft::Quiet::Quiet(Draft &draft)
    : m_draft(draft)
{
    ++m_draft.m_quiet;
}

Draft::Quiet::~Quiet()
{
    --m_draft.m_quiet;
}
