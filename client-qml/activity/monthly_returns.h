#pragma once

#include <QObject>
#include <QQmlEngine>
#include <QStringList>
#include <QVariantList>
#include <QVariantMap>

/// A coach's or mentor's monthly returns (ListMonthlyReturns), newest
/// first, each with its month, state and hours in words; how many wait to
/// be confirmed; and their hours log as a CSV file.
class MonthlyReturns : public QObject {
    Q_OBJECT
    QML_ELEMENT

    /// [{month, monthWords, state, stateText, dueText, hoursText, ...}]
    Q_PROPERTY(QVariantList items READ items NOTIFY itemsChanged)
    /// Due or overdue, not confirmed.
    Q_PROPERTY(int dueCount READ dueCount NOTIFY itemsChanged)
    /// The oldest return waiting to be confirmed, or an empty map.
    Q_PROPERTY(QVariant firstDue READ firstDue NOTIFY itemsChanged)
    Q_PROPERTY(bool loading READ loading NOTIFY loadingChanged)
    Q_PROPERTY(QString errorMessage READ errorMessage NOTIFY itemsChanged)

public:
    explicit MonthlyReturns(QObject *parent = nullptr);

    QVariantList items() const { return m_items; }
    int dueCount() const;
    QVariant firstDue() const;
    bool loading() const { return m_loading; }
    QString errorMessage() const { return m_error; }

    Q_INVOKABLE void reload();
    /// Asks for the hours log and writes it into `folder` (the documents
    /// folder when empty); reports through hoursLogSaved or errorMessage.
    Q_INVOKABLE void exportHoursLog(const QString &folder);

    /// A return's map with the words the app shows ("November 2026", "Due by
    /// Mon 7 December", "3 h 20 min of coaching").
    static QVariantMap withWords(QVariantMap monthlyReturn);

Q_SIGNALS:
    void itemsChanged();
    void loadingChanged();
    void hoursLogSaved(const QString &path);

private:
    QVariantList m_items;
    QString m_error;
    bool m_loading = false;
    int m_generation = 0;
};

/// One month's return as its member completes it: what Tandem counted,
/// hours added outside Tandem, emerging themes and a new one; confirmed
/// once, then corrected with a reason (the earlier versions in `history`).
class MonthlyReturnForm : public QObject {
    Q_OBJECT
    QML_ELEMENT

    Q_PROPERTY(QString month READ month WRITE setMonth NOTIFY monthChanged)
    Q_PROPERTY(bool loaded READ loaded NOTIFY returnChanged)
    /// The return as loaded (MonthlyReturns::withWords).
    Q_PROPERTY(QVariant monthlyReturn READ monthlyReturn NOTIFY returnChanged)
    /// True once confirmed: a submit is then an amendment, with a reason.
    Q_PROPERTY(bool amending READ amending NOTIFY returnChanged)
    /// [{kind, category, paid, minutes, text}]
    Q_PROPERTY(QVariantList added READ added NOTIFY draftChanged)
    Q_PROPERTY(QStringList themes READ themes NOTIFY draftChanged)
    Q_PROPERTY(QString newTheme READ newTheme WRITE setNewTheme NOTIFY draftChanged)
    Q_PROPERTY(QString reason READ reason WRITE setReason NOTIFY draftChanged)
    Q_PROPERTY(bool busy READ busy NOTIFY busyChanged)
    Q_PROPERTY(QString errorMessage READ errorMessage NOTIFY errorChanged)

public:
    explicit MonthlyReturnForm(QObject *parent = nullptr);

    QString month() const { return m_month; }
    void setMonth(const QString &month);
    bool loaded() const { return !m_return.isEmpty(); }
    QVariant monthlyReturn() const { return m_return; }
    bool amending() const;
    QVariantList added() const { return m_added; }
    QStringList themes() const { return m_themes; }
    QString newTheme() const { return m_newTheme; }
    void setNewTheme(const QString &text);
    QString reason() const { return m_reason; }
    void setReason(const QString &text);
    bool busy() const { return m_busy; }
    QString errorMessage() const { return m_error; }

    Q_INVOKABLE void reload();
    /// Hours done outside Tandem: "coaching" or "mentoring", "individual"
    /// or "group", paid or not, in minutes.
    Q_INVOKABLE void addHours(const QString &kind, const QString &category, bool paid, int minutes);
    Q_INVOKABLE void removeHours(int index);
    Q_INVOKABLE void toggleTheme(const QString &code);
    Q_INVOKABLE bool hasTheme(const QString &code) const { return m_themes.contains(code); }
    /// Confirms (or, once confirmed, amends) the return.
    Q_INVOKABLE void submit();

Q_SIGNALS:
    void monthChanged();
    void returnChanged();
    void draftChanged();
    void busyChanged();
    void errorChanged();
    void saved();

private:
    void setReturn(const QVariantMap &monthlyReturn);
    void setError(const QString &message);

    QString m_month;
    QVariantMap m_return;
    QVariantList m_added;
    QStringList m_themes;
    QString m_newTheme;
    QString m_reason;
    QString m_key;
    bool m_busy = false;
    QString m_error;
    int m_generation = 0;
};
