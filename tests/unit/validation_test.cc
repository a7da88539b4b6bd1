#include "server/domain/validation.h"

#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace tandem::domain {
namespace {

using ::testing::StartsWith;

TEST(ValidationTest, EmailIsTrimmedAndLowerCased) {
  EXPECT_EQ(*NormaliseEmail("  Ada.Lovelace@NHS.Example ", "email"), "ada.lovelace@nhs.example");
}

TEST(ValidationTest, BadEmailsNameTheFieldAndReason) {
  for (const char* bad : {"", "   ", "plain", "@example.org", "name@", "a@b@c", "a b@c.d"}) {
    const auto result = NormaliseEmail(bad, "email");
    EXPECT_EQ(result.status().code(), absl::StatusCode::kInvalidArgument) << bad;
    EXPECT_THAT(std::string(result.status().message()), StartsWith("email: ")) << bad;
  }
  EXPECT_FALSE(NormaliseEmail(std::string(250, 'a') + "@x.org", "email").ok());
}

TEST(ValidationTest, DisplayNames) {
  EXPECT_EQ(*NormaliseDisplayName("  Grace Mwangi ", "name"), "Grace Mwangi");
  EXPECT_EQ(*NormaliseDisplayName("Zoë O'Brien-Ñúñez", "name"), "Zoë O'Brien-Ñúñez");
  EXPECT_THAT(std::string(NormaliseDisplayName("", "name").status().message()),
              StartsWith("name: is required"));
  EXPECT_FALSE(NormaliseDisplayName(std::string(121, 'x'), "name").ok());
  EXPECT_FALSE(NormaliseDisplayName("tab\there", "name").ok());
}

TEST(ValidationTest, Passwords) {
  EXPECT_TRUE(ValidatePasswordPresent("x", "password").ok());
  EXPECT_FALSE(ValidatePasswordPresent("", "password").ok());
  EXPECT_FALSE(ValidatePasswordPresent(std::string(257, 'p'), "password").ok());
  EXPECT_TRUE(ValidateNewPassword("ten chars!", "new_password").ok());
  EXPECT_THAT(std::string(ValidateNewPassword("nine char", "new_password").message()),
              StartsWith("new_password: must be 10 to 256"));
}

TEST(ValidationTest, LengthsCountCharactersNotBytes) {
  // "é" is two bytes in UTF-8: 4 characters fit a limit of 4, 5 do not.
  EXPECT_EQ(*NormaliseText("\xc3\xa9t\xc3\xa9s", "gap", 1, 4), "\xc3\xa9t\xc3\xa9s");
  EXPECT_TRUE(NormaliseText("caf\xc3\xa9", "gap", 4, 4).ok());
  EXPECT_FALSE(NormaliseText("caf\xc3\xa9s", "gap", 1, 4).ok());
  EXPECT_FALSE(NormaliseText("\xc3\xa9\xc3\xa9", "gap", 3, 10).ok());
}

TEST(ValidationTest, Queries) {
  EXPECT_EQ(*NormaliseQuery("  grace ", "query"), "grace");
  EXPECT_EQ(*NormaliseQuery("", "query"), "");
  EXPECT_FALSE(NormaliseQuery(std::string(101, 'q'), "query").ok());
  EXPECT_FALSE(NormaliseQuery("new\nline", "query").ok());
}

}  // namespace
}  // namespace tandem::domain
