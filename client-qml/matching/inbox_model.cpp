#include "matching/inbox_model.h"

#include "identity/session.h"
#include "matching/matching_backend.h"
#include "matching/matching_catalogue.h"

void InboxModel::accept(int row)
{
    answer(row, true, {});
}

void InboxModel::decline(int row, const QString &reason)
{
    if (const QString problem = declineReasonProblem(reason); !problem.isEmpty()) {
        Q_EMIT errorOccurred(problem);
        return;
    }
    answer(row, false, reason);
}

QString InboxModel::declineReasonProblem(const QString &reason) const
{
    const qsizetype length = reason.trimmed().size();
    if (length == 0) {
        return tr("Say why you are declining, in a sentence or two: the person who asked will "
                  "see it.");
    }
    if (length > MatchingCatalogue::kDeclineReasonMaxLength) {
        return tr("Keep the reason to %1 characters (it is %2 now).")
            .arg(MatchingCatalogue::kDeclineReasonMaxLength)
            .arg(length);
    }
    return {};
}

void InboxModel::answer(int row, bool accept, const QString &reason)
{
    MatchingBackend *backend = Session::instance()->matching();
    if (!backend || busy() || row < 0 || row >= rowCount()) {
        return;
    }
    const QVariantMap request = m_rows.at(row);
    const QString name = request.value(QStringLiteral("coacheeName")).toString();
    setBusy(true);
    backend->answerRequest(request.value(QStringLiteral("id")).toLongLong(), accept, reason, this,
        [this, name, accept](const Result<SupportRequestInfo> &result) {
            setBusy(false);
            if (!result.ok()) {
                Q_EMIT errorOccurred(result.error().message);
                return;
            }
            removeRequest(result.value().id);
            Q_EMIT answered(accept ? tr("You accepted %1. Agree your contract with them at your "
                                        "first session.")
                                         .arg(name)
                                   : tr("You declined %1. They will see your reason.").arg(name),
                accept);
        });
}

void InboxModel::requestPage(MatchingBackend &backend, const QString &, Callback<RequestPage> done)
{
    backend.listInbox(this, asOnePage(std::move(done)));
}
