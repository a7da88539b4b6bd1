#pragma once

#include "shared/limits.h"

#include <QObject>
#include <QQmlEngine>
#include <QString>
#include <QVariantList>

/// The questions of a person's declaration and their answers in words
/// (`Reach` in QML): each set's choices as [{key, label}], "Prefer not to
/// say" last, and the limits of an organisation's settings. Stateless, so
/// the engine makes its own.
///
/// Sets: "staffGroup", "profession", "payBand", "clinical", "ethnicGroup",
/// "disability"; an empty key is "not answered" in each.
class ReachCatalogue : public QObject {
    Q_OBJECT
    QML_NAMED_ELEMENT(Reach)
    QML_SINGLETON

    Q_PROPERTY(int maxHeadcount READ maxHeadcount CONSTANT)
    Q_PROPERTY(int maxNoSessionWeeks READ maxNoSessionWeeks CONSTANT)

public:
    using QObject::QObject;

    static constexpr int kMaxHeadcount = tandem::limits::kMaxHeadcount;
    static constexpr int kMaxNoSessionWeeks = tandem::limits::kMaxNoSessionWeeks;

    int maxHeadcount() const { return kMaxHeadcount; }
    int maxNoSessionWeeks() const { return kMaxNoSessionWeeks; }

    /// The choices of `set`, in the order the form shows them; with
    /// `withUnanswered`, "Not answered" (the empty key) first.
    Q_INVOKABLE QVariantList options(const QString &set, bool withUnanswered = false) const;
    /// An answer in words; "Not answered" for an empty key.
    Q_INVOKABLE QString label(const QString &set, const QString &key) const;
    /// The question of `set` ("Which staff group do you work in?").
    Q_INVOKABLE QString question(const QString &set) const;

    static QString labelFor(const QString &set, const QString &key);
    static QString questionFor(const QString &set);
};
