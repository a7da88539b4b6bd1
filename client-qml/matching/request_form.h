#pragma once

#include "common/form_base.h"
#include "matching/matching_types.h"

#include <QVariantList>
#include <QVariantMap>

/// The "Ask for support" form: what a person asks for (RequestDetails),
/// checked here as the API's comments say before CreateRequest is sent.
/// With `memberId` set the request goes straight to that pool member;
/// otherwise the person asks to be matched. Problems with single fields
/// arrive in `fieldErrors` (keys "kind", "gap", "themes", "payBand",
/// "avoid"), anything else in `errorMessage`, in words a person can act on.
class RequestForm : public FormBase {
    Q_OBJECT
    QML_ELEMENT

    /// "coaching" or "mentoring"; empty until chosen.
    Q_PROPERTY(QString kind READ kind WRITE setKind NOTIFY draftChanged)
    Q_PROPERTY(QString gap READ gap WRITE setGap NOTIFY draftChanged)
    /// Specialism codes, at most 5.
    Q_PROPERTY(QStringList themes READ themes WRITE setThemes NOTIFY draftChanged)
    /// "in_person", "video", "phone" or empty for no preference.
    Q_PROPERTY(QString deliveryMode READ deliveryMode WRITE setDeliveryMode NOTIFY draftChanged)
    Q_PROPERTY(QString site READ site WRITE setSite NOTIFY draftChanged)
    Q_PROPERTY(QString language READ language WRITE setLanguage NOTIFY draftChanged)
    /// "own", "other" or empty for no preference.
    Q_PROPERTY(QString organisationPreference READ organisationPreference WRITE
            setOrganisationPreference NOTIFY draftChanged)
    Q_PROPERTY(QString profession READ profession WRITE setProfession NOTIFY draftChanged)
    /// A pay band key; required for mentoring.
    Q_PROPERTY(QString payBand READ payBand WRITE setPayBand NOTIFY draftChanged)
    /// Pool members not to be matched with, as [{accountId, displayName}].
    Q_PROPERTY(QVariantList avoid READ avoid NOTIFY draftChanged)
    /// The pool member named; 0 to be matched.
    Q_PROPERTY(double memberId READ memberIdForQml WRITE setMemberIdForQml NOTIFY memberChanged)
    Q_PROPERTY(QString memberName READ memberName WRITE setMemberName NOTIFY memberChanged)

public:
    explicit RequestForm(QObject *parent = nullptr);

    QString kind() const;
    void setKind(const QString &kind);
    QString gap() const;
    void setGap(const QString &gap);
    QStringList themes() const;
    void setThemes(const QStringList &themes);
    QString deliveryMode() const;
    void setDeliveryMode(const QString &deliveryMode);
    QString site() const;
    void setSite(const QString &site);
    QString language() const;
    void setLanguage(const QString &language);
    QString organisationPreference() const;
    void setOrganisationPreference(const QString &preference);
    QString profession() const;
    void setProfession(const QString &profession);
    QString payBand() const;
    void setPayBand(const QString &payBand);
    QVariantList avoid() const;
    qint64 memberId() const;
    double memberIdForQml() const;
    void setMemberIdForQml(double memberId);
    QString memberName() const;
    void setMemberName(const QString &name);

    /// Adds or removes a theme; false (and a `themes` error) when adding
    /// would make more than 5.
    Q_INVOKABLE bool toggleTheme(const QString &code);
    /// Adds a pool member to the avoid list (once); false when it is full.
    Q_INVOKABLE bool addAvoid(double accountId, const QString &displayName);
    Q_INVOKABLE void removeAvoid(double accountId);
    Q_INVOKABLE bool avoids(double accountId) const;

    /// Checks the form; fills `fieldErrors` and returns false if anything
    /// is wrong.
    Q_INVOKABLE bool validate();
    /// Checks, then sends CreateRequest; submitted() fires when done.
    Q_INVOKABLE void submit();
    /// Takes the preferences (not the gap) of an earlier request, a map as
    /// MatchingCatalogue::toMap makes, so that asking again is quick.
    Q_INVOKABLE void fillFrom(const QVariantMap &request);
    /// Empties the form and forgets the member.
    Q_INVOKABLE void reset();

Q_SIGNALS:
    void draftChanged();
    void memberChanged();
    /// The request exists; `request` is its state as a map.
    void submitted(const QVariantMap &request);

private:
    RequestDetails m_details;
    QVariantList m_avoid;
    qint64 m_memberId = 0;
    QString m_memberName;
};
