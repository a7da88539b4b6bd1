#pragma once

#include "common/result.h"

#include <QObject>
#include <QString>
#include <QStringList>
#include <QVariantList>
#include <QVariantMap>

/// Which of the programme's relationships to list (coordinators).
struct ProgrammeRelationshipQuery {
    /// One organisation the caller coordinates; 0 for all of them.
    qint64 organisationId = 0;
    /// State keys ("contracting", "active", "completed", "ended_early");
    /// empty for contracting and active.
    QStringList states;
    /// 1 to 104: only those with no session held for this many weeks; 0
    /// for any.
    int noSessionForWeeks = 0;
    /// At most 200; 0 for 50.
    int pageSize = 0;
    QString pageToken;
};

/// A page of the programme's relationships, longest without a session
/// first. Each row is a map: id, kind ("coaching"/"mentoring"), state,
/// coacheeName, memberName, startedAt (QDateTime), sessionsHeld and
/// lastSessionAt (invalid when none has been held). Never any content.
struct ProgrammeRelationshipPage {
    QVariantList relationships;
    QString nextPageToken;
    int totalCount = 0;
};

/// Monthly returns (tandem.v1.ActivityService) and the programme's figures
/// (tandem.v1.FiguresService), with Qt types only. Every call returns at
/// once and reports through its callback.
///
/// A return is a map: month ("2026-11"), state ("open", "due", "overdue",
/// "confirmed"), dueAt (QDateTime), derived {coachingMinutes,
/// mentoringMinutes, held, cancelled, notAttended, active, started},
/// current and history (versions: version, at, reason, added [{kind,
/// category ("individual"/"group"), paid, minutes}], themes, newTheme).
///
/// Figures are a map: scope, period, previousPeriod (in words), kind,
/// fromMonth, toMonth, computedAt, headlines [{id, label, unit, current,
/// previous}], tables [{id, title, unit, chart ("none", "stacked",
/// "bars"), columns, rows [{label, cells}]}], poolNotes [{name, note}],
/// where each figure is {value (double), suppressed (bool)} and a missing
/// `previous` has suppressed false and `missing` true.
class ActivityBackend {
public:
    virtual ~ActivityBackend() = default;

    /// The caller's returns, newest first (coaches and mentors).
    virtual void listMonthlyReturns(QObject *context, Callback<QVariantList> done) = 0;
    virtual void getMonthlyReturn(
        const QString &month, QObject *context, Callback<QVariantMap> done)
        = 0;
    /// `entry`: month, added, themes, newTheme (and reason for amend).
    virtual void confirmMonthlyReturn(const QVariantMap &entry, const QString &idempotencyKey,
        QObject *context, Callback<QVariantMap> done)
        = 0;
    virtual void amendMonthlyReturn(const QVariantMap &entry, const QString &idempotencyKey,
        QObject *context, Callback<QVariantMap> done)
        = 0;
    /// The caller's hours log, as CSV text.
    virtual void exportHoursLog(QObject *context, Callback<QString> done) = 0;
    /// Coordinators: the figures of an organisation (0: all theirs) for a
    /// period ("month", "quarter", "year", "custom").
    virtual void getProgrammeFigures(qint64 organisationId, const QString &periodKind,
        const QString &fromMonth, const QString &toMonth, QObject *context,
        Callback<QVariantMap> done)
        = 0;
    /// Coordinators: the relationships of the organisations they
    /// coordinate (either person's), with the two names, never content.
    virtual void listProgrammeRelationships(const ProgrammeRelationshipQuery &query,
        QObject *context, Callback<ProgrammeRelationshipPage> done)
        = 0;
};
