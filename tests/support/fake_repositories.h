#pragma once

// Hand-written in-memory fakes of the domain's repository interfaces, for
// unit tests of domain rules without a database.

#include <algorithm>
#include <map>

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "server/domain/repositories.h"
#include "shared/clock.h"

namespace tandem::testing {

class FakeClock final : public Clock {
 public:
  absl::Time Now() const override { return now_; }
  void Advance(absl::Duration d) { now_ += d; }

 private:
  absl::Time now_ = absl::FromUnixSeconds(1'800'000'000);
};

class FakeOrganisationRepository final : public domain::OrganisationRepository {
 public:
  absl::StatusOr<domain::Organisation> Create(const std::string& name,
                                              domain::OrganisationKind kind, absl::Time) override {
    domain::Organisation org{
        .id = static_cast<int64_t>(orgs_.size()) + 1, .name = name, .kind = kind};
    orgs_[org.id] = org;
    return org;
  }
  absl::StatusOr<domain::Organisation> Get(int64_t id) override {
    auto it = orgs_.find(id);
    if (it == orgs_.end()) return absl::NotFoundError("no organisation");
    return it->second;
  }
  absl::StatusOr<std::vector<domain::Organisation>> List() override {
    std::vector<domain::Organisation> all;
    for (const auto& [id, org] : orgs_) all.push_back(org);
    return all;
  }

 private:
  std::map<int64_t, domain::Organisation> orgs_;
};

class FakeAccountRepository final : public domain::AccountRepository {
 public:
  absl::StatusOr<domain::Account> Create(const domain::NewAccount& in, absl::Time now) override {
    for (const auto& [id, row] : rows_) {
      if (row.account.email == in.email) return absl::AlreadyExistsError("exists");
    }
    Row row;
    row.account = domain::Account{.id = static_cast<int64_t>(rows_.size()) + 1,
                                  .email = in.email,
                                  .display_name = in.display_name,
                                  .organisation_id = in.organisation_id,
                                  .roles = in.roles,
                                  .coordinated_organisation_ids = in.coordinated_organisation_ids,
                                  .password_change_required = in.password_change_required,
                                  .created_at = now};
    row.hash = in.password_hash;
    rows_[row.account.id] = row;
    return row.account;
  }
  absl::StatusOr<domain::Account> Get(int64_t id) override {
    auto it = rows_.find(id);
    if (it == rows_.end()) return absl::NotFoundError("no account");
    return it->second.account;
  }
  absl::StatusOr<std::pair<domain::Account, std::string>> GetWithHashByEmail(
      const std::string& email) override {
    for (const auto& [id, row] : rows_) {
      if (row.account.email == email) return std::make_pair(row.account, row.hash);
    }
    return absl::NotFoundError("no account");
  }
  absl::StatusOr<std::string> GetPasswordHash(int64_t id) override {
    auto it = rows_.find(id);
    if (it == rows_.end()) return absl::NotFoundError("no account");
    return it->second.hash;
  }
  absl::StatusOr<domain::AccountPage> List(const domain::AccountQuery& q) override {
    std::vector<domain::Account> matching;
    for (const auto& [id, row] : rows_) {
      const auto& a = row.account;
      if (std::find(q.organisation_ids.begin(), q.organisation_ids.end(), a.organisation_id) ==
          q.organisation_ids.end()) {
        continue;
      }
      if (q.role.has_value() && !a.HasRole(*q.role)) continue;
      if (!q.text.empty() &&
          !absl::StrContains(absl::AsciiStrToLower(a.display_name),
                             absl::AsciiStrToLower(q.text)) &&
          !absl::StrContains(absl::AsciiStrToLower(a.email), absl::AsciiStrToLower(q.text))) {
        continue;
      }
      matching.push_back(a);
    }
    std::sort(matching.begin(), matching.end(), [](const auto& x, const auto& y) {
      return std::tie(x.display_name, x.id) < std::tie(y.display_name, y.id);
    });
    domain::AccountPage page;
    page.total_count = static_cast<int>(matching.size());
    for (const auto& a : matching) {
      if (q.after.has_value() &&
          std::tie(a.display_name, a.id) <= std::tie(q.after->first, q.after->second)) {
        continue;
      }
      if (static_cast<int>(page.accounts.size()) == q.limit) break;
      page.accounts.push_back(a);
    }
    return page;
  }
  absl::StatusOr<domain::Account> SetRoles(int64_t id, const std::vector<domain::Role>& roles,
                                           const std::vector<int64_t>& coordinated) override {
    auto it = rows_.find(id);
    if (it == rows_.end()) return absl::NotFoundError("no account");
    it->second.account.roles = roles;
    it->second.account.coordinated_organisation_ids = coordinated;
    return it->second.account;
  }
  absl::Status SetPassword(int64_t id, const std::string& hash, bool change_required) override {
    auto it = rows_.find(id);
    if (it == rows_.end()) return absl::NotFoundError("no account");
    it->second.hash = hash;
    it->second.account.password_change_required = change_required;
    return absl::OkStatus();
  }
  absl::StatusOr<int64_t> Count() override { return static_cast<int64_t>(rows_.size()); }

 private:
  struct Row {
    domain::Account account;
    std::string hash;
  };
  std::map<int64_t, Row> rows_;
};

class FakeAuthSessionRepository final : public domain::AuthSessionRepository {
 public:
  /// `accounts`: where GetWithAccount finds a session's account.
  explicit FakeAuthSessionRepository(domain::AccountRepository& accounts) : accounts_(accounts) {}
  absl::Status Create(const domain::AuthSession& s) override {
    sessions_[s.token_hash] = s;
    return absl::OkStatus();
  }
  absl::StatusOr<domain::AuthSession> Get(const std::string& hash) override {
    auto it = sessions_.find(hash);
    if (it == sessions_.end()) return absl::NotFoundError("no session");
    return it->second;
  }
  absl::StatusOr<domain::SessionWithAccount> GetWithAccount(const std::string& hash) override {
    auto session = Get(hash);
    if (!session.ok()) return session.status();
    auto account = accounts_.Get(session->account_id);
    if (!account.ok()) return account.status();
    return domain::SessionWithAccount{.session = *session, .account = *account};
  }
  absl::Status Revoke(const std::string& hash, absl::Time now) override {
    auto it = sessions_.find(hash);
    if (it != sessions_.end() && !it->second.revoked_at) it->second.revoked_at = now;
    return absl::OkStatus();
  }
  absl::Status RevokeOthers(int64_t account_id, const std::string& keep, absl::Time now) override {
    for (auto& [hash, s] : sessions_) {
      if (s.account_id == account_id && hash != keep && !s.revoked_at) s.revoked_at = now;
    }
    return absl::OkStatus();
  }
  size_t size() const { return sessions_.size(); }

 private:
  domain::AccountRepository& accounts_;
  std::map<std::string, domain::AuthSession> sessions_;
};

class FakeSignInAttemptRepository final : public domain::SignInAttemptRepository {
 public:
  absl::StatusOr<domain::SignInAttempts> Get(const std::string& email) override {
    auto it = attempts_.find(email);
    return it == attempts_.end() ? domain::SignInAttempts{} : it->second;
  }
  absl::Status Put(const std::string& email, const domain::SignInAttempts& a) override {
    attempts_[email] = a;
    return absl::OkStatus();
  }
  absl::Status Clear(const std::string& email) override {
    attempts_.erase(email);
    return absl::OkStatus();
  }

 private:
  std::map<std::string, domain::SignInAttempts> attempts_;
};

}  // namespace tandem::testing
