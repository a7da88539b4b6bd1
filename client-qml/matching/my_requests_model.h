#pragma once

#include "matching/request_list_model.h"

/// The signed-in person's own requests for coaching or mentoring
/// (ListMyRequests), newest first, with their status and notes. Loads
/// itself when created; withdraw() withdraws an open one.
class MyRequestsModel : public RequestListModel {
    Q_OBJECT
    QML_ELEMENT

    /// How many requests are open (waiting or pending).
    Q_PROPERTY(int openCount READ openCount NOTIFY countChanged)

public:
    using RequestListModel::RequestListModel;

    int openCount() const;

    /// Withdraws the open request in `row`; changed() fires when done.
    Q_INVOKABLE void withdraw(int row);
    /// The newest request's details, to start a new form from: undefined
    /// when there are none.
    Q_INVOKABLE QVariant latest() const;

Q_SIGNALS:
    /// A change made here succeeded; `message` says what happened.
    void changed(const QString &message);

protected:
    void requestPage(
        MatchingBackend &backend, const QString &pageToken, Callback<RequestPage> done) override;
};
