#include "goals/due_list.h"

#include "goals/goal_backend.h"
#include "goals/goal_catalogue.h"
#include "identity/session.h"
#include "sync/sync_queue.h"

#include <algorithm>

DueList::DueList(QObject *parent)
    : QObject(parent)
{
    // A review or evaluation sent from anywhere changes what is due.
    connect(SyncQueue::instance(), &SyncQueue::goalPlanWritten, this, &DueList::reload);
    reload();
}

int DueList::yoursCount() const
{
    return static_cast<int>(std::count_if(m_items.cbegin(), m_items.cend(),
        [](const QVariant &item) { return item.toMap().value(QStringLiteral("yours")).toBool(); }));
}

void DueList::reload()
{
    GoalBackend *backend = Session::instance()->goals();
    if (!backend) {
        return;
    }
    const int generation = ++m_generation;
    setLoading(true);
    backend->listDue(this, [this, generation](const Result<QList<DueInfo>> &result) {
        if (generation != m_generation) {
            return;
        }
        setLoading(false);
        if (!result.ok()) {
            Q_EMIT errorOccurred(result.error().message);
            return;
        }
        QList<DueInfo> due = result.value();
        std::stable_sort(due.begin(), due.end(),
            [](const DueInfo &a, const DueInfo &b) { return a.yours && !b.yours; });
        QVariantList items;
        for (const DueInfo &item : due) {
            items.append(GoalCatalogue::toMap(item));
        }
        if (items != m_items) {
            m_items = items;
            Q_EMIT itemsChanged();
        }
    });
}

void DueList::setLoading(bool loading)
{
    if (loading != m_loading) {
        m_loading = loading;
        Q_EMIT loadingChanged();
    }
}
