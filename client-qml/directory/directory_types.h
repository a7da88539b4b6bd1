#pragma once

#include <QDateTime>
#include <QList>
#include <QString>
#include <QStringList>

/// One entry of the specialism taxonomy.
struct SpecialismInfo {
    QString code; ///< stable, e.g. "leadership"
    QString label; ///< shown to people, e.g. "Leadership"
};

/// A qualification on a pool member's profile. Enum values of the API are
/// carried as stable keys (see DirectoryCatalogue), never as protobuf types.
struct QualificationInfo {
    qint64 id = 0;
    QString type; ///< "ilm_level_5", "ilm_level_7", "emcc_practitioner", … "mentoring"
    QString title;
    QString awardedOn; ///< "YYYY-MM-DD"
    QString expiresOn; ///< "YYYY-MM-DD" or empty
    QString evidence; ///< coordinators and the owner only
    bool verified = false;
    QString verifiedOn;
};

/// A pool member's profile; which fields are filled depends on who asks.
struct ProfileInfo {
    qint64 accountId = 0;
    QString displayName;
    QString kind; ///< "coach", "mentor", "coach_and_mentor" or empty
    QString headline;
    QString bio;
    QStringList specialisms; ///< taxonomy codes
    QStringList tags;
    QStringList professions;
    qint64 organisationId = 0;
    QString organisationName;
    QString site;
    QStringList deliveryModes; ///< "in_person", "video", "phone"
    QStringList languages;
    QString availability; ///< "accepting", "full", "on_leave" or empty
    int capacity = 0;
    int currentLoad = 0;
    bool listed = false;
    bool accepting = false;
    QList<QualificationInfo> qualifications;
    QString lastSupervisionOn;
    QString trainingLevel; ///< "coaching_fundamentals", … or empty
    QString payBand; ///< "2" … "9", "8a" … "8d", "above_9" or empty
    int yearsExperience = 0;
    QString status; ///< "applied", "approved", "declined", "paused", "removed" or empty
    QString declineReason;
    QStringList unlistedReasons;
    QString contactEmail;
    QDateTime lastActiveAt; ///< invalid when unknown
    /// The viewer's pay band is known and this member's is higher (the
    /// seniority a mentor needs), without showing the band itself.
    bool moreSeniorThanYou = false;
    /// Median hours the member takes to answer a request; 0 when unknown.
    int usualAnswerHours = 0;
};

/// Filters and paging for searching the directory.
struct ProfileQuery {
    QString text;
    QString kind; ///< "coaching", "mentoring" or empty for any
    QStringList specialisms; ///< any of these codes
    QStringList professions;
    QString organisationScope; ///< "mine", "others" or empty for any
    qint64 organisationId = 0;
    QString site;
    QString deliveryMode; ///< a delivery mode key or empty
    QString language;
    bool acceptingOnly = false;
    bool includeUnlisted = false;
    int pageSize = 20;
    QString pageToken;
};

/// One page of profiles.
struct ProfilePage {
    QList<ProfileInfo> profiles;
    QString nextPageToken; ///< empty when there are no more pages
    int totalCount = 0;
};

/// Filters and paging for the coordinator's pool table.
struct PoolQuery {
    QString status; ///< a status key or empty for any
    bool lapsedOnly = false;
    int pageSize = 50;
    QString pageToken;
};

/// What a pool member saves as their own profile (SaveMyProfile).
struct ProfileDraft {
    QString kind;
    QString headline;
    QString bio;
    QStringList specialisms;
    QStringList tags;
    QStringList professions;
    QString site;
    QStringList deliveryModes;
    QStringList languages;
    QString availability;
    int capacity = 0;
    QString lastSupervisionOn;
    QString trainingLevel;
    QString payBand;
    int yearsExperience = 0;
};

/// A qualification to add to one's own profile.
struct QualificationDraft {
    QString type;
    QString title;
    QString awardedOn;
    QString expiresOn;
    QString evidence;
};
