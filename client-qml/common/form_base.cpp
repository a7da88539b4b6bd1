#include "common/form_base.h"

#include <QRegularExpression>

bool FormBase::busy() const
{
    return m_busy;
}

QString FormBase::errorMessage() const
{
    return m_errorMessage;
}

void FormBase::setErrorMessage(const QString &message)
{
    if (message == m_errorMessage) {
        return;
    }
    m_errorMessage = message;
    Q_EMIT errorMessageChanged();
}

QVariantMap FormBase::fieldErrors() const
{
    return m_fieldErrors;
}

QVariant FormBase::fieldErrorsForQml() const
{
    return m_fieldErrors;
}

void FormBase::clearError()
{
    setErrorMessage({});
}

QDate FormBase::parseDate(const QString &text)
{
    static const QRegularExpression pattern(QStringLiteral("^\\d{4}-\\d{2}-\\d{2}$"));
    const QString trimmed = text.trimmed();
    return pattern.match(trimmed).hasMatch() ? QDate::fromString(trimmed, Qt::ISODate) : QDate();
}

QTime FormBase::parseTime(const QString &text)
{
    static const QRegularExpression pattern(QStringLiteral("^(\\d{1,2})[:.](\\d{2})$"));
    const auto match = pattern.match(text.trimmed());
    if (!match.hasMatch()) {
        return {};
    }
    return QTime(match.captured(1).toInt(), match.captured(2).toInt());
}

QString FormBase::dateProblem(const QDate &example)
{
    return tr("Enter a real date, with the day, month and year, like %1.")
        .arg(example.toString(QStringLiteral("d M yyyy")));
}

QString FormBase::timeProblem()
{
    return tr("Enter the time on the 24-hour clock, like 14:30.");
}

void FormBase::setBusy(bool busy)
{
    if (busy == m_busy) {
        return;
    }
    m_busy = busy;
    Q_EMIT busyChanged();
}

void FormBase::setFieldError(const QString &field, const QString &message)
{
    if (message.isEmpty() ? !m_fieldErrors.contains(field)
                          : m_fieldErrors.value(field).toString() == message) {
        return;
    }
    if (message.isEmpty()) {
        m_fieldErrors.remove(field);
    } else {
        m_fieldErrors.insert(field, message);
    }
    Q_EMIT fieldErrorsChanged();
}

void FormBase::setFieldErrors(const QVariantMap &errors)
{
    if (errors == m_fieldErrors) {
        return;
    }
    m_fieldErrors = errors;
    Q_EMIT fieldErrorsChanged();
}

void FormBase::fail(const QString &message)
{
    setErrorMessage(message);
    Q_EMIT errorOccurred(message);
}

void FormBase::fail(const BackendError &error, const QHash<QString, QString> &fields)
{
    if (const auto it = fields.constFind(error.field); it != fields.constEnd()) {
        setFieldError(*it, error.message);
    }
    fail(error.message);
}
