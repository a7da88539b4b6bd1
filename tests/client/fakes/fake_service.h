#pragma once

#include "common/result.h"

#include <QHash>
#include <QList>
#include <QObject>
#include <QPointer>
#include <QString>
#include <QStringList>
#include <QVariant>
#include <QVariantMap>

#include <any>
#include <functional>
#include <optional>
#include <utility>

/// One call a fake backend received, as it came.
struct FakeCall {
    QString method; ///< the backend method, e.g. "recordSession"
    QVariantMap args; ///< its arguments by parameter name (structs as QVariant::fromValue)
    QString idempotencyKey; ///< the write's key; empty for a read

    /// An argument by name: `call.arg<SessionRecord>("record")`.
    template <typename T> T arg(const QString &name) const { return args.value(name).value<T>(); }
};

/// How a fake answers a call: OK (with the method's reply), an error, or
/// not yet (held until FakeService::release()).
struct FakeAnswer {
    enum class Kind { Ok, Fail, Hold };
    Kind kind = Kind::Ok;
    BackendError error;

    static FakeAnswer ok();
    /// Not yet: the call waits until release().
    static FakeAnswer hold();
    /// The server said no (Kind::Rejected) in its own words ("field: why"),
    /// which come to the app split as errorFromStatus splits them.
    static FakeAnswer refuse(const QString &message);
    /// No answer: the server could not be reached.
    static FakeAnswer unreachable(
        const QString &message = QStringLiteral("Can't reach the server."));
    static FakeAnswer fail(BackendError::Kind kind, const QString &message);
};

/// What every fake backend shares: it records each call and answers it as
/// the test scripted, on the event loop like the real backend (never
/// inside the call), and drops the answer when the call's `context` has
/// gone. By default every call is answered OK with the method's reply.
class FakeService {
public:
    /// Answers every later call so (after any answerNextWith()).
    void answerWith(const FakeAnswer &answer);
    /// Answers the next call so, once; several queue up in order.
    void answerNextWith(const FakeAnswer &answer);
    /// What the OK answers of `method` carry, instead of the fake's default.
    template <typename T> void setReply(const QString &method, T reply)
    {
        m_replies.insert(method, std::any(std::move(reply)));
    }

    /// Every call so far, oldest first.
    const QList<FakeCall> &calls() const;
    /// The calls of one method, oldest first.
    QList<FakeCall> callsTo(const QString &method) const;
    /// The keys the calls of `method` carried, oldest first.
    QStringList keysSentTo(const QString &method) const;
    void clearCalls();

    /// Calls held (FakeAnswer::hold()) and not answered yet.
    int heldCount() const;
    /// Answers the oldest held call with `answer`; false if none is held.
    bool release(const FakeAnswer &answer = FakeAnswer::ok());

protected:
    FakeService() = default;
    ~FakeService() = default;
    FakeService(const FakeService &) = delete;
    FakeService &operator=(const FakeService &) = delete;

    /// Records `call` and answers `done` as scripted: OK with the reply set
    /// for the method, or else `reply`.
    template <typename T>
    void respond(FakeCall call, QObject *context, Callback<T> done, T reply = T {})
    {
        if (const auto it = m_replies.constFind(call.method); it != m_replies.constEnd()) {
            if (const T *set = std::any_cast<T>(&*it)) {
                reply = *set;
            }
        }
        handle(std::move(call), context,
            [done = std::move(done), reply = std::move(reply)](
                const std::optional<BackendError> &error) {
                if (!done) {
                    return; // a caller that does not wait for the answer
                }
                if (error) {
                    done(*error);
                } else {
                    done(reply);
                }
            });
    }

private:
    /// Gives the call its answer: an error, or nothing for OK.
    using Deliver = std::function<void(const std::optional<BackendError> &)>;
    struct Pending {
        QPointer<QObject> context;
        bool hadContext = false;
        Deliver deliver;
    };

    void handle(FakeCall call, QObject *context, Deliver deliver);
    static void post(const Pending &pending, const FakeAnswer &answer);

    QList<FakeCall> m_calls;
    QList<FakeAnswer> m_next;
    FakeAnswer m_default;
    QList<Pending> m_held;
    QHash<QString, std::any> m_replies;
};
