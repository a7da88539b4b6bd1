#pragma once

#include "activity/reach_backend.h"
#include "common/form_base.h"

#include <QDateTime>
#include <QString>
#include <QVariantList>

/// The signed-in person's optional answers about their work — staff
/// group, profession, pay band, clinical or not — and, where their
/// organisation monitors equality, their ethnic group and disability
/// (GetMyDeclaration, SaveMyDeclaration). Each answer is a key of
/// ReachCatalogue, empty for "not answered". Loads when made and on
/// reload(); save() goes straight to the server (it replaces the answers,
/// so a retry does no harm). Nobody else can read the answers: the
/// programme's figures count them, never show them.
///
/// The app asks once: `shouldAsk` holds until the person saves their
/// answers (anywhere) or puts the question away on this device (dismiss()).
class DeclarationForm : public FormBase {
    Q_OBJECT
    QML_ELEMENT

    Q_PROPERTY(bool loading READ loading NOTIFY loadingChanged)
    Q_PROPERTY(bool loaded READ loaded NOTIFY loadedChanged)
    Q_PROPERTY(QString staffGroup READ staffGroup WRITE setStaffGroup NOTIFY draftChanged)
    Q_PROPERTY(QString profession READ profession WRITE setProfession NOTIFY draftChanged)
    Q_PROPERTY(QString payBand READ payBand WRITE setPayBand NOTIFY draftChanged)
    Q_PROPERTY(QString clinical READ clinical WRITE setClinical NOTIFY draftChanged)
    Q_PROPERTY(QString ethnicGroup READ ethnicGroup WRITE setEthnicGroup NOTIFY draftChanged)
    Q_PROPERTY(QString disability READ disability WRITE setDisability NOTIFY draftChanged)
    /// Whether the person's organisation asks about ethnic group and
    /// disability.
    Q_PROPERTY(bool equalityMonitoring READ equalityMonitoring NOTIFY loadedChanged)
    /// When the answers were last saved; invalid if never.
    Q_PROPERTY(QDateTime savedAt READ savedAt NOTIFY loadedChanged)
    /// "You last saved your answers on 2 December 2026.", or "".
    Q_PROPERTY(QString savedText READ savedText NOTIFY loadedChanged)
    /// The saved answers in words: [{question, answer}], the equality
    /// questions only where they are asked.
    Q_PROPERTY(QVariantList summary READ summary NOTIFY loadedChanged)
    /// Answers given and saved, "prefer not to say" included.
    Q_PROPERTY(int answeredCount READ answeredCount NOTIFY loadedChanged)
    /// Loaded, never saved, and not put away on this device.
    Q_PROPERTY(bool shouldAsk READ shouldAsk NOTIFY loadedChanged)

public:
    explicit DeclarationForm(QObject *parent = nullptr);

    bool loading() const { return m_loading; }
    bool loaded() const { return m_loaded; }
    QString staffGroup() const { return m_draft.staffGroup; }
    void setStaffGroup(const QString &key);
    QString profession() const { return m_draft.profession; }
    void setProfession(const QString &key);
    QString payBand() const { return m_draft.payBand; }
    void setPayBand(const QString &key);
    QString clinical() const { return m_draft.clinical; }
    void setClinical(const QString &key);
    QString ethnicGroup() const { return m_draft.ethnicGroup; }
    void setEthnicGroup(const QString &key);
    QString disability() const { return m_draft.disability; }
    void setDisability(const QString &key);
    bool equalityMonitoring() const { return m_equalityMonitoring; }
    QDateTime savedAt() const { return m_saved.savedAt; }
    QString savedText() const;
    QVariantList summary() const;
    int answeredCount() const;
    bool shouldAsk() const;

    /// Loads the answers as saved, replacing what the form holds.
    Q_INVOKABLE void reload();
    /// Back to the answers as saved.
    Q_INVOKABLE void revert();
    /// Saves the answers; saved() says so.
    Q_INVOKABLE void save();
    /// "Not now" to the question on Home: it is not asked again on this
    /// device. The answers stay open to fill in from the Account page.
    Q_INVOKABLE void dismiss();

Q_SIGNALS:
    void loadingChanged();
    void loadedChanged();
    void draftChanged();
    /// The server has the answers; `message` says so.
    void saved(const QString &message);

private:
    void setAnswer(QString DeclarationInfo::*field, const QString &key, const QString &name);
    void setLoading(bool loading);
    /// This person on this server: where "not now" is kept.
    QString dismissalName() const;

    DeclarationInfo m_saved;
    DeclarationInfo m_draft;
    bool m_equalityMonitoring = false;
    bool m_loading = false;
    bool m_loaded = false;
    bool m_dismissed = false;
    int m_generation = 0;
};
