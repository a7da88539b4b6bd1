#pragma once

#include <QString>

/// A refusal from the server, split for people: which field of the request
/// it concerns and a sentence without any field name in it.
struct Refusal {
    /// The field as the server named it, last part only ("actual_minutes"
    /// for "session.actual_minutes: …", "themes" for "themes[2]: …"); empty
    /// when the message names none.
    QString field;
    /// "Minutes must be 5 to 480."
    QString message;
};

/// Splits the server's "<field>: <why>" (the form every INVALID_ARGUMENT
/// takes, server/domain/validation.h) into a Refusal. A message without a
/// field comes back as it was.
Refusal plainRefusal(const QString &serverText);

/// What a field is called on screen: "actual_minutes" → "Minutes",
/// "planned_end_on" → "Planned end date", "organisation_id" → "Organisation".
QString fieldLabel(const QString &field);
