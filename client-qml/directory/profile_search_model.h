#pragma once

#include "directory/profile_list_model.h"

#include <QTimer>

/// Listed coaches and mentors matching the filters (SearchProfiles). A
/// change of the text waits ~250 ms for more typing; any other filter
/// reloads at once. Responses to superseded filters are dropped.
class ProfileSearchModel : public ProfileListModel {
    Q_OBJECT
    QML_ELEMENT

    /// Free text over name, headline, bio and specialisms (prefix words).
    Q_PROPERTY(QString query READ query WRITE setQuery NOTIFY queryChanged)
    /// "coaching", "mentoring" or empty for either.
    Q_PROPERTY(QString kind READ kind WRITE setKind NOTIFY filtersChanged)
    /// Any of these specialism codes; empty for any.
    Q_PROPERTY(QStringList specialisms READ specialisms WRITE setSpecialisms NOTIFY filtersChanged)
    /// "in_person", "video", "phone" or empty.
    Q_PROPERTY(QString deliveryMode READ deliveryMode WRITE setDeliveryMode NOTIFY filtersChanged)
    /// "mine", "others" or empty for any organisation.
    Q_PROPERTY(QString organisationScope READ organisationScope WRITE setOrganisationScope NOTIFY
            filtersChanged)
    /// e.g. "Welsh"; empty for any.
    Q_PROPERTY(QString language READ language WRITE setLanguage NOTIFY filtersChanged)
    Q_PROPERTY(bool acceptingOnly READ acceptingOnly WRITE setAcceptingOnly NOTIFY filtersChanged)
    /// How many of the filters above (not the text) are set.
    Q_PROPERTY(int activeFilterCount READ activeFilterCount NOTIFY filtersChanged)
    /// Profiles per page, 1 to 50.
    Q_PROPERTY(int pageSize READ pageSize WRITE setPageSize NOTIFY filtersChanged)

public:
    explicit ProfileSearchModel(QObject *parent = nullptr);

    QString query() const;
    void setQuery(const QString &query);
    QString kind() const;
    void setKind(const QString &kind);
    QStringList specialisms() const;
    void setSpecialisms(const QStringList &specialisms);
    QString deliveryMode() const;
    void setDeliveryMode(const QString &deliveryMode);
    QString organisationScope() const;
    void setOrganisationScope(const QString &scope);
    QString language() const;
    void setLanguage(const QString &language);
    bool acceptingOnly() const;
    void setAcceptingOnly(bool acceptingOnly);
    int activeFilterCount() const;
    int pageSize() const;
    void setPageSize(int pageSize);

    /// Clears every filter but the text.
    Q_INVOKABLE void clearFilters();
    /// Applies a pending text change now instead of after the pause.
    Q_INVOKABLE void searchNow();

Q_SIGNALS:
    void queryChanged();
    void filtersChanged();

protected:
    void requestPage(
        DirectoryBackend &backend, const QString &pageToken, Callback<ProfilePage> done) override;

private:
    void filterChanged();

    QTimer m_debounce;
    QString m_query;
    QString m_kind;
    QStringList m_specialisms;
    QString m_deliveryMode;
    QString m_organisationScope;
    QString m_language;
    bool m_acceptingOnly = false;
    int m_pageSize = 20;
};
