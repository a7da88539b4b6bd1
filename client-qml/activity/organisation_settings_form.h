#pragma once

#include "common/form_base.h"

#include <QString>

/// Coordinators: one organisation's head-count (staff employed, so that
/// the figures can show reach as a share of staff) and whether it monitors
/// equality (its people are then asked their ethnic group and disability)
/// — GetOrganisationSettings and SaveOrganisationSettings. Loads when
/// `organisationId` is set; save() goes straight to the server (it replaces
/// the settings). Field keys: "headcount".
class OrganisationSettingsForm : public FormBase {
    Q_OBJECT
    QML_ELEMENT

    Q_PROPERTY(double organisationId READ organisationId WRITE setOrganisationId NOTIFY
            organisationChanged)
    Q_PROPERTY(bool loading READ loading NOTIFY loadingChanged)
    Q_PROPERTY(bool loaded READ loaded NOTIFY savedSettingsChanged)
    /// As typed: digits, with or without thousands separators; empty for
    /// not entered.
    Q_PROPERTY(QString headcount READ headcount WRITE setHeadcount NOTIFY draftChanged)
    Q_PROPERTY(bool equalityMonitoring READ equalityMonitoring WRITE setEqualityMonitoring NOTIFY
            draftChanged)
    /// The head-count as saved (0: not entered) and its words.
    Q_PROPERTY(int savedHeadcount READ savedHeadcount NOTIFY savedSettingsChanged)
    Q_PROPERTY(
        bool savedEqualityMonitoring READ savedEqualityMonitoring NOTIFY savedSettingsChanged)
    /// "4,200 staff" or "not entered yet".
    Q_PROPERTY(QString headcountText READ headcountText NOTIFY savedSettingsChanged)
    /// What is typed differs from what is saved.
    Q_PROPERTY(bool changed READ isChanged NOTIFY draftChanged)

public:
    using FormBase::FormBase;

    double organisationId() const { return static_cast<double>(m_organisationId); }
    void setOrganisationId(double id);
    bool loading() const { return m_loading; }
    bool loaded() const { return m_loaded; }
    QString headcount() const { return m_headcount; }
    void setHeadcount(const QString &text);
    bool equalityMonitoring() const { return m_equalityMonitoring; }
    void setEqualityMonitoring(bool monitoring);
    int savedHeadcount() const { return m_savedHeadcount; }
    bool savedEqualityMonitoring() const { return m_savedEqualityMonitoring; }
    QString headcountText() const;
    bool isChanged() const;

    /// What is wrong with a head-count as typed; empty when nothing is.
    Q_INVOKABLE QString headcountProblem(const QString &text) const;
    Q_INVOKABLE void reload();
    /// Saves both settings; saved() says so.
    Q_INVOKABLE void save(const QString &organisationName);

    /// The number in `text` ("4,200", "4 200", "4200"); -1 when it is not
    /// a whole number, 0 when empty.
    static int parseHeadcount(const QString &text);

Q_SIGNALS:
    void organisationChanged();
    void loadingChanged();
    void savedSettingsChanged();
    void draftChanged();
    /// The server has them; `message` says what now holds.
    void saved(const QString &message);

private:
    void setLoading(bool loading);
    void setSaved(int headcount, bool monitoring);

    qint64 m_organisationId = 0;
    bool m_loading = false;
    bool m_loaded = false;
    QString m_headcount;
    bool m_equalityMonitoring = false;
    int m_savedHeadcount = 0;
    bool m_savedEqualityMonitoring = false;
    int m_generation = 0;
};
