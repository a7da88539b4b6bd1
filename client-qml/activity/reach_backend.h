#pragma once

#include "common/result.h"

#include <QDateTime>
#include <QObject>
#include <QString>

/// A person's optional, self-declared answers (tandem.v1.Declaration) as
/// keys; an empty key is "not answered". "prefer_not_to_say" is an answer
/// in every set. The keys of each set are ReachCatalogue's.
struct DeclarationInfo {
    QString staffGroup;
    QString profession;
    /// "1" to "9" (Agenda for Change; "8" covers 8a to 8d), "not_afc", or
    /// "prefer_not_to_say".
    QString payBand;
    /// "clinical", "non_clinical".
    QString clinical;
    /// Only while the person's organisation monitors equality.
    QString ethnicGroup;
    /// "yes", "no".
    QString disability;
    /// When the person last saved it; invalid if never (the app asks once).
    QDateTime savedAt;
};

/// The caller's declaration and whether their organisation asks about
/// ethnic group and disability.
struct MyDeclaration {
    DeclarationInfo declaration;
    bool equalityMonitoring = false;
};

/// An organisation's head-count and whether it monitors equality.
struct OrganisationSettingsInfo {
    qint64 organisationId = 0;
    /// Staff employed; 0 when not entered.
    int headcount = 0;
    bool equalityMonitoring = false;
};

/// Who the programme reaches (tandem.v1.ReachService), with Qt types only.
/// Every call returns at once and reports through its callback. The saves
/// replace what was there, so sending one twice does no harm: they go
/// straight to the server rather than through the outbox.
class ReachBackend {
public:
    virtual ~ReachBackend() = default;

    /// The caller's own answers; nobody else can read them.
    virtual void getMyDeclaration(QObject *context, Callback<MyDeclaration> done) = 0;
    /// Replaces the caller's answers (savedAt is ignored). Ethnic group and
    /// disability are refused unless the organisation monitors equality.
    virtual void saveMyDeclaration(
        const DeclarationInfo &declaration, QObject *context, Callback<DeclarationInfo> done)
        = 0;
    /// Coordinators of the organisation.
    virtual void getOrganisationSettings(
        qint64 organisationId, QObject *context, Callback<OrganisationSettingsInfo> done)
        = 0;
    virtual void saveOrganisationSettings(const OrganisationSettingsInfo &settings,
        QObject *context, Callback<OrganisationSettingsInfo> done)
        = 0;
};
