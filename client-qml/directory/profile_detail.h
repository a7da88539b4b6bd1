#pragma once

#include "common/result.h"
#include "directory/directory_types.h"

#include <QObject>
#include <QQmlEngine>
#include <QVariantMap>

class DirectoryBackend;
/// One pool member's profile and what can be done with it: viewing
/// (`accountId`), one's own profile (`mine`: edit, apply, qualifications)
/// and a coordinator's review (approve, decline, pause, remove, reinstate,
/// verify qualifications). `profile` is the map DirectoryCatalogue::toMap
/// makes. Errors arrive in `errorMessage`, already phrased for people.
class ProfileDetail : public QObject {
    Q_OBJECT
    QML_ELEMENT

    /// The account whose profile to show; 0 for none. Ignored when `mine`.
    /// (A double, as QML numbers are; ids stay far below 2^53.)
    Q_PROPERTY(
        double accountId READ accountIdForQml WRITE setAccountIdForQml NOTIFY accountIdChanged)
    /// Shows the signed-in person's own profile.
    Q_PROPERTY(bool mine READ mine WRITE setMine NOTIFY mineChanged)
    /// A map (untyped in QML so that its keys can be read).
    Q_PROPERTY(QVariant profile READ profileForQml NOTIFY profileChanged)
    /// False until loaded, and when the person has not applied (mine).
    Q_PROPERTY(bool exists READ exists NOTIFY profileChanged)
    Q_PROPERTY(bool loading READ loading NOTIFY loadingChanged)
    /// True while a change is being sent.
    Q_PROPERTY(bool busy READ busy NOTIFY busyChanged)
    Q_PROPERTY(
        QString errorMessage READ errorMessage WRITE setErrorMessage NOTIFY errorMessageChanged)

public:
    explicit ProfileDetail(QObject *parent = nullptr);

    qint64 accountId() const;
    void setAccountId(qint64 accountId);
    bool mine() const;
    void setMine(bool mine);
    double accountIdForQml() const;
    void setAccountIdForQml(double accountId);
    QVariantMap profile() const;
    QVariant profileForQml() const;
    bool exists() const;
    bool loading() const;
    bool busy() const;
    QString errorMessage() const;
    void setErrorMessage(const QString &message);

    Q_INVOKABLE void reload();
    /// Saves one's own profile from a map of SaveMyProfile's fields (kind,
    /// headline, bio, specialisms, tags, professions, site, deliveryModes,
    /// languages, availability, capacity, lastSupervisionOn, trainingLevel,
    /// payBand, yearsExperience). saved(created) fires when done.
    Q_INVOKABLE void save(const QVariantMap &draft);
    /// Adds a qualification: type, title, awardedOn, expiresOn, evidence.
    Q_INVOKABLE void addQualification(const QVariantMap &draft);
    Q_INVOKABLE void deleteQualification(qint64 qualificationId);

    /// Coordinators.
    Q_INVOKABLE void approve();
    /// Refused here, without a call, when the reason is under 5 characters.
    Q_INVOKABLE void decline(const QString &reason);
    /// "approved" (reinstate), "paused" or "removed".
    Q_INVOKABLE void setPoolStatus(const QString &status);
    Q_INVOKABLE void verifyQualification(qint64 qualificationId, bool verified);

    Q_INVOKABLE void clearError();

Q_SIGNALS:
    void accountIdChanged();
    void mineChanged();
    void profileChanged();
    void loadingChanged();
    void busyChanged();
    void errorMessageChanged();
    /// One's own profile was saved; `created` when this was the application.
    void saved(bool created);
    /// A change made here succeeded (review, status, qualification).
    void changed(const QString &message);

private:
    void setProfile(const ProfileInfo &profile);
    void setLoading(bool loading);
    void setBusy(bool busy);
    /// Sends a change; on success replaces the profile and says `message`.
    void change(const QString &message,
        const std::function<void(DirectoryBackend &, QObject *, Callback<ProfileInfo>)> &call);

    qint64 m_accountId = 0;
    bool m_mine = false;
    QVariantMap m_profile;
    bool m_exists = false;
    bool m_loading = false;
    bool m_busy = false;
    QString m_errorMessage;
    int m_generation = 0;
};
