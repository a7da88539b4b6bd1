#pragma once

#include "matching/matching_types.h"

#include <QObject>
#include <QQmlEngine>
#include <QQmlParserStatus>
#include <QVariantList>
#include <QVariantMap>

/// Coordinators: the matching weights of one of their organisations
/// (GetMatchWeights / UpdateMatchWeights), eight whole numbers from 0 to
/// 100 edited here and saved together. Loads itself when created and when
/// `organisationId` changes.
class MatchWeightsModel : public QObject, public QQmlParserStatus {
    Q_OBJECT
    QML_ELEMENT
    Q_INTERFACES(QQmlParserStatus)

    /// The organisation; 0 for the caller's first coordinated one (the
    /// server says which, and this property follows).
    Q_PROPERTY(double organisationId READ organisationIdForQml WRITE setOrganisationIdForQml NOTIFY
            organisationIdChanged)
    /// The weights as [{key, label, description}], in a fixed order.
    Q_PROPERTY(QVariantList fields READ fields CONSTANT)
    /// The value of each weight by key.
    Q_PROPERTY(QVariantMap values READ values NOTIFY weightsChanged)
    Q_PROPERTY(bool loading READ loading NOTIFY loadingChanged)
    Q_PROPERTY(bool saving READ saving NOTIFY savingChanged)
    /// Edited since loaded or saved.
    Q_PROPERTY(bool dirty READ dirty NOTIFY weightsChanged)
    /// True once weights have loaded.
    Q_PROPERTY(bool loaded READ loaded NOTIFY weightsChanged)
    Q_PROPERTY(
        QString errorMessage READ errorMessage WRITE setErrorMessage NOTIFY errorMessageChanged)

public:
    explicit MatchWeightsModel(QObject *parent = nullptr);

    void classBegin() override;
    void componentComplete() override;

    double organisationIdForQml() const;
    void setOrganisationIdForQml(double organisationId);
    QVariantList fields() const;
    QVariantMap values() const;
    bool loading() const;
    bool saving() const;
    bool dirty() const;
    bool loaded() const;
    QString errorMessage() const;
    void setErrorMessage(const QString &message);

    /// One weight by key ("themes", "deliveryMode", …); -1 if unknown.
    Q_INVOKABLE int value(const QString &key) const;
    /// Sets one weight, kept within 0 to 100.
    Q_INVOKABLE void setValue(const QString &key, int value);
    Q_INVOKABLE void reload();
    /// Puts back the weights last loaded or saved.
    Q_INVOKABLE void revert();
    /// Saves the weights; saved() fires when done.
    Q_INVOKABLE void save();
    Q_INVOKABLE void clearError();

Q_SIGNALS:
    void organisationIdChanged();
    void weightsChanged();
    void loadingChanged();
    void savingChanged();
    void errorMessageChanged();
    void saved();
    void errorOccurred(const QString &message);

private:
    void setLoading(bool loading);
    void setSaving(bool saving);
    void setWeights(const MatchWeights &weights);
    void fail(const QString &message);

    qint64 m_organisationId = 0;
    MatchWeights m_weights;
    MatchWeights m_stored;
    bool m_loaded = false;
    bool m_loading = false;
    bool m_saving = false;
    bool m_complete = true;
    QString m_errorMessage;
    int m_generation = 0;
};
