#pragma once

#include <memory>

#include "gtest/gtest.h"
#include "tests/support/client.h"
#include "tests/support/server_process.h"

namespace tandem::testing {

/// A fixture whose suite shares one real tandem-server with demo data on a
/// temporary database, and gives each test a fresh client.
class DemoServerTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = std::make_unique<TempDir>();
    server_ = std::make_unique<ServerProcess>(dir_->File("tandem.db"),
                                              std::vector<std::string>{"--demo-data"});
  }
  static void TearDownTestSuite() {
    server_.reset();
    dir_.reset();
  }
  static ServerProcess& server() { return *server_; }

  Client client_{server_->address()};

 private:
  static inline std::unique_ptr<TempDir> dir_;
  static inline std::unique_ptr<ServerProcess> server_;
};

}  // namespace tandem::testing
