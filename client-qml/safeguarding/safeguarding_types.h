#pragma once

#include <QDateTime>
#include <QString>

/// A safeguarding concern (tandem.v1.Concern) as the caller may see it: the
/// description and what was done are empty unless the caller is the coach's
/// supervisor (or, once escalated, the organisation's safeguarding lead).
struct ConcernInfo {
    qint64 id = 0;
    qint64 relationshipId = 0;
    qint64 raisedByAccountId = 0;
    QString raisedByName;
    QDateTime raisedAt;
    QString description; ///< the supervisor's and the lead's only
    QDateTime escalateAt; ///< when it goes to the lead if not acknowledged
    bool escalated = false; ///< not acknowledged in time: the lead sees it too
    QDateTime acknowledgedAt; ///< invalid while not acknowledged
    QString acknowledgedByName;
    QString actionTaken; ///< what was done; the supervisor's and the lead's only
    QString yourPart; ///< "supervisor", "safeguarding lead" or "raised by you"
    QString aboutName; ///< the coachee; the supervisor's and the lead's only
};

/// One read of confidential content (tandem.v1.AuditEntry): who, what,
/// when, never the content.
struct AuditEntryInfo {
    QDateTime at;
    qint64 accountId = 0;
    QString accountName;
    QString what; ///< e.g. "read a safeguarding concern raised on 2 December 2026"
};
