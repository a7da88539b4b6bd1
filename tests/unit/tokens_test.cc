#include "server/domain/tokens.h"

#include <set>

#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace tandem::domain {
namespace {

TEST(TokensTest, TokensAre256RandomBitsInBase64Url) {
  std::set<std::string> seen;
  for (int i = 0; i < 1000; ++i) {
    const std::string token = GenerateToken();
    EXPECT_EQ(token.size(), kTokenLength);
    EXPECT_TRUE(LooksLikeToken(token)) << token;
    EXPECT_TRUE(seen.insert(token).second);
  }
  EXPECT_EQ(kTokenBytes * 8, 256u);
}

TEST(TokensTest, RejectsWhatIsNotAToken) {
  EXPECT_FALSE(LooksLikeToken(""));
  EXPECT_FALSE(LooksLikeToken(std::string(42, 'a')));
  EXPECT_FALSE(LooksLikeToken(std::string(44, 'a')));
  EXPECT_FALSE(LooksLikeToken(std::string(42, 'a') + "="));
  EXPECT_FALSE(LooksLikeToken(std::string(42, 'a') + "+"));
  EXPECT_TRUE(LooksLikeToken(std::string(42, 'a') + "-"));
}

TEST(TokensTest, StoredHashIsStableHexAndDiffersFromToken) {
  const std::string token = GenerateToken();
  const std::string hash = HashToken(token);
  EXPECT_EQ(hash.size(), 64u);
  EXPECT_EQ(hash, HashToken(token));
  EXPECT_NE(hash, HashToken(GenerateToken()));
  EXPECT_THAT(hash, ::testing::MatchesRegex("[0-9a-f]+"));
}

TEST(TokensTest, TemporaryPasswordsAreReadableAndLongEnough) {
  std::set<std::string> seen;
  for (int i = 0; i < 200; ++i) {
    const std::string password = GenerateTemporaryPassword();
    EXPECT_THAT(password, ::testing::MatchesRegex("[a-zA-Z2-9]{4}-[a-zA-Z2-9]{4}-[a-zA-Z2-9]{4}"));
    EXPECT_EQ(password.find_first_of("0O1lI"), std::string::npos) << password;
    EXPECT_TRUE(seen.insert(password).second);
  }
}

}  // namespace
}  // namespace tandem::domain
