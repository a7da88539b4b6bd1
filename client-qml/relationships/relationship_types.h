#pragma once

#include <QByteArray>
#include <QDateTime>
#include <QList>
#include <QString>
#include <QStringList>

/// The terms a coach or mentor sets (tandem.v1.ContractTerms). Enum values
/// are carried as keys (see RelationshipCatalogue).
struct ContractTermsInfo {
    int numberOfSessions = 0; ///< coaching: 1 to 24
    int sessionMinutes = 0; ///< coaching: 30 to 180
    QString regularity; ///< coaching: "weekly", "fortnightly", "monthly", "as_agreed"
    QString plannedEndOn; ///< coaching: "YYYY-MM-DD"
    QString reviewCadence; ///< mentoring: "monthly", "quarterly", "six_monthly"
};

/// One party's agreement to the terms.
struct AgreementInfo {
    QDateTime agreedAt; ///< invalid while not agreed
    bool confidentialityAcknowledged = false;
    bool ethicsAcknowledged = false;
};

/// A relationship's contract (tandem.v1.Contract).
struct ContractInfo {
    bool termsSet = false;
    ContractTermsInfo terms;
    AgreementInfo coachee;
    AgreementInfo member;
    QString lineManagerTold; ///< "yes", "not_yet", "chose_not_to" or empty
    int reviews = 0;
};

/// One step of a relationship's history.
struct HistoryEntryInfo {
    QDateTime at;
    qint64 byAccountId = 0;
    QString byName;
    QString event; ///< in words: "set the contract", "agreed the contract", …
    QString fromState;
    QString toState;
    QString reason;
};

/// A coaching or mentoring relationship (tandem.v1.Relationship).
struct RelationshipInfo {
    qint64 id = 0;
    QString kind; ///< "coaching" or "mentoring"
    QString state; ///< "contracting", "active", "completed", "ended_early"
    qint64 requestId = 0;
    qint64 coacheeId = 0;
    QString coacheeName;
    qint64 memberId = 0;
    QString memberName;
    ContractInfo contract;
    QList<HistoryEntryInfo> history; ///< oldest first
    QDateTime createdAt;
    QString yourPart; ///< "coachee", "member", or empty for a coordinator
};

/// A session of a relationship (tandem.v1.Session).
struct SessionInfo {
    qint64 id = 0;
    qint64 relationshipId = 0;
    QString status; ///< "proposed", "accepted", "cancelled", "held", "not_held"
    QDateTime startsAt;
    int plannedMinutes = 0;
    QString mode; ///< a delivery mode key or empty
    QString place;
    qint64 proposedByAccountId = 0;
    QString cancelReason;
    QString cancelledBy; ///< "coachee", "member" or empty
    int actualMinutes = 0;
    QStringList themes; ///< specialism codes
    QString agreedActions;
    QString privateNotes; ///< only ever filled for their author
    bool hasPrivateNotes = false;
    QDateTime recordedAt;
    QString rescheduleReason; ///< why it was last moved; empty if never
};

/// What either party proposes for a session.
struct SessionProposal {
    qint64 relationshipId = 0;
    QDateTime startsAt; ///< in the future, within a year
    int plannedMinutes = 0; ///< 15 to 240
    QString mode; ///< a delivery mode key
    QString place; ///< room, video link or phone number
};

/// The record of a meeting, made by the coach or mentor afterwards
/// (RecordSession). `idempotencyKey` (16 to 64 characters) is made by the
/// app once per record and sent with every retry.
struct SessionRecord {
    qint64 relationshipId = 0;
    qint64 sessionId = 0; ///< the scheduled session recorded, or 0
    QString idempotencyKey;
    bool held = true;
    QString cancelledBy; ///< not held: "coachee" or "member"
    QString cancelReason;
    QDateTime startedAt; ///< required with sessionId 0
    int actualMinutes = 0;
    QString mode;
    QStringList themes;
    QString agreedActions;
    QString privateNotes;
};

/// A session as an iCalendar (RFC 5545) file, with no confidential content.
struct CalendarFile {
    QString fileName; ///< e.g. "tandem-session-12.ics"
    QByteArray ics; ///< text/calendar, UTF-8, CRLF line ends
};

/// The answer to RecordSession.
struct RecordedSession {
    SessionInfo session;
    /// The server had already recorded this key: a retry, not a new record.
    bool replayed = false;
};
