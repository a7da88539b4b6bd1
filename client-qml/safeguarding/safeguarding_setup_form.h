#pragma once

#include "common/form_base.h"

/// Coordinators: records who supervises a coach or mentor (the only person
/// their safeguarding concerns reach) and names an organisation's
/// designated safeguarding lead (who also reads a concern not acknowledged
/// in time). Each save goes straight to the server: this is set-up done at a
/// desk, not a record made in a corridor. Field keys: "coachId",
/// "supervisorId", "organisationId", "leadId".
class SafeguardingSetupForm : public FormBase {
    Q_OBJECT
    QML_ELEMENT

    Q_PROPERTY(double coachId READ coachId WRITE setCoachId NOTIFY draftChanged)
    Q_PROPERTY(double supervisorId READ supervisorId WRITE setSupervisorId NOTIFY draftChanged)
    Q_PROPERTY(
        double organisationId READ organisationId WRITE setOrganisationId NOTIFY draftChanged)
    Q_PROPERTY(double leadId READ leadId WRITE setLeadId NOTIFY draftChanged)

public:
    using FormBase::FormBase;

    double coachId() const;
    void setCoachId(double id);
    double supervisorId() const;
    void setSupervisorId(double id);
    double organisationId() const;
    void setOrganisationId(double id);
    double leadId() const;
    void setLeadId(double id);

    /// Records the chosen supervisor of the chosen coach; saved() says so.
    /// `coachName` and `supervisorName` are for the words only.
    Q_INVOKABLE void saveSupervisor(const QString &coachName, const QString &supervisorName);
    /// Names the chosen account the chosen organisation's safeguarding lead.
    Q_INVOKABLE void saveLead(const QString &organisationName, const QString &leadName);

Q_SIGNALS:
    void draftChanged();
    /// The server has it; `message` says what now holds.
    void saved(const QString &message);

private:
    void setId(qint64 &member, double id, const QString &field);

    qint64 m_coachId = 0;
    qint64 m_supervisorId = 0;
    qint64 m_organisationId = 0;
    qint64 m_leadId = 0;
};
