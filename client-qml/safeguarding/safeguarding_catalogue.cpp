#include "safeguarding/safeguarding_catalogue.h"

#include "common/date_words.h"

int SafeguardingCatalogue::lengthOf(const QString &text)
{
    return static_cast<int>(text.trimmed().toUcs4().size());
}

QString SafeguardingCatalogue::descriptionProblem(const QString &text)
{
    const int length = lengthOf(text);
    if (length == 0) {
        return tr("Describe the risk: what you saw or heard, who is at risk and how urgent it "
                  "is.");
    }
    if (length < kTextMinLength) {
        return tr("Say a little more: at least %1 characters, so that your supervisor can act on "
                  "it (%2 now).")
            .arg(kTextMinLength)
            .arg(length);
    }
    if (length > kTextMaxLength) {
        return tr("Keep it to %1 characters (it is %2 now). Your supervisor can ask you for "
                  "more.")
            .arg(kTextMaxLength)
            .arg(length);
    }
    return {};
}

QString SafeguardingCatalogue::actionProblem(const QString &text)
{
    const int length = lengthOf(text);
    if (length == 0) {
        return tr("Record what was done about this concern: who you spoke to, what was agreed "
                  "or where it was referred.");
    }
    if (length < kTextMinLength) {
        return tr("Say a little more about what was done: at least %1 characters (%2 now).")
            .arg(kTextMinLength)
            .arg(length);
    }
    if (length > kTextMaxLength) {
        return tr("Keep it to %1 characters (it is %2 now).").arg(kTextMaxLength).arg(length);
    }
    return {};
}

QString SafeguardingCatalogue::lengthLabel(const QString &text)
{
    const int length = lengthOf(text);
    if (length > 0 && length < kTextMinLength) {
        return tr("%1 / %2 characters (at least %3)")
            .arg(length)
            .arg(kTextMaxLength)
            .arg(kTextMinLength);
    }
    return tr("%1 / %2 characters").arg(length).arg(kTextMaxLength);
}

QString SafeguardingCatalogue::momentLabel(const QDateTime &when)
{
    if (!when.isValid()) {
        return {};
    }
    return tr("%1 at %2").arg(DateWords::day(when), DateWords::time(when));
}

QVariantMap SafeguardingCatalogue::toMap(const ConcernInfo &c, const QString &relationshipName)
{
    const bool raisedByYou = c.yourPart == QLatin1String("raised by you");
    const bool lead = c.yourPart == QLatin1String("safeguarding lead");
    const bool canRead = !raisedByYou && !c.yourPart.isEmpty();
    const bool acknowledged = c.acknowledgedAt.isValid();

    QString status;
    QString escalation;
    if (acknowledged) {
        status
            = tr("Acknowledged by %1 on %2")
                  .arg(c.acknowledgedByName.isEmpty() ? tr("the supervisor") : c.acknowledgedByName,
                      momentLabel(c.acknowledgedAt));
    } else if (c.escalated) {
        status = tr("Not acknowledged in time: escalated to the safeguarding lead");
        escalation = raisedByYou
            ? tr("Your supervisor did not acknowledge it by %1, so it has gone to your "
                 "organisation's safeguarding lead as well.")
                  .arg(momentLabel(c.escalateAt))
            : lead ? tr("It reached you as safeguarding lead because the supervisor did not "
                        "acknowledge it by %1.")
                         .arg(momentLabel(c.escalateAt))
                   : tr("Not acknowledged by %1, so the organisation's safeguarding lead can "
                        "read it too. Acknowledge it now.")
                         .arg(momentLabel(c.escalateAt));
    } else {
        status = raisedByYou ? tr("Not acknowledged yet") : tr("Waiting for your acknowledgement");
        escalation = raisedByYou
            ? tr("If your supervisor has not acknowledged it by %1, it goes to the safeguarding "
                 "lead as well.")
                  .arg(momentLabel(c.escalateAt))
            : tr("Goes to the safeguarding lead on %1 if not acknowledged by then.")
                  .arg(momentLabel(c.escalateAt));
    }

    QString partLabel;
    if (raisedByYou) {
        partLabel = tr("Raised by you");
    } else if (lead) {
        partLabel = tr("You are the safeguarding lead");
    } else if (canRead) {
        partLabel = tr("You are the supervisor");
    }

    QString relationshipLabel = tr("Relationship no. %1").arg(c.relationshipId);
    if (!relationshipName.isEmpty()) {
        relationshipLabel = tr("Your relationship with %1").arg(relationshipName);
    } else if (!c.aboutName.isEmpty()) {
        relationshipLabel = tr("About %1").arg(c.aboutName);
    }

    return {{QStringLiteral("id"), c.id}, {QStringLiteral("relationshipId"), c.relationshipId},
        {QStringLiteral("relationshipLabel"), relationshipLabel},
        {QStringLiteral("raisedById"), c.raisedByAccountId},
        {QStringLiteral("raisedByName"), c.raisedByName}, {QStringLiteral("raisedAt"), c.raisedAt},
        {QStringLiteral("raisedLabel"), momentLabel(c.raisedAt)},
        {QStringLiteral("description"), c.description}, {QStringLiteral("canRead"), canRead},
        {QStringLiteral("raisedByYou"), raisedByYou}, {QStringLiteral("yourPart"), c.yourPart},
        {QStringLiteral("yourPartLabel"), partLabel}, {QStringLiteral("escalateAt"), c.escalateAt},
        {QStringLiteral("escalateLabel"), momentLabel(c.escalateAt)},
        {QStringLiteral("escalated"), c.escalated && !acknowledged},
        {QStringLiteral("acknowledged"), acknowledged},
        {QStringLiteral("acknowledgedAt"), c.acknowledgedAt},
        {QStringLiteral("acknowledgedLabel"), momentLabel(c.acknowledgedAt)},
        {QStringLiteral("acknowledgedByName"), c.acknowledgedByName},
        {QStringLiteral("actionTaken"), c.actionTaken}, {QStringLiteral("statusLabel"), status},
        {QStringLiteral("escalationLabel"), escalation},
        // Filled by the list: an acknowledgement kept on the device, not sent
        // yet, and the server's words if it refused one.
        {QStringLiteral("pending"), false}, {QStringLiteral("syncProblem"), QString()}};
}

QVariantMap SafeguardingCatalogue::toMap(const AuditEntryInfo &entry)
{
    return {{QStringLiteral("at"), entry.at}, {QStringLiteral("atLabel"), momentLabel(entry.at)},
        {QStringLiteral("accountId"), entry.accountId},
        {QStringLiteral("accountName"), entry.accountName}, {QStringLiteral("what"), entry.what},
        {QStringLiteral("times"), 1}};
}

QList<QVariantMap> SafeguardingCatalogue::auditRows(const QList<AuditEntryInfo> &entries)
{
    QList<QVariantMap> rows;
    const AuditEntryInfo *newest = nullptr; // of the row being grown
    int times = 0;
    for (const AuditEntryInfo &entry : entries) {
        if (newest != nullptr && entry.accountId == newest->accountId
            && entry.what == newest->what) {
            ++times;
            QVariantMap &row = rows.last();
            row.insert(QStringLiteral("times"), times);
            row.insert(QStringLiteral("atLabel"),
                tr("%1 (%2 times since %3)")
                    .arg(momentLabel(newest->at))
                    .arg(times)
                    .arg(DateWords::day(entry.at) == DateWords::day(newest->at)
                            ? DateWords::time(entry.at)
                            : momentLabel(entry.at)));
            continue;
        }
        rows.append(toMap(entry));
        newest = &entry;
        times = 1;
    }
    return rows;
}
