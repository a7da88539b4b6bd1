#include "server/domain/password_hasher.h"

#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace tandem::domain {
namespace {

TEST(PasswordHasherTest, HashesWithArgon2idAndVerifies) {
  const PasswordHasher hasher;  // the production cost
  const auto hash = hasher.Hash("correct horse battery staple");
  ASSERT_TRUE(hash.ok());
  EXPECT_THAT(*hash, ::testing::StartsWith("$argon2id$"));
  EXPECT_THAT(*hash, ::testing::HasSubstr("m=65536"));  // 64 MiB
  EXPECT_THAT(*hash, ::testing::Not(::testing::HasSubstr("correct horse")));
  EXPECT_TRUE(hasher.Verify(*hash, "correct horse battery staple"));
  EXPECT_FALSE(hasher.Verify(*hash, "correct horse battery stapler"));
  EXPECT_FALSE(hasher.Verify(*hash, ""));
}

TEST(PasswordHasherTest, SaltsEveryHash) {
  const PasswordHasher hasher({1, 8192});
  EXPECT_NE(*hasher.Hash("same password"), *hasher.Hash("same password"));
}

TEST(PasswordHasherTest, MalformedHashNeverVerifies) {
  const PasswordHasher hasher({1, 8192});
  EXPECT_FALSE(hasher.Verify("", "x"));
  EXPECT_FALSE(hasher.Verify("$argon2id$garbage", "x"));
  EXPECT_FALSE(hasher.Verify(std::string(500, 'a'), "x"));
}

TEST(PasswordHasherTest, HandlesPasswordsWithNulBytes) {
  const PasswordHasher hasher({1, 8192});
  const std::string with_nul("abc\0def", 7);
  const auto hash = hasher.Hash(with_nul);
  ASSERT_TRUE(hash.ok());
  EXPECT_TRUE(hasher.Verify(*hash, with_nul));
  EXPECT_FALSE(hasher.Verify(*hash, "abc"));
}

}  // namespace
}  // namespace tandem::domain
