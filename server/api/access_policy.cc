#include "server/api/access_policy.h"

#include <map>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"

namespace tandem::api {
namespace {

using domain::Role;

// The whole access policy of the API, in one place. A method missing here is
// refused, so a new RPC cannot ship open by accident (a unit test also
// checks that every RPC of tandem.v1 has a rule).
const std::map<std::string, AccessRule, std::less<>>& Policy() {
  static const auto* policy = new std::map<std::string, AccessRule, std::less<>>{
      {"/tandem.v1.AuthService/SignIn", {.is_public = true, .any_of_roles = {}}},
      {"/tandem.v1.AuthService/SignOut", {}},
      {"/tandem.v1.AuthService/GetMe", {}},
      {"/tandem.v1.AuthService/ChangePassword", {}},
      {"/tandem.v1.AccountService/ListOrganisations", {}},
      {"/tandem.v1.AccountService/CreateAccount", {.any_of_roles = {Role::kCoordinator}}},
      {"/tandem.v1.AccountService/ListAccounts", {.any_of_roles = {Role::kCoordinator}}},
      {"/tandem.v1.AccountService/GetAccount", {.any_of_roles = {Role::kCoordinator}}},
      {"/tandem.v1.AccountService/SetAccountRoles", {.any_of_roles = {Role::kCoordinator}}},
      {"/tandem.v1.DirectoryService/ListSpecialisms", {}},
      {"/tandem.v1.DirectoryService/CreateSpecialism", {.any_of_roles = {Role::kCoordinator}}},
      {"/tandem.v1.DirectoryService/SearchProfiles", {}},
      {"/tandem.v1.DirectoryService/GetProfile", {}},
      {"/tandem.v1.DirectoryService/GetMyProfile", {}},
      {"/tandem.v1.DirectoryService/SaveMyProfile", {}},
      {"/tandem.v1.DirectoryService/AddMyQualification", {}},
      {"/tandem.v1.DirectoryService/DeleteMyQualification", {}},
      {"/tandem.v1.DirectoryService/ListPool", {.any_of_roles = {Role::kCoordinator}}},
      {"/tandem.v1.DirectoryService/ReviewApplication", {.any_of_roles = {Role::kCoordinator}}},
      {"/tandem.v1.DirectoryService/SetPoolStatus", {.any_of_roles = {Role::kCoordinator}}},
      {"/tandem.v1.DirectoryService/VerifyQualification", {.any_of_roles = {Role::kCoordinator}}},
      // Anyone may ask for support; SuggestMatches also serves coordinators
      // (the domain checks the request is theirs or their organisation's).
      {"/tandem.v1.MatchingService/CreateRequest", {}},
      {"/tandem.v1.MatchingService/ListMyRequests", {}},
      {"/tandem.v1.MatchingService/WithdrawRequest", {}},
      {"/tandem.v1.MatchingService/SuggestMatches", {}},
      {"/tandem.v1.MatchingService/ChooseMember", {}},
      {"/tandem.v1.MatchingService/ListInbox", {.any_of_roles = {Role::kCoach, Role::kMentor}}},
      {"/tandem.v1.MatchingService/AnswerRequest", {.any_of_roles = {Role::kCoach, Role::kMentor}}},
      {"/tandem.v1.MatchingService/ListWaiting", {.any_of_roles = {Role::kCoordinator}}},
      {"/tandem.v1.MatchingService/ProposeMatches", {.any_of_roles = {Role::kCoordinator}}},
      {"/tandem.v1.MatchingService/ConfirmMatches", {.any_of_roles = {Role::kCoordinator}}},
      {"/tandem.v1.MatchingService/GetMatchWeights", {.any_of_roles = {Role::kCoordinator}}},
      {"/tandem.v1.MatchingService/UpdateMatchWeights", {.any_of_roles = {Role::kCoordinator}}},
      // Who may act on a relationship depends on their part in it: the
      // domain decides (a stranger gets NOT_FOUND).
      {"/tandem.v1.RelationshipService/ListMyRelationships", {}},
      {"/tandem.v1.RelationshipService/GetRelationship", {}},
      {"/tandem.v1.RelationshipService/SetContractTerms", {}},
      {"/tandem.v1.RelationshipService/AgreeContract", {}},
      {"/tandem.v1.RelationshipService/ReviewContract", {}},
      {"/tandem.v1.RelationshipService/CompleteRelationship", {}},
      {"/tandem.v1.RelationshipService/EndRelationship", {}},
      {"/tandem.v1.RelationshipService/ProposeSession", {}},
      {"/tandem.v1.RelationshipService/AcceptSession", {}},
      {"/tandem.v1.RelationshipService/CancelSession", {}},
      {"/tandem.v1.RelationshipService/RecordSession", {}},
      {"/tandem.v1.RelationshipService/ListSessions", {}},
      {"/tandem.v1.RelationshipService/RescheduleSession", {}},
      {"/tandem.v1.RelationshipService/ExportSessionCalendar", {}},
      // Goals: the two people in the relationship; the domain decides
      // (goal_access.h). The programme's questions and shared answers:
      // coordinators of the organisation.
      {"/tandem.v1.GoalService/GetGoalPlan", {}},
      {"/tandem.v1.GoalService/ListDue", {}},
      {"/tandem.v1.GoalService/AddGoal", {}},
      {"/tandem.v1.GoalService/RewordGoal", {}},
      {"/tandem.v1.GoalService/CloseGoal", {}},
      {"/tandem.v1.GoalService/RequestReview", {}},
      {"/tandem.v1.GoalService/SubmitReview", {}},
      {"/tandem.v1.GoalService/CommentOnReview", {}},
      {"/tandem.v1.GoalService/SubmitEvaluation", {}},
      {"/tandem.v1.GoalService/SubmitFollowUp", {}},
      {"/tandem.v1.GoalService/GetEvaluationQuestions", {.any_of_roles = {Role::kCoordinator}}},
      {"/tandem.v1.GoalService/SaveEvaluationQuestions", {.any_of_roles = {Role::kCoordinator}}},
      {"/tandem.v1.GoalService/ListSharedAnswers", {.any_of_roles = {Role::kCoordinator}}},
      // Monthly returns are kept by pool members; figures are for coordinators
      // (server/domain/activity_access.h has the rest of the rule).
      {"/tandem.v1.ActivityService/GetMonthlyReturn",
       {.any_of_roles = {Role::kCoach, Role::kMentor}}},
      {"/tandem.v1.ActivityService/ListMonthlyReturns",
       {.any_of_roles = {Role::kCoach, Role::kMentor}}},
      {"/tandem.v1.ActivityService/ConfirmMonthlyReturn",
       {.any_of_roles = {Role::kCoach, Role::kMentor}}},
      {"/tandem.v1.ActivityService/AmendMonthlyReturn",
       {.any_of_roles = {Role::kCoach, Role::kMentor}}},
      {"/tandem.v1.ActivityService/ExportHoursLog",
       {.any_of_roles = {Role::kCoach, Role::kMentor}}},
      {"/tandem.v1.FiguresService/GetProgrammeFigures", {.any_of_roles = {Role::kCoordinator}}},
      {"/tandem.v1.FiguresService/ListProgrammeRelationships",
       {.any_of_roles = {Role::kCoordinator}}},
      // Anyone's own declaration; an organisation's settings for its
      // coordinators.
      {"/tandem.v1.ReachService/GetMyDeclaration", {}},
      {"/tandem.v1.ReachService/SaveMyDeclaration", {}},
      {"/tandem.v1.ReachService/GetOrganisationSettings", {.any_of_roles = {Role::kCoordinator}}},
      {"/tandem.v1.ReachService/SaveOrganisationSettings", {.any_of_roles = {Role::kCoordinator}}},
      // Anyone's own notifications and preferences.
      {"/tandem.v1.NotificationService/ListNotifications", {}},
      {"/tandem.v1.NotificationService/MarkNotificationsRead", {}},
      {"/tandem.v1.NotificationService/WatchNotifications", {}},
      {"/tandem.v1.NotificationService/GetNotificationPreferences", {}},
      {"/tandem.v1.NotificationService/SaveNotificationPreferences", {}},
      {"/tandem.v1.SafeguardingService/SetSupervisor", {.any_of_roles = {Role::kCoordinator}}},
      {"/tandem.v1.SafeguardingService/SetSafeguardingLead",
       {.any_of_roles = {Role::kCoordinator}}},
      {"/tandem.v1.SafeguardingService/RaiseConcern",
       {.any_of_roles = {Role::kCoach, Role::kMentor}}},
      // Supervisors, leads (any role) and the coaches who raised them.
      {"/tandem.v1.SafeguardingService/ListConcerns", {}},
      {"/tandem.v1.SafeguardingService/AcknowledgeConcern", {}},
      {"/tandem.v1.SafeguardingService/ListAuditTrail", {.any_of_roles = {Role::kCoordinator}}},
  };
  return *policy;
}

}  // namespace

const AccessRule* FindAccessRule(absl::string_view full_method) {
  const auto& policy = Policy();
  const auto it = policy.find(full_method);
  return it == policy.end() ? nullptr : &it->second;
}

std::vector<std::string> PolicyMethods() {
  std::vector<std::string> methods;
  for (const auto& [method, rule] : Policy()) methods.push_back(method);
  return methods;
}

absl::Status CheckRoles(const AccessRule& rule, const domain::Principal& caller) {
  if (rule.any_of_roles.empty()) return absl::OkStatus();
  for (Role role : rule.any_of_roles) {
    if (caller.HasRole(role)) return absl::OkStatus();
  }
  std::vector<std::string> names;
  for (Role role : rule.any_of_roles) names.push_back(domain::RoleName(role));
  return absl::PermissionDeniedError(
      absl::StrCat("Only a ", absl::StrJoin(names, " or "), " can do this."));
}

}  // namespace tandem::api
