#pragma once

#include "directory/directory_types.h"
#include "identity/identity_types.h"
#include "tandem/v1/directory.pb.h"
#include "tandem/v1/goals.pb.h"
#include "tandem/v1/identity.pb.h"
#include "tandem/v1/matching.pb.h"
#include "tandem/v1/relationships.pb.h"

#include <QDateTime>
#include <QString>
#include <QStringList>

#include <cstddef>
#include <optional>
#include <string>

// The one place where the API's enums meet the stable keys of the seam, and
// the converters that more than one service needs.

namespace v1 = tandem::v1;

/// One API enum value and the key the seam uses for it.
template <typename Enum> struct EnumKey {
    Enum value;
    const char *key;
};

// identity.proto
inline constexpr EnumKey<v1::OrganisationKind> kOrganisationKinds[] = {
    {v1::ORGANISATION_KIND_NHS_TRUST, "nhs_trust"},
    {v1::ORGANISATION_KIND_LOCAL_AUTHORITY, "local_authority"},
    {v1::ORGANISATION_KIND_CARE_PROVIDER, "care_provider"},
    {v1::ORGANISATION_KIND_PRIMARY_CARE, "primary_care"},
    {v1::ORGANISATION_KIND_OTHER, "other"},
};

// directory.proto
inline constexpr EnumKey<v1::ProfileKind> kProfileKinds[] = {
    {v1::PROFILE_KIND_COACH, "coach"},
    {v1::PROFILE_KIND_MENTOR, "mentor"},
    {v1::PROFILE_KIND_COACH_AND_MENTOR, "coach_and_mentor"},
};
inline constexpr EnumKey<v1::SupportKind> kSupportKinds[] = {
    {v1::SUPPORT_KIND_COACHING, "coaching"},
    {v1::SUPPORT_KIND_MENTORING, "mentoring"},
};
inline constexpr EnumKey<v1::PoolStatus> kPoolStatuses[] = {
    {v1::POOL_STATUS_APPLIED, "applied"},
    {v1::POOL_STATUS_APPROVED, "approved"},
    {v1::POOL_STATUS_DECLINED, "declined"},
    {v1::POOL_STATUS_PAUSED, "paused"},
    {v1::POOL_STATUS_REMOVED, "removed"},
};
inline constexpr EnumKey<v1::Availability> kAvailabilities[] = {
    {v1::AVAILABILITY_ACCEPTING, "accepting"},
    {v1::AVAILABILITY_FULL, "full"},
    {v1::AVAILABILITY_ON_LEAVE, "on_leave"},
};
inline constexpr EnumKey<v1::DeliveryMode> kDeliveryModes[] = {
    {v1::DELIVERY_MODE_IN_PERSON, "in_person"},
    {v1::DELIVERY_MODE_VIDEO, "video"},
    {v1::DELIVERY_MODE_PHONE, "phone"},
};
inline constexpr EnumKey<v1::QualificationType> kQualificationTypes[] = {
    {v1::QUALIFICATION_TYPE_ILM_LEVEL_5, "ilm_level_5"},
    {v1::QUALIFICATION_TYPE_ILM_LEVEL_7, "ilm_level_7"},
    {v1::QUALIFICATION_TYPE_EMCC_FOUNDATION, "emcc_foundation"},
    {v1::QUALIFICATION_TYPE_EMCC_PRACTITIONER, "emcc_practitioner"},
    {v1::QUALIFICATION_TYPE_EMCC_SENIOR_PRACTITIONER, "emcc_senior_practitioner"},
    {v1::QUALIFICATION_TYPE_EMCC_MASTER_PRACTITIONER, "emcc_master_practitioner"},
    {v1::QUALIFICATION_TYPE_ICF_ACC, "icf_acc"},
    {v1::QUALIFICATION_TYPE_ICF_PCC, "icf_pcc"},
    {v1::QUALIFICATION_TYPE_ICF_MCC, "icf_mcc"},
    {v1::QUALIFICATION_TYPE_MENTORING, "mentoring"},
    {v1::QUALIFICATION_TYPE_OTHER_COACHING, "other_coaching"},
};
inline constexpr EnumKey<v1::TrainingLevel> kTrainingLevels[] = {
    {v1::TRAINING_LEVEL_COACHING_FUNDAMENTALS, "coaching_fundamentals"},
    {v1::TRAINING_LEVEL_COACHING_WITH_COMPETENCE, "coaching_with_competence"},
    {v1::TRAINING_LEVEL_ADVANCED_SKILLS_FOR_COACHING_CONVERSATIONS, "advanced_skills"},
};
inline constexpr EnumKey<v1::PayBand> kPayBands[] = {
    {v1::PAY_BAND_2, "2"},
    {v1::PAY_BAND_3, "3"},
    {v1::PAY_BAND_4, "4"},
    {v1::PAY_BAND_5, "5"},
    {v1::PAY_BAND_6, "6"},
    {v1::PAY_BAND_7, "7"},
    {v1::PAY_BAND_8A, "8a"},
    {v1::PAY_BAND_8B, "8b"},
    {v1::PAY_BAND_8C, "8c"},
    {v1::PAY_BAND_8D, "8d"},
    {v1::PAY_BAND_9, "9"},
    {v1::PAY_BAND_ABOVE_9, "above_9"},
};

// matching.proto
inline constexpr EnumKey<v1::RequestStatus> kRequestStatuses[] = {
    {v1::REQUEST_STATUS_WAITING, "waiting"},
    {v1::REQUEST_STATUS_PENDING, "pending"},
    {v1::REQUEST_STATUS_ACCEPTED, "accepted"},
    {v1::REQUEST_STATUS_DECLINED, "declined"},
    {v1::REQUEST_STATUS_WITHDRAWN, "withdrawn"},
};
inline constexpr EnumKey<v1::RequestOrigin> kRequestOrigins[] = {
    {v1::REQUEST_ORIGIN_NAMED, "named"},
    {v1::REQUEST_ORIGIN_CHOSEN, "chosen"},
    {v1::REQUEST_ORIGIN_COORDINATOR, "coordinator"},
};
inline constexpr EnumKey<v1::OrganisationPreference> kOrganisationPreferences[] = {
    {v1::ORGANISATION_PREFERENCE_OWN, "own"},
    {v1::ORGANISATION_PREFERENCE_OTHER, "other"},
};

// relationships.proto
inline constexpr EnumKey<v1::RelationshipState> kRelationshipStates[] = {
    {v1::RELATIONSHIP_STATE_CONTRACTING, "contracting"},
    {v1::RELATIONSHIP_STATE_ACTIVE, "active"},
    {v1::RELATIONSHIP_STATE_COMPLETED, "completed"},
    {v1::RELATIONSHIP_STATE_ENDED_EARLY, "ended_early"},
};
inline constexpr EnumKey<v1::SessionRegularity> kRegularities[] = {
    {v1::SESSION_REGULARITY_WEEKLY, "weekly"},
    {v1::SESSION_REGULARITY_FORTNIGHTLY, "fortnightly"},
    {v1::SESSION_REGULARITY_MONTHLY, "monthly"},
    {v1::SESSION_REGULARITY_AS_AGREED, "as_agreed"},
};
inline constexpr EnumKey<v1::ReviewCadence> kReviewCadences[] = {
    {v1::REVIEW_CADENCE_MONTHLY, "monthly"},
    {v1::REVIEW_CADENCE_QUARTERLY, "quarterly"},
    {v1::REVIEW_CADENCE_SIX_MONTHLY, "six_monthly"},
};
inline constexpr EnumKey<v1::LineManagerTold> kLineManagerTold[] = {
    {v1::LINE_MANAGER_TOLD_YES, "yes"},
    {v1::LINE_MANAGER_TOLD_NOT_YET, "not_yet"},
    {v1::LINE_MANAGER_TOLD_CHOSE_NOT_TO, "chose_not_to"},
};
inline constexpr EnumKey<v1::SessionStatus> kSessionStatuses[] = {
    {v1::SESSION_STATUS_PROPOSED, "proposed"},
    {v1::SESSION_STATUS_ACCEPTED, "accepted"},
    {v1::SESSION_STATUS_CANCELLED, "cancelled"},
    {v1::SESSION_STATUS_HELD, "held"},
    {v1::SESSION_STATUS_NOT_HELD, "not_held"},
};
inline constexpr EnumKey<v1::CancelledBy> kCancelledBy[] = {
    {v1::CANCELLED_BY_COACHEE, "coachee"},
    {v1::CANCELLED_BY_MEMBER, "member"},
};

// goals.proto
inline constexpr EnumKey<v1::GoalState> kGoalStates[] = {
    {v1::GOAL_STATE_OPEN, "open"},
    {v1::GOAL_STATE_ACHIEVED, "achieved"},
    {v1::GOAL_STATE_DROPPED, "dropped"},
};
inline constexpr EnumKey<v1::RatingSource> kRatingSources[] = {
    {v1::RATING_SOURCE_START, "start"},
    {v1::RATING_SOURCE_REVIEW, "review"},
    {v1::RATING_SOURCE_END, "end"},
};
inline constexpr EnumKey<v1::GoalOutcome> kGoalOutcomes[] = {
    {v1::GOAL_OUTCOME_ACHIEVED, "achieved"},
    {v1::GOAL_OUTCOME_PARTLY, "partly"},
    {v1::GOAL_OUTCOME_NOT_ACHIEVED, "not_achieved"},
    {v1::GOAL_OUTCOME_NO_LONGER_RELEVANT, "no_longer_relevant"},
};
inline constexpr EnumKey<v1::ReviewOccasion> kReviewOccasions[] = {
    {v1::REVIEW_OCCASION_MIDPOINT, "midpoint"},
    {v1::REVIEW_OCCASION_CONTRACT_REVIEW, "contract_review"},
    {v1::REVIEW_OCCASION_CADENCE, "cadence"},
    {v1::REVIEW_OCCASION_ASKED, "asked"},
};
inline constexpr EnumKey<v1::QuestionType> kQuestionTypes[] = {
    {v1::QUESTION_TYPE_RATING, "rating"},
    {v1::QUESTION_TYPE_YES_NO, "yes_no"},
    {v1::QUESTION_TYPE_CHOICE, "choice"},
    {v1::QUESTION_TYPE_TEXT, "text"},
};
inline constexpr EnumKey<v1::EvaluationAudience> kEvaluationAudiences[] = {
    {v1::EVALUATION_AUDIENCE_COACHEE, "coachee"},
    {v1::EVALUATION_AUDIENCE_MEMBER, "member"},
};
inline constexpr EnumKey<v1::Due::What> kDueWhats[] = {
    {v1::Due::WHAT_SET_GOALS, "set_goals"},
    {v1::Due::WHAT_REVIEW, "review"},
    {v1::Due::WHAT_EVALUATION, "evaluation"},
    {v1::Due::WHAT_FOLLOW_UP, "follow_up"},
};

/// The key of an API enum value; empty for UNSPECIFIED or unknown values.
template <typename Enum, std::size_t N> QString keyOf(const EnumKey<Enum> (&table)[N], int value)
{
    for (const auto &entry : table) {
        if (static_cast<int>(entry.value) == value) {
            return QString::fromLatin1(entry.key);
        }
    }
    return {};
}

/// The API enum value of a key; UNSPECIFIED (0) for an empty or unknown key.
template <typename Enum, std::size_t N>
Enum valueOf(const EnumKey<Enum> (&table)[N], const QString &key)
{
    for (const auto &entry : table) {
        if (key == QLatin1String(entry.key)) {
            return entry.value;
        }
    }
    return static_cast<Enum>(0);
}

inline QString fromStd(const std::string &text)
{
    return QString::fromStdString(text);
}

/// Seconds since the epoch as a time; invalid for 0 (not set).
QDateTime timeFromUnix(qint64 seconds);

template <typename Repeated> QStringList toStringList(const Repeated &values)
{
    QStringList list;
    for (const std::string &value : values) {
        list.append(fromStd(value));
    }
    return list;
}

/// Adds each value, trimmed, leaving out empty ones.
template <typename Repeated> void addStrings(Repeated *target, const QStringList &values)
{
    for (const QString &value : values) {
        const QString trimmed = value.trimmed();
        if (!trimmed.isEmpty()) {
            target->Add(trimmed.toStdString());
        }
    }
}

std::optional<Role> fromProto(v1::Role role);
v1::Role toProto(Role role);

template <typename Repeated> void addRoles(Repeated *target, const QList<Role> &roles)
{
    for (Role role : roles) {
        target->Add(toProto(role));
    }
}

AccountInfo fromProto(const v1::Account &account);
OrganisationInfo fromProto(const v1::Organisation &organisation);
QualificationInfo fromProto(const v1::Qualification &qualification);
/// Used by the directory and by matching's suggestions.
ProfileInfo fromProto(const v1::Profile &profile);
