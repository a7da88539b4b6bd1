#pragma once

#include "matching/request_list_model.h"

/// Coaches and mentors: the requests waiting for their answer (ListInbox),
/// oldest first. Loads itself when created. accept() and decline() answer
/// one; an answered request leaves the list.
class InboxModel : public RequestListModel {
    Q_OBJECT
    QML_ELEMENT

public:
    using RequestListModel::RequestListModel;

    /// Accepts the request in `row`; answered() fires when done.
    Q_INVOKABLE void accept(int row);
    /// Declines the request in `row`, saying why (the coachee sees it).
    /// Refused here, without a call, when the reason is empty or too long.
    Q_INVOKABLE void decline(int row, const QString &reason);
    /// What is wrong with a decline reason; empty when it will do.
    Q_INVOKABLE QString declineReasonProblem(const QString &reason) const;

Q_SIGNALS:
    /// A request was answered; `message` says what happens next.
    void answered(const QString &message, bool accepted);

protected:
    void requestPage(
        MatchingBackend &backend, const QString &pageToken, Callback<RequestPage> done) override;

private:
    void answer(int row, bool accept, const QString &reason);
};
