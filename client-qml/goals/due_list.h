#pragma once

#include "goals/goal_types.h"

#include <QObject>
#include <QQmlEngine>
#include <QVariantList>

/// What waits for the signed-in person across their relationships (ListDue),
/// for Home: goal reviews, evaluations and follow-ups due, and coaching goals
/// still to set, each in words (GoalCatalogue::toMap) and marked `yours` or
/// waiting for the other person. Loads when made and on reload(); quiet when
/// the server has nothing or cannot say (Home shows nothing then).
class DueList : public QObject {
    Q_OBJECT
    QML_ELEMENT

    /// Oldest first: the caller's own first, then those waiting for others.
    Q_PROPERTY(QVariantList items READ items NOTIFY itemsChanged)
    Q_PROPERTY(int count READ count NOTIFY itemsChanged)
    /// How many are for the caller to do.
    Q_PROPERTY(int yoursCount READ yoursCount NOTIFY itemsChanged)
    Q_PROPERTY(bool loading READ loading NOTIFY loadingChanged)

public:
    explicit DueList(QObject *parent = nullptr);

    QVariantList items() const { return m_items; }
    int count() const { return static_cast<int>(m_items.size()); }
    int yoursCount() const;
    bool loading() const { return m_loading; }

    Q_INVOKABLE void reload();

Q_SIGNALS:
    void itemsChanged();
    void loadingChanged();
    void errorOccurred(const QString &message);

private:
    void setLoading(bool loading);

    QVariantList m_items;
    bool m_loading = false;
    int m_generation = 0;
};
