#include "fakes/fake_service.h"

#include "common/refusal.h"

#include <QCoreApplication>
#include <QMetaObject>

FakeAnswer FakeAnswer::ok()
{
    return {};
}

FakeAnswer FakeAnswer::hold()
{
    return {Kind::Hold, {}};
}

FakeAnswer FakeAnswer::refuse(const QString &message)
{
    // As the gRPC backends do (grpc/grpc_status.cpp): the field apart.
    const Refusal plain = plainRefusal(message);
    return {Kind::Fail, BackendError {BackendError::Kind::Rejected, plain.message, plain.field}};
}

FakeAnswer FakeAnswer::unreachable(const QString &message)
{
    return fail(BackendError::Kind::Unreachable, message);
}

FakeAnswer FakeAnswer::fail(BackendError::Kind kind, const QString &message)
{
    return {Kind::Fail, BackendError {kind, message}};
}

void FakeService::answerWith(const FakeAnswer &answer)
{
    m_default = answer;
}

void FakeService::answerNextWith(const FakeAnswer &answer)
{
    m_next.append(answer);
}

const QList<FakeCall> &FakeService::calls() const
{
    return m_calls;
}

QList<FakeCall> FakeService::callsTo(const QString &method) const
{
    QList<FakeCall> found;
    for (const FakeCall &call : m_calls) {
        if (call.method == method) {
            found.append(call);
        }
    }
    return found;
}

QStringList FakeService::keysSentTo(const QString &method) const
{
    QStringList keys;
    for (const FakeCall &call : callsTo(method)) {
        keys.append(call.idempotencyKey);
    }
    return keys;
}

void FakeService::clearCalls()
{
    m_calls.clear();
}

int FakeService::heldCount() const
{
    return static_cast<int>(m_held.size());
}

bool FakeService::release(const FakeAnswer &answer)
{
    if (m_held.isEmpty()) {
        return false;
    }
    post(m_held.takeFirst(), answer);
    return true;
}

void FakeService::handle(FakeCall call, QObject *context, Deliver deliver)
{
    m_calls.append(std::move(call));
    const FakeAnswer answer = m_next.isEmpty() ? m_default : m_next.takeFirst();
    Pending pending {context, context != nullptr, std::move(deliver)};
    if (answer.kind == FakeAnswer::Kind::Hold) {
        m_held.append(std::move(pending));
        return;
    }
    post(pending, answer);
}

void FakeService::post(const Pending &pending, const FakeAnswer &answer)
{
    if (pending.hadContext && !pending.context) {
        return; // the caller went first: the answer is dropped, as the real backend does
    }
    std::optional<BackendError> error;
    if (answer.kind != FakeAnswer::Kind::Ok) {
        error = answer.error;
    }
    // Queued, so that the answer arrives on the event loop, after the call
    // returned; dropped by Qt if the context is destroyed meanwhile.
    QObject *target = pending.context ? pending.context.data() : QCoreApplication::instance();
    QMetaObject::invokeMethod(
        target, [deliver = pending.deliver, error] { deliver(error); }, Qt::QueuedConnection);
}
