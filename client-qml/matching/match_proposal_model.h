#pragma once

#include <QAbstractListModel>
#include <QQmlEngine>
#include <QVariantList>
#include <QVariantMap>

/// Coordinators: "Run matching" (ProposeMatches) and the proposed pairs,
/// held here until confirmed. The coordinator removes pairs or gives a
/// pair another member (one of SuggestMatches' suggestions for that
/// request), then confirm() sends what is left (ConfirmMatches) and each
/// row shows its outcome. Rows: `requestId`, `coacheeName`, `kindLabel`,
/// `gap`, `themes`, `daysWaited`, `memberId`, `memberName`,
/// `memberOrganisationName`, `score`, `reasons`, `reasonsText`,
/// `replaced`, `outcome` ("", "confirmed", "refused") and `problem`.
class MatchProposalModel : public QAbstractListModel {
    Q_OBJECT
    QML_ELEMENT

    /// True while matching runs.
    Q_PROPERTY(bool loading READ loading NOTIFY loadingChanged)
    /// True while confirm() is in flight.
    Q_PROPERTY(bool confirming READ confirming NOTIFY confirmingChanged)
    /// A proposal has arrived (and has not been cleared).
    Q_PROPERTY(bool hasProposal READ hasProposal NOTIFY proposalChanged)
    /// The outcomes of confirm() have arrived; the pairs can no longer change.
    Q_PROPERTY(bool confirmed READ confirmed NOTIFY proposalChanged)
    Q_PROPERTY(int count READ count NOTIFY countChanged)
    /// The total score of the pairs as they stand now.
    Q_PROPERTY(int totalScore READ totalScore NOTIFY countChanged)
    /// The total score of the pairs as proposed.
    Q_PROPERTY(double proposedTotalScore READ proposedTotalScore NOTIFY proposalChanged)
    Q_PROPERTY(int membersConsidered READ membersConsidered NOTIFY proposalChanged)
    Q_PROPERTY(int pairsConsidered READ pairsConsidered NOTIFY proposalChanged)
    Q_PROPERTY(int solveMillis READ solveMillis NOTIFY proposalChanged)
    /// Requests no one was proposed for: the request's map plus `reason`.
    Q_PROPERTY(QVariantList unmatched READ unmatched NOTIFY proposalChanged)
    /// Pairs the coordinator has removed from the proposal.
    Q_PROPERTY(int removedCount READ removedCount NOTIFY countChanged)
    Q_PROPERTY(int confirmedCount READ confirmedCount NOTIFY proposalChanged)
    Q_PROPERTY(int refusedCount READ refusedCount NOTIFY proposalChanged)

public:
    explicit MatchProposalModel(QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QHash<int, QByteArray> roleNames() const override;

    bool loading() const;
    bool confirming() const;
    bool hasProposal() const;
    bool confirmed() const;
    int count() const;
    int totalScore() const;
    double proposedTotalScore() const;
    int membersConsidered() const;
    int pairsConsidered() const;
    int solveMillis() const;
    QVariantList unmatched() const;
    int removedCount() const;
    int confirmedCount() const;
    int refusedCount() const;

    /// The pair in `row` as a map; undefined outside the rows.
    Q_INVOKABLE QVariant get(int row) const;
    /// The row of a request, or -1.
    Q_INVOKABLE int rowOf(double requestId) const;
    /// How many pairs have this member.
    Q_INVOKABLE int pairsWithMember(double memberId) const;

    /// Runs matching for the whole waiting list; replaces any proposal.
    Q_INVOKABLE void run();
    /// Takes a pair out: its request stays on the waiting list.
    Q_INVOKABLE void removePair(int row);
    /// Gives the pair in `row` another member: `suggestion` is a map from
    /// SuggestionsModel::get() (accountId, displayName, organisationName,
    /// score, reasons).
    Q_INVOKABLE void replaceMember(int row, const QVariantMap &suggestion);
    /// Sends the pairs as they stand; outcomes arrive in the rows and
    /// confirmedCount / refusedCount, then outcomesArrived() fires.
    Q_INVOKABLE void confirm();
    /// Forgets the proposal.
    Q_INVOKABLE void clear();

Q_SIGNALS:
    void loadingChanged();
    void confirmingChanged();
    void proposalChanged();
    void countChanged();
    void errorOccurred(const QString &message);
    /// A proposal arrived.
    void proposed();
    void outcomesArrived();

private:
    void setLoading(bool loading);
    void setConfirming(bool confirming);

    QList<QVariantMap> m_rows;
    QStringList m_keys;
    QVariantList m_unmatched;
    bool m_loading = false;
    bool m_confirming = false;
    bool m_hasProposal = false;
    bool m_confirmed = false;
    qint64 m_proposedTotalScore = 0;
    int m_membersConsidered = 0;
    int m_pairsConsidered = 0;
    int m_solveMillis = 0;
    int m_removedCount = 0;
    int m_confirmedCount = 0;
    int m_refusedCount = 0;
    int m_generation = 0;
};
