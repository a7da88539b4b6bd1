#pragma once

#include "relationships/relationship_types.h"
#include "sync/draft.h"
#include "sync/outbox_form.h"

/// The contract's terms, set by the coach or mentor while contracting
/// (SetContractTerms) or, with `review`, reset while an active coaching
/// relationship goes on (ReviewContract: sessions, end date and a reason).
/// Coaching: number of sessions, session length, regularity and planned
/// end date; mentoring: how often to review. Checked here as the API says
/// before it is sent, then kept in the SyncQueue and sent from there: the
/// server's answer comes back through submitted(), or, when it cannot be
/// reached, queued() says the change waits on the device. What is typed is
/// kept as a draft as the person types. Field keys: "numberOfSessions",
/// "sessionMinutes", "regularity", "plannedEndOn", "reviewCadence", "reason".
class ContractTermsForm : public CorrectableForm {
    Q_OBJECT
    QML_ELEMENT

    Q_PROPERTY(double relationshipId READ relationshipIdForQml WRITE setRelationshipIdForQml NOTIFY
            draftChanged)
    /// "coaching" or "mentoring".
    Q_PROPERTY(QString kind READ kind WRITE setKind NOTIFY draftChanged)
    /// Reviewing an active coaching contract rather than setting terms.
    Q_PROPERTY(bool review READ review WRITE setReview NOTIFY draftChanged)
    Q_PROPERTY(
        int numberOfSessions READ numberOfSessions WRITE setNumberOfSessions NOTIFY draftChanged)
    Q_PROPERTY(int sessionMinutes READ sessionMinutes WRITE setSessionMinutes NOTIFY draftChanged)
    Q_PROPERTY(QString regularity READ regularity WRITE setRegularity NOTIFY draftChanged)
    /// "YYYY-MM-DD".
    Q_PROPERTY(QString plannedEndOn READ plannedEndOn WRITE setPlannedEndOn NOTIFY draftChanged)
    Q_PROPERTY(QString reviewCadence READ reviewCadence WRITE setReviewCadence NOTIFY draftChanged)
    /// Why the contract is reviewed (review only).
    Q_PROPERTY(QString reason READ reason WRITE setReason NOTIFY draftChanged)

public:
    explicit ContractTermsForm(QObject *parent = nullptr);

    double relationshipIdForQml() const;
    void setRelationshipIdForQml(double id);
    QString kind() const;
    void setKind(const QString &kind);
    bool review() const;
    void setReview(bool review);
    int numberOfSessions() const;
    void setNumberOfSessions(int sessions);
    int sessionMinutes() const;
    void setSessionMinutes(int minutes);
    QString regularity() const;
    void setRegularity(const QString &regularity);
    QString plannedEndOn() const;
    void setPlannedEndOn(const QString &date);
    QString reviewCadence() const;
    void setReviewCadence(const QString &cadence);
    QString reason() const;
    void setReason(const QString &reason);

    /// Starts from a relationship (a map as RelationshipCatalogue::toMap
    /// makes): its terms if set, otherwise suggestions (six fortnightly
    /// hour-long sessions over six months; mentoring reviewed quarterly).
    /// A draft kept for the relationship comes back instead.
    Q_INVOKABLE void start(const QVariantMap &relationship, bool review);
    bool editQueued(const QString &key, const QVariantMap &relationship) override;
    Q_INVOKABLE bool validate();
    /// Checks, then keeps the change on the device and sends it.
    Q_INVOKABLE void submit();

Q_SIGNALS:
    /// The server has the change; `relationship` is its new map.
    void submitted(const QVariantMap &relationship);

protected:
    Draft &draft() override { return m_draft; }
    void startAgain() override { fill(m_startRelationship, m_review); }

private:
    void fill(const QVariantMap &relationship, bool review);
    QVariantMap draftFields() const;
    /// Fills the form from `fields`; false (and nothing) if there are none.
    bool restoreDraft(const QVariantMap &fields);
    /// Setting the terms or reviewing them.
    WriteKind::Kind writeKind() const;

    qint64 m_relationshipId = 0;
    QString m_kind;
    QString m_otherName;
    bool m_review = false;
    ContractTermsInfo m_terms;
    QString m_reason;
    Draft m_draft {[this] { return draftFields(); }}; // last: saves on destruction
};
