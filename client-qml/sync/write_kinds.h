#pragma once

#include "common/backends.h"
#include "common/result.h"
#include "goals/goal_types.h"
#include "relationships/relationship_types.h"
#include "safeguarding/safeguarding_types.h"

#include <QJsonObject>
#include <QObject>
#include <QQmlEngine>
#include <QString>
#include <QVariantMap>

#include <functional>
#include <optional>
#include <span>

/// The kinds of write the outbox keeps and sends, for C++ and QML
/// (`WriteKind.RecordSession`). The numbers are the app's own and never
/// stored: the outbox file keeps each kind by its name (WriteKindInfo::name).
namespace WriteKind {
Q_NAMESPACE
QML_ELEMENT

enum Kind {
    RecordSession,
    SetContractTerms,
    AgreeContract,
    ReviewContract,
    CompleteRelationship,
    EndRelationship,
    ProposeSession,
    AcceptSession,
    CancelSession,
    RescheduleSession,
    RaiseConcern,
    AcknowledgeConcern,
    AddGoal,
    RewordGoal,
    CloseGoal,
    RequestReview,
    SubmitReview,
    CommentOnReview,
    SubmitEvaluation,
    SubmitFollowUp,
    SaveEvaluationQuestions,
};
Q_ENUM_NS(Kind)

/// What the outbox says of an entry whose kind this version does not know
/// (a file written by a later version): it is shown, never sent or dropped.
constexpr int kUnknown = -1;

} // namespace WriteKind

/// How a write the queue sent came out, for whoever waits on it
/// (SyncQueue::watch()).
struct WriteOutcome {
    enum class Kind {
        Written, ///< the server has it; the entry left the queue
        Refused, ///< the server said no; the entry stays, refused, with `message`
        Deferred, ///< the server could not be reached; the entry waits and is sent later
    };
    Kind kind = Kind::Deferred;
    QString message; ///< Refused, Deferred: why, in words for people
    QString field; ///< Refused: the request field the server named, if any
    /// What the server answered with, by the write's kind.
    std::optional<RelationshipInfo> relationship;
    std::optional<SessionInfo> session;
    std::optional<ConcernInfo> concern;
    /// A write of goals, reviews or the evaluation: the plan as it is now.
    std::optional<GoalPlanInfo> plan;
    /// A coordinator's evaluation questions, as saved.
    std::optional<QuestionSetInfo> questions;
    bool replayed = false; ///< a session record: the key had been recorded before
};

/// Called once, on the GUI thread, with how one send of a write came out.
using WriteAnswer = std::function<void(const Result<WriteOutcome> &)>;

/// Everything the outbox knows about one kind of write: one row of
/// WriteKinds::all(). Adding a kind is adding a row there.
struct WriteKindInfo {
    WriteKind::Kind kind;
    /// The name the kind is stored under in the outbox file, and the start of
    /// its drafts' names: fixed for good, as entries queued on devices carry it.
    const char *name;
    /// The payload field it cannot be sent without.
    const char *requiredId;
    /// The app has a form to correct a refused one.
    bool editable;
    /// What the outbox keeps of the fields a form or QML gives (WriteCodec).
    QJsonObject (*encode)(const QVariantMap &fields);
    /// Sends `payload` with the idempotency key `key` through the backend of
    /// its service; `answer` is called once, unless `context` goes first.
    void (*send)(const Backends &backends, const QJsonObject &payload, const QString &key,
        QObject *context, const WriteAnswer &answer);
    /// What it does, from its author's side, in words for people: "you
    /// agreed to the contract", "you proposed a session on Tue 3 Mar 2026 at
    /// 10:00". Fields missing from `payload` are left out of the words.
    QString (*describe)(const QJsonObject &payload);
};

/// The table of kinds (write_kinds.cpp) and look-ups into it.
namespace WriteKinds {

/// Every kind, in WriteKind order.
std::span<const WriteKindInfo> all();
const WriteKindInfo &of(WriteKind::Kind kind);
/// The kind stored under `name`; null for a name this version does not know.
const WriteKindInfo *byName(const QString &name);
/// The kind stored under `name` as QML sees it; WriteKind::kUnknown if none.
int valueOf(const QString &name);
QString nameOf(WriteKind::Kind kind);
/// describe() of the kind stored under `name`, in words for an unknown one too.
QString describe(const QString &name, const QJsonObject &payload);

} // namespace WriteKinds
