#pragma once

#include "common/result.h"

#include <QDate>
#include <QObject>
#include <QQmlEngine>
#include <QTime>
#include <QVariantMap>

/// What the app's forms share: `busy`, a message for the whole
/// form (`errorMessage`) and problems with single fields (`fieldErrors`,
/// keyed by the form's property names), in words a person can act on.
class FormBase : public QObject {
    Q_OBJECT
    QML_ANONYMOUS

    Q_PROPERTY(bool busy READ busy NOTIFY busyChanged)
    Q_PROPERTY(
        QString errorMessage READ errorMessage WRITE setErrorMessage NOTIFY errorMessageChanged)
    /// A map (untyped in QML so that its keys can be read).
    Q_PROPERTY(QVariant fieldErrors READ fieldErrorsForQml NOTIFY fieldErrorsChanged)

public:
    using QObject::QObject;

    bool busy() const;
    QString errorMessage() const;
    void setErrorMessage(const QString &message);
    QVariantMap fieldErrors() const;
    QVariant fieldErrorsForQml() const;

    Q_INVOKABLE void clearError();

    /// A "YYYY-MM-DD" date; invalid for anything else.
    static QDate parseDate(const QString &text);
    /// A "HH:MM" (or "H:MM") time; invalid for anything else.
    static QTime parseTime(const QString &text);
    /// What to say when a date does not parse: entered as day, month and
    /// year (as DateField shows them), with `example` as the example.
    static QString dateProblem(const QDate &example);
    /// What to say when a time does not parse.
    static QString timeProblem();

Q_SIGNALS:
    void busyChanged();
    void errorMessageChanged();
    void fieldErrorsChanged();
    void errorOccurred(const QString &message);

protected:
    void setBusy(bool busy);
    void setFieldError(const QString &field, const QString &message);
    /// Sets one field of the form to `value`: true when it is new, and then
    /// the error of `field` (if it names one) is cleared.
    template <typename T> bool change(T &member, const T &value, const QString &field = {})
    {
        if (member == value) {
            return false;
        }
        member = value;
        if (!field.isEmpty()) {
            setFieldError(field, {});
        }
        return true;
    }
    /// Replaces every field error at once.
    void setFieldErrors(const QVariantMap &errors);
    /// Shows a failure of the whole form, in the form's message (and
    /// errorOccurred).
    void fail(const QString &message);
    /// Shows a refusal from the server: as the form's message, and on the
    /// field it names when `fields` maps the server's name of it
    /// ("planned_end_on") to the form's ("plannedEnd").
    void fail(const BackendError &error, const QHash<QString, QString> &fields);

private:
    bool m_busy = false;
    QString m_errorMessage;
    QVariantMap m_fieldErrors;
};
