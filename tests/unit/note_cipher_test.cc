#include "server/domain/note_cipher.h"

#include <memory>
#include <string>

#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace tandem::domain {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;

constexpr absl::string_view kRow = "session:42:author:7";

std::unique_ptr<NoteCipher> NewCipher() {
  auto cipher = NoteCipher::Create(NoteCipher::GenerateKey());
  EXPECT_TRUE(cipher.ok()) << cipher.status();
  return *std::move(cipher);
}

TEST(NoteCipherTest, RoundTrips) {
  const auto cipher = NewCipher();
  const auto sealed = cipher->Seal("Talked about the rota; she is close to burnout.", kRow);
  ASSERT_TRUE(sealed.ok()) << sealed.status();
  const auto opened = cipher->Open(*sealed, kRow);
  ASSERT_TRUE(opened.ok()) << opened.status();
  EXPECT_EQ(*opened, "Talked about the rota; she is close to burnout.");
}

TEST(NoteCipherTest, WritesVersionNonceAndTag) {
  const auto cipher = NewCipher();
  const auto sealed = cipher->Seal("hello", kRow);
  ASSERT_TRUE(sealed.ok());
  EXPECT_EQ(sealed->size(), 5 + NoteCipher::kSealOverhead);
  EXPECT_EQ(static_cast<unsigned char>((*sealed)[0]), NoteCipher::kFormatVersion);
}

TEST(NoteCipherTest, SealsTheSameTextDifferentlyEachTime) {
  const auto cipher = NewCipher();
  const auto first = cipher->Seal("same note", kRow);
  const auto second = cipher->Seal("same note", kRow);
  ASSERT_TRUE(first.ok());
  ASSERT_TRUE(second.ok());
  EXPECT_NE(*first, *second);
  EXPECT_EQ(*cipher->Open(*first, kRow), "same note");
  EXPECT_EQ(*cipher->Open(*second, kRow), "same note");
}

TEST(NoteCipherTest, SealedBytesDoNotContainThePlaintext) {
  const auto cipher = NewCipher();
  const std::string marker = "MARKER-private-note-7f3a9c";
  const auto sealed = cipher->Seal("before " + marker + " after", kRow);
  ASSERT_TRUE(sealed.ok());
  EXPECT_THAT(*sealed, Not(HasSubstr(marker)));
  EXPECT_THAT(*sealed, Not(HasSubstr("before")));
  EXPECT_THAT(*sealed, Not(HasSubstr(std::string(kRow))));  // not stored either
}

TEST(NoteCipherTest, EmptyPlaintextWorks) {
  const auto cipher = NewCipher();
  const auto sealed = cipher->Seal("", kRow);
  ASSERT_TRUE(sealed.ok());
  EXPECT_EQ(sealed->size(), NoteCipher::kSealOverhead);
  const auto opened = cipher->Open(*sealed, kRow);
  ASSERT_TRUE(opened.ok()) << opened.status();
  EXPECT_EQ(*opened, "");
}

TEST(NoteCipherTest, LargePlaintextWorks) {
  const auto cipher = NewCipher();
  std::string large(std::size_t{64} * 1024, '\0');
  for (std::size_t i = 0; i < large.size(); ++i) large[i] = static_cast<char>(i * 31 + 7);
  const auto sealed = cipher->Seal(large, kRow);
  ASSERT_TRUE(sealed.ok());
  EXPECT_EQ(sealed->size(), large.size() + NoteCipher::kSealOverhead);
  const auto opened = cipher->Open(*sealed, kRow);
  ASSERT_TRUE(opened.ok()) << opened.status();
  EXPECT_EQ(*opened, large);
}

TEST(NoteCipherTest, BinaryAndNulBytesSurvive) {
  const auto cipher = NewCipher();
  const std::string text("a\0b\xff\x80", 5);
  const std::string row("row\0with nul", 12);
  EXPECT_EQ(*cipher->Open(*cipher->Seal(text, row), row), text);
}

TEST(NoteCipherTest, WrongKeyFailsWithDataLoss) {
  const auto writer = NewCipher();
  const auto reader = NewCipher();
  const auto sealed = writer->Seal("secret", kRow);
  ASSERT_TRUE(sealed.ok());
  const auto opened = reader->Open(*sealed, kRow);
  EXPECT_EQ(opened.status().code(), absl::StatusCode::kDataLoss);
  EXPECT_THAT(opened.status().message(), Not(HasSubstr("secret")));
}

TEST(NoteCipherTest, SameKeyBytesMakeACompatibleCipher) {
  const std::string key = NoteCipher::GenerateKey();
  const auto sealed = (*NoteCipher::Create(key))->Seal("kept across restarts", kRow);
  ASSERT_TRUE(sealed.ok());
  EXPECT_EQ(*(*NoteCipher::Create(key))->Open(*sealed, kRow), "kept across restarts");
}

TEST(NoteCipherTest, WrongAssociatedDataFailsWithDataLoss) {
  const auto cipher = NewCipher();
  const auto sealed = cipher->Seal("secret", kRow);
  ASSERT_TRUE(sealed.ok());
  for (absl::string_view other_row :
       {"session:43:author:7", "session:42:author:8", "", "session:42:author:7 "}) {
    EXPECT_EQ(cipher->Open(*sealed, other_row).status().code(), absl::StatusCode::kDataLoss)
        << "associated data '" << other_row << "'";
  }
}

TEST(NoteCipherTest, EveryTruncationFailsWithDataLoss) {
  const auto cipher = NewCipher();
  const auto sealed = cipher->Seal("a short note", kRow);
  ASSERT_TRUE(sealed.ok());
  for (std::size_t length = 0; length < sealed->size(); ++length) {
    EXPECT_EQ(cipher->Open(sealed->substr(0, length), kRow).status().code(),
              absl::StatusCode::kDataLoss)
        << "truncated to " << length;
  }
  EXPECT_EQ(cipher->Open(*sealed + "x", kRow).status().code(), absl::StatusCode::kDataLoss);
}

TEST(NoteCipherTest, EveryFlippedByteFailsWithDataLoss) {
  const auto cipher = NewCipher();
  const auto sealed = cipher->Seal("a short note", kRow);
  ASSERT_TRUE(sealed.ok());
  for (std::size_t i = 0; i < sealed->size(); ++i) {
    std::string tampered = *sealed;
    tampered[i] = static_cast<char>(tampered[i] ^ 0x01);
    EXPECT_EQ(cipher->Open(tampered, kRow).status().code(), absl::StatusCode::kDataLoss)
        << "byte " << i << " flipped";
  }
}

TEST(NoteCipherTest, UnknownVersionFailsWithDataLoss) {
  const auto cipher = NewCipher();
  const auto sealed = cipher->Seal("a short note", kRow);
  ASSERT_TRUE(sealed.ok());
  for (int version : {0, 2, 255}) {
    std::string relabelled = *sealed;
    relabelled[0] = static_cast<char>(version);
    const auto opened = cipher->Open(relabelled, kRow);
    EXPECT_EQ(opened.status().code(), absl::StatusCode::kDataLoss);
    EXPECT_THAT(opened.status().message(), HasSubstr("version " + std::to_string(version)));
  }
}

TEST(NoteCipherTest, RefusesKeysOfTheWrongSize) {
  for (std::size_t size : {0, 16, 31, 33, 64}) {
    EXPECT_EQ(NoteCipher::Create(std::string(size, 'k')).status().code(),
              absl::StatusCode::kInvalidArgument)
        << size << " bytes";
  }
  EXPECT_TRUE(NoteCipher::Create(std::string(32, 'k')).ok());
}

TEST(NoteCipherTest, GeneratesDistinctKeysOfTheRightSize) {
  const std::string first = NoteCipher::GenerateKey();
  const std::string second = NoteCipher::GenerateKey();
  EXPECT_EQ(first.size(), NoteCipher::kKeySize);
  EXPECT_EQ(second.size(), NoteCipher::kKeySize);
  EXPECT_NE(first, second);
}

}  // namespace
}  // namespace tandem::domain
