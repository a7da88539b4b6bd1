#pragma once

#include "common/result.h"
#include "safeguarding/safeguarding_types.h"

#include <QList>
#include <QObject>
#include <QString>

/// Safeguarding concerns, their audit trail and set-up
/// (tandem.v1.SafeguardingService), with Qt types only. Every call returns at
/// once and reports through its callback.
class SafeguardingBackend {
public:
    virtual ~SafeguardingBackend() = default;

    /// Concerns the caller may read (as supervisor, or as safeguarding lead
    /// once escalated) with their text, and those they raised without it;
    /// oldest unacknowledged first.
    virtual void listConcerns(QObject *context, Callback<QList<ConcernInfo>> done) = 0;
    /// Coordinators: reads of confidential content in their organisations,
    /// newest first, without the content; `limit` 1 to 500, 0 for 100.
    virtual void listAuditTrail(int limit, QObject *context, Callback<QList<AuditEntryInfo>> done)
        = 0;
    /// Coordinators: records who supervises a coach or mentor.
    virtual void setSupervisor(
        qint64 coachId, qint64 supervisorId, QObject *context, Callback<Done> done)
        = 0;
    /// Coordinators: names an organisation's designated safeguarding lead.
    virtual void setSafeguardingLead(
        qint64 organisationId, qint64 accountId, QObject *context, Callback<Done> done)
        = 0;

    // Safeguarding, writes (sent through the app's outbox with a key).
    /// The coach or mentor of a relationship raises a concern (10 to 5,000
    /// characters); refused when no supervisor is recorded for them.
    virtual void raiseConcern(qint64 relationshipId, const QString &description,
        const QString &idempotencyKey, QObject *context, Callback<ConcernInfo> done)
        = 0;
    /// The supervisor (or, once escalated, the lead) acknowledges a concern
    /// and records what was done (10 to 5,000 characters).
    virtual void acknowledgeConcern(qint64 concernId, const QString &actionTaken,
        const QString &idempotencyKey, QObject *context, Callback<ConcernInfo> done)
        = 0;
};
