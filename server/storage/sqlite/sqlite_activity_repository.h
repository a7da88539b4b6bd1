#pragma once

#include "server/domain/figures.h"
#include "server/domain/monthly_return.h"
#include "server/domain/reach.h"
#include "server/storage/sqlite/database.h"

namespace tandem::storage {

/// Monthly returns in SQLite (tables monthly_returns, return_hours), and the
/// member's sessions and relationships they are counted from.
class SqliteReturnRepository final : public domain::ReturnRepository {
 public:
  explicit SqliteReturnRepository(Database& db) : db_(db) {}

  absl::StatusOr<std::vector<domain::SessionFact>> MemberSessions(int64_t member_id,
                                                                  absl::Time from,
                                                                  absl::Time to) override;
  absl::StatusOr<std::vector<domain::RelationshipSpan>> MemberRelationships(
      int64_t member_id) override;
  absl::StatusOr<std::vector<domain::ReturnVersion>> Versions(int64_t member_id,
                                                              absl::CivilMonth month) override;
  absl::StatusOr<std::vector<std::pair<absl::CivilMonth, domain::ReturnVersion>>> Latest(
      int64_t member_id) override;
  absl::Status Append(int64_t member_id, absl::CivilMonth month,
                      const domain::ReturnVersion& version, const domain::WriteReceipt& receipt,
                      int64_t result_id) override;

 private:
  Database& db_;
};

/// Declarations and organisation settings (tables account_declarations,
/// organisation_settings).
class SqliteReachRepository final : public domain::ReachRepository {
 public:
  explicit SqliteReachRepository(Database& db) : db_(db) {}

  absl::StatusOr<domain::Declaration> GetDeclaration(int64_t account_id) override;
  absl::Status PutDeclaration(int64_t account_id, const domain::Declaration& d) override;
  absl::StatusOr<domain::OrganisationSettings> GetSettings(int64_t organisation_id) override;
  absl::Status PutSettings(const domain::OrganisationSettings& settings) override;

 private:
  Database& db_;
};

/// The facts the programme's figures are worked out from, counted from
/// index ranges over the columns migrations/0013_figures.sql keeps on each
/// row, and the coordinators' list of relationships.
class SqliteFiguresRepository final : public domain::FiguresRepository,
                                      public domain::ProgrammeRelationshipRepository {
 public:
  explicit SqliteFiguresRepository(Database& db) : db_(db) {}

  absl::StatusOr<domain::SessionTotals> Sessions(const domain::FactQuery& q) override;
  absl::StatusOr<domain::RequestTotals> Requests(const domain::FactQuery& q) override;
  absl::StatusOr<int64_t> ReturnedToWaiting(const domain::FactQuery& q) override;
  absl::StatusOr<domain::RelationshipTotals> Relationships(const domain::FactQuery& q) override;
  absl::StatusOr<domain::GoalTotals> Goals(const domain::FactQuery& q) override;
  absl::StatusOr<std::vector<domain::RatingCount>> RatingAnswers(
      const domain::FactQuery& q) override;
  absl::StatusOr<domain::ReturnTotals> Returns(const domain::FactQuery& q) override;
  absl::StatusOr<domain::PoolRows> Pool(const std::vector<int64_t>& organisation_ids,
                                        absl::CivilMonth month) override;
  absl::StatusOr<std::vector<domain::Qualification>> Qualifications(
      const std::vector<int64_t>& account_ids) override;
  absl::StatusOr<domain::ProgrammeRelationshipPage> List(
      const domain::ProgrammeRelationshipQuery& q) override;

 private:
  Database& db_;
};

}  // namespace tandem::storage
