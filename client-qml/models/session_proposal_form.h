#pragma once

#include "form_base.h"

/// Proposing a session (ProposeSession): a date, a start time, how long,
/// how (in person, video, phone) and where. Either party proposes; the
/// other accepts. Field keys: "date", "time", "plannedMinutes", "mode",
/// "place".
class SessionProposalForm : public FormBase {
    Q_OBJECT
    QML_ELEMENT

    Q_PROPERTY(double relationshipId READ relationshipIdForQml WRITE setRelationshipIdForQml NOTIFY
            draftChanged)
    /// "YYYY-MM-DD", local.
    Q_PROPERTY(QString date READ date WRITE setDate NOTIFY draftChanged)
    /// "HH:MM", local.
    Q_PROPERTY(QString time READ time WRITE setTime NOTIFY draftChanged)
    Q_PROPERTY(int plannedMinutes READ plannedMinutes WRITE setPlannedMinutes NOTIFY draftChanged)
    /// A delivery mode key.
    Q_PROPERTY(QString mode READ mode WRITE setMode NOTIFY draftChanged)
    Q_PROPERTY(QString place READ place WRITE setPlace NOTIFY draftChanged)

public:
    using FormBase::FormBase;

    double relationshipIdForQml() const;
    void setRelationshipIdForQml(double id);
    QString date() const;
    void setDate(const QString &date);
    QString time() const;
    void setTime(const QString &time);
    int plannedMinutes() const;
    void setPlannedMinutes(int minutes);
    QString mode() const;
    void setMode(const QString &mode);
    QString place() const;
    void setPlace(const QString &place);

    /// A fresh proposal for a relationship (a map): next week at 10:00, for
    /// the contract's session length (an hour if none).
    Q_INVOKABLE void start(const QVariantMap &relationship);
    Q_INVOKABLE bool validate();
    /// Checks, then sends; submitted() fires with the session's map.
    Q_INVOKABLE void submit();

Q_SIGNALS:
    void draftChanged();
    void submitted(const QVariantMap &session);

private:
    QDateTime startsAt() const;

    qint64 m_relationshipId = 0;
    QString m_yourPart;
    QString m_date;
    QString m_time;
    int m_plannedMinutes = 60;
    QString m_mode;
    QString m_place;
};
