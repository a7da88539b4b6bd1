#pragma once

#include <cstddef>

/// Validation limits shared by the server (which enforces them) and the app
/// (which checks them before sending, to give immediate feedback). This is
/// the one source of these numbers: the server's domain and handlers read
/// them from here, and so should the app. Only <cstddef>, so that any
/// target can include it (link `tandem_limits`). Lengths are counted in
/// Unicode code points after trimming, as the server counts them.
namespace tandem::limits {

/// An email address, in characters.
inline constexpr std::size_t kEmailMinLength = 3;
inline constexpr std::size_t kEmailMaxLength = 254;
/// A person's display name, in characters (at least 1).
inline constexpr std::size_t kDisplayNameMaxLength = 120;
/// A new password, in characters.
inline constexpr std::size_t kPasswordMinLength = 10;
inline constexpr std::size_t kPasswordMaxLength = 256;
/// Free-text search (accounts, the directory), in characters.
inline constexpr std::size_t kSearchQueryMaxLength = 100;
/// The name of an organisation, in characters (at least 1).
inline constexpr std::size_t kOrganisationNameMaxLength = 200;
/// Page size of lists of accounts and of the pool when none is asked for.
inline constexpr int kDefaultPageSize = 50;
/// Largest page of lists of accounts and of the pool (ListPool).
inline constexpr int kMaxPageSize = 200;
/// Largest request message the server accepts, in bytes.
inline constexpr int kMaxRequestBytes = 64 * 1024;
/// A client-made idempotency key of a write, in characters.
inline constexpr std::size_t kIdempotencyKeyMinLength = 16;
inline constexpr std::size_t kIdempotencyKeyMaxLength = 64;

}  // namespace tandem::limits

/// Directory (profiles) limits.
namespace tandem::limits {

/// A profile's headline, in characters (at least 1).
inline constexpr std::size_t kHeadlineMaxLength = 120;
/// A profile's bio, in characters.
inline constexpr std::size_t kBioMaxLength = 2000;
/// Specialisms on a profile (at least 1).
inline constexpr std::size_t kMaxSpecialisms = 10;
/// A specialism (or theme) code, in characters.
inline constexpr std::size_t kSpecialismCodeMaxLength = 60;
/// Free tags on a profile, and each tag's length in characters.
inline constexpr std::size_t kMaxTags = 10;
inline constexpr std::size_t kTagMaxLength = 30;
/// Professions on a profile, and each one's length in characters.
inline constexpr std::size_t kMaxProfessions = 10;
inline constexpr std::size_t kProfessionMinLength = 2;
inline constexpr std::size_t kProfessionMaxLength = 60;
/// A profile's or request's site, in characters.
inline constexpr std::size_t kSiteMaxLength = 120;
/// Languages on a profile (at least 1), and each one's length in characters.
inline constexpr std::size_t kMaxLanguages = 10;
inline constexpr std::size_t kLanguageMinLength = 2;
inline constexpr std::size_t kLanguageMaxLength = 40;
/// How many people a member takes on at once (at least 1).
inline constexpr int kMaxCapacity = 20;
/// A member's years of experience (0 or more).
inline constexpr int kMaxYearsExperience = 60;
/// A qualification's title, in characters.
inline constexpr std::size_t kQualificationTitleMinLength = 2;
inline constexpr std::size_t kQualificationTitleMaxLength = 200;
/// A qualification's evidence, in characters.
inline constexpr std::size_t kEvidenceMaxLength = 500;
/// Why a pool application is declined (ReviewApplication), in characters.
/// The maximum is also that of a member's reason for declining a request.
inline constexpr std::size_t kDeclineReasonMinLength = 5;
inline constexpr std::size_t kDeclineReasonMaxLength = 500;
/// A new specialism's label, in characters.
inline constexpr std::size_t kSpecialismLabelMinLength = 2;
inline constexpr std::size_t kSpecialismLabelMaxLength = 60;
/// Page size of a directory search when none is asked for, and the largest.
inline constexpr int kDefaultSearchPageSize = 20;
inline constexpr int kMaxSearchPageSize = 50;
/// Words of a search's text that are used.
inline constexpr std::size_t kMaxSearchTerms = 8;
/// Specialisms, or professions, a search may filter on.
inline constexpr std::size_t kMaxSearchFilters = 30;

}  // namespace tandem::limits

/// Requests and matching limits.
namespace tandem::limits {

/// What the coachee wants to work on (a request's gap), in characters.
inline constexpr std::size_t kGapMinLength = 10;
inline constexpr std::size_t kGapMaxLength = 2000;
/// Themes of a request or of a recorded session.
inline constexpr std::size_t kMaxThemes = 5;
/// People a request asks not to be matched with.
inline constexpr std::size_t kMaxAvoid = 50;
/// Suggestions for a request when none is asked for, and the most
/// (SuggestMatches' limit).
inline constexpr int kDefaultSuggestions = 5;
inline constexpr int kMaxSuggestions = 20;
/// Page size of the waiting list when none is asked for, and the largest.
inline constexpr int kDefaultWaitingPageSize = 100;
inline constexpr int kMaxWaitingPageSize = 500;
/// Pairs confirmed in one ConfirmMatches.
inline constexpr int kMaxConfirmPairs = 2000;
/// Each matching weight is 0 to this (and not all of them 0).
inline constexpr int kMaxWeight = 100;

}  // namespace tandem::limits

/// Relationship and session limits.
namespace tandem::limits {

/// Sessions of a coaching contract (at least 1).
inline constexpr int kMaxContractSessions = 24;
/// Length of a coaching contract's sessions, in minutes.
inline constexpr int kMinContractSessionMinutes = 30;
inline constexpr int kMaxContractSessionMinutes = 180;
/// A coaching contract's planned end is at most this many days after today.
inline constexpr int kMaxContractDays = 2 * 366;
/// Why a contract is reviewed, a relationship ended, or a session cancelled,
/// moved or not held, in characters (required except when not held).
inline constexpr std::size_t kReasonMaxLength = 500;
/// A proposed session's planned length, in minutes.
inline constexpr int kMinPlannedMinutes = 15;
inline constexpr int kMaxPlannedMinutes = 240;
/// A session is proposed or moved at most this many days ahead.
inline constexpr int kScheduleWithinDays = 366;
/// A session is recorded as held for this many minutes at least, and at most.
inline constexpr int kMinActualMinutes = 5;
inline constexpr int kMaxActualMinutes = 480;
/// A session's place (room, video link or phone number), in characters.
inline constexpr std::size_t kPlaceMaxLength = 200;
/// A recorded session's agreed actions (shared with the coachee), in
/// characters.
inline constexpr std::size_t kAgreedActionsMaxLength = 2000;
/// A recorded session's private notes, in characters.
inline constexpr std::size_t kPrivateNotesMaxLength = 10000;
/// A meeting not scheduled here is recorded at most this many days after it
/// started.
inline constexpr int kRecordWithinDays = 90;
/// A session is recorded after it has happened; its start may be this many
/// minutes ahead of the server's clock, for clocks that are slightly off.
inline constexpr int kRecordClockSkewMinutes = 5;

}  // namespace tandem::limits

/// Safeguarding limits.
namespace tandem::limits {

/// A concern's description, and what was done when it is acknowledged, in
/// characters.
inline constexpr std::size_t kConcernTextMinLength = 10;
inline constexpr std::size_t kConcernTextMaxLength = 5000;
/// Audit trail entries listed when no limit is asked for, and the most.
inline constexpr int kDefaultAuditEntries = 100;
inline constexpr int kMaxAuditEntries = 500;

}  // namespace tandem::limits

/// Goal, review and evaluation limits.
namespace tandem::limits {

/// What a goal is (required) and how the coachee will know they got there
/// (required), in characters.
inline constexpr std::size_t kGoalWhatMaxLength = 300;
inline constexpr std::size_t kGoalMeasureMaxLength = 500;
/// Goals open at once on one relationship.
inline constexpr int kMaxOpenGoals = 10;
/// Ratings of a goal, from "where am I now" up.
inline constexpr int kMinGoalRating = 0;
inline constexpr int kMaxGoalRating = 10;
/// A review's "what has helped" and "what next", the coach's or mentor's
/// comment, and a free-text answer, in characters.
inline constexpr std::size_t kReviewTextMaxLength = 2000;
inline constexpr std::size_t kAnswerMaxLength = 2000;
/// The programme's questions: how many in a set, a question's wording, a
/// rating's five labels and a choice's options (how many, and each).
inline constexpr int kMaxQuestions = 20;
inline constexpr std::size_t kQuestionMaxLength = 300;
inline constexpr int kRatingLabels = 5;
inline constexpr std::size_t kRatingLabelMaxLength = 40;
inline constexpr int kMinChoiceOptions = 2;
inline constexpr int kMaxChoiceOptions = 8;
inline constexpr std::size_t kChoiceOptionMaxLength = 80;
/// The follow-up opens this many days after the relationship ends.
inline constexpr int kFollowUpDays = 182;

}  // namespace tandem::limits

/// Monthly returns.
namespace tandem::limits {

/// Hours added to a return (each entry, in minutes), and how many entries.
inline constexpr int kMinAddedMinutes = 15;
inline constexpr int kMaxAddedMinutes = 20000;
inline constexpr int kMaxAddedEntries = 20;
/// Emerging themes picked from the taxonomy, and a new one typed in.
inline constexpr int kMaxReturnThemes = 12;
inline constexpr std::size_t kNewThemeMaxLength = 60;
/// An amendment's reason, in characters.
inline constexpr std::size_t kAmendReasonMaxLength = 500;
/// How far back a member's returns are listed, in months.
inline constexpr int kReturnMonthsListed = 24;
/// The earliest month a return can be for.
inline constexpr int kFirstReturnYear = 2020;

}  // namespace tandem::limits

/// Reach and the programme's relationships (ReachService, FiguresService).
namespace tandem::limits {

/// An organisation's head-count (staff employed); 0 means not entered.
inline constexpr int kMaxHeadcount = 2000000;
/// The programme's relationships with no session held for this many weeks
/// at most (1 or more; 0 for any).
inline constexpr int kMaxNoSessionWeeks = 104;

}  // namespace tandem::limits
