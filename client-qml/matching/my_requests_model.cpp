#include "matching/my_requests_model.h"

#include "identity/session.h"
#include "matching/matching_backend.h"

int MyRequestsModel::openCount() const
{
    int open = 0;
    for (const QVariantMap &row : m_rows) {
        if (row.value(QStringLiteral("open")).toBool()) {
            ++open;
        }
    }
    return open;
}

void MyRequestsModel::withdraw(int row)
{
    MatchingBackend *backend = Session::instance()->matching();
    if (!backend || busy() || row < 0 || row >= rowCount()) {
        return;
    }
    const QVariantMap request = m_rows.at(row);
    if (!request.value(QStringLiteral("open")).toBool()) {
        Q_EMIT errorOccurred(
            tr("This request is no longer open, so there is nothing to withdraw."));
        return;
    }
    setBusy(true);
    backend->withdrawRequest(request.value(QStringLiteral("id")).toLongLong(), this,
        [this](const Result<SupportRequestInfo> &result) {
            setBusy(false);
            if (!result.ok()) {
                Q_EMIT errorOccurred(result.error().message);
                return;
            }
            if (!replaceRequest(result.value())) {
                reload();
            }
            Q_EMIT countChanged(); // the open count
            Q_EMIT changed(tr("Your request for %1 is withdrawn.")
                               .arg(result.value().details.kind == QLatin1String("mentoring")
                                       ? tr("mentoring")
                                       : tr("coaching")));
        });
}

QVariant MyRequestsModel::latest() const
{
    if (m_rows.isEmpty()) {
        return {};
    }
    return m_rows.first();
}

void MyRequestsModel::requestPage(
    MatchingBackend &backend, const QString &, Callback<RequestPage> done)
{
    backend.listMyRequests(this, asOnePage(std::move(done)));
}
