#include "server/app/key_file.h"

#include <sys/stat.h>

#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <thread>
#include <vector>

#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "tests/support/server_process.h"

namespace tandem::app {
namespace {

using ::testing::HasSubstr;

std::string ReadAll(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

void WriteFile(const std::string& path, const std::string& bytes, mode_t mode) {
  {
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    out << bytes;
  }
  ASSERT_EQ(chmod(path.c_str(), mode), 0);
}

mode_t ModeOf(const std::string& path) {
  struct stat info {};
  EXPECT_EQ(stat(path.c_str(), &info), 0);
  return info.st_mode & 07777;
}

std::vector<std::string> Entries(const std::string& dir) {
  std::vector<std::string> names;
  for (const auto& entry : std::filesystem::directory_iterator(dir)) {
    names.push_back(entry.path().filename().string());
  }
  return names;
}

TEST(KeyFileTest, CreatesAnOwnerOnlyFileOf32RandomBytes) {
  const testing::TempDir dir;
  const std::string path = dir.File("notes.key");
  const auto key = LoadOrCreateKeyFile(path);
  ASSERT_TRUE(key.ok()) << key.status();
  EXPECT_EQ(key->size(), 32u);
  EXPECT_EQ(ModeOf(path), 0600u);
  EXPECT_EQ(ReadAll(path), *key);
  EXPECT_NE(*key, std::string(32, '\0'));
  EXPECT_THAT(Entries(dir.path()), ::testing::ElementsAre("notes.key"));  // no temporary left
}

TEST(KeyFileTest, CreatesOwnerOnlyEvenWithAPermissiveUmask) {
  const testing::TempDir dir;
  const mode_t old_umask = umask(0);
  const auto key = LoadOrCreateKeyFile(dir.File("notes.key"));
  umask(old_umask);
  ASSERT_TRUE(key.ok()) << key.status();
  EXPECT_EQ(ModeOf(dir.File("notes.key")), 0600u);
}

TEST(KeyFileTest, SecondCallReturnsTheSameKey) {
  const testing::TempDir dir;
  const auto first = LoadOrCreateKeyFile(dir.File("notes.key"));
  const auto second = LoadOrCreateKeyFile(dir.File("notes.key"));
  ASSERT_TRUE(first.ok()) << first.status();
  ASSERT_TRUE(second.ok()) << second.status();
  EXPECT_EQ(*first, *second);
}

TEST(KeyFileTest, DifferentFilesGetDifferentKeys) {
  const testing::TempDir dir;
  EXPECT_NE(*LoadOrCreateKeyFile(dir.File("a.key")), *LoadOrCreateKeyFile(dir.File("b.key")));
}

TEST(KeyFileTest, ConcurrentFirstStartsAgreeOnOneKey) {
  for (int round = 0; round < 10; ++round) {
    const testing::TempDir dir;
    std::vector<absl::StatusOr<std::string>> keys(4);
    std::vector<std::thread> starts;
    starts.reserve(keys.size());
    for (auto& key : keys) {
      starts.emplace_back([&key, &dir] { key = LoadOrCreateKeyFile(dir.File("notes.key")); });
    }
    for (auto& start : starts) start.join();
    for (const auto& key : keys) {
      ASSERT_TRUE(key.ok()) << key.status();
      EXPECT_EQ(*key, ReadAll(dir.File("notes.key")));
    }
    EXPECT_THAT(Entries(dir.path()), ::testing::ElementsAre("notes.key"));
  }
}

TEST(KeyFileTest, ReadsAnExistingOwnerOnlyFile) {
  const testing::TempDir dir;
  const std::string key(32, 'k');
  WriteFile(dir.File("notes.key"), key, 0400);
  const auto loaded = LoadOrCreateKeyFile(dir.File("notes.key"));
  ASSERT_TRUE(loaded.ok()) << loaded.status();
  EXPECT_EQ(*loaded, key);
}

TEST(KeyFileTest, RefusesAFileOthersCanRead) {
  const testing::TempDir dir;
  const std::string path = dir.File("notes.key");
  for (mode_t mode : {0644, 0640, 0604, 0610, 0602}) {
    WriteFile(path, std::string(32, 'k'), mode);
    const auto key = LoadOrCreateKeyFile(path);
    EXPECT_EQ(key.status().code(), absl::StatusCode::kFailedPrecondition) << std::oct << mode;
    EXPECT_THAT(key.status().message(), HasSubstr(path));
    EXPECT_THAT(key.status().message(), HasSubstr("chmod 600"));
  }
  EXPECT_THAT(LoadOrCreateKeyFile(path).status().message(), HasSubstr("mode 0602"));
}

TEST(KeyFileTest, RefusesAFileOfTheWrongSize) {
  const testing::TempDir dir;
  const std::string path = dir.File("notes.key");
  for (std::size_t size : {0, 1, 31, 33, 64}) {
    WriteFile(path, std::string(size, 'k'), 0600);
    const auto key = LoadOrCreateKeyFile(path);
    EXPECT_EQ(key.status().code(), absl::StatusCode::kFailedPrecondition) << size << " bytes";
    EXPECT_THAT(key.status().message(), HasSubstr(std::to_string(size) + " bytes, not 32"));
    EXPECT_EQ(ReadAll(path), std::string(size, 'k')) << "the file must be left alone";
  }
}

TEST(KeyFileTest, MissingDirectoryGivesAClearError) {
  const testing::TempDir dir;
  const std::string missing = dir.File("no-such-dir");
  const auto key = LoadOrCreateKeyFile(missing + "/notes.key");
  EXPECT_EQ(key.status().code(), absl::StatusCode::kFailedPrecondition);
  EXPECT_THAT(key.status().message(), HasSubstr("the directory " + missing + " does not exist"));
  EXPECT_FALSE(std::filesystem::exists(missing));
}

TEST(KeyFileTest, RefusesADirectory) {
  const testing::TempDir dir;
  const auto key = LoadOrCreateKeyFile(dir.path());
  EXPECT_EQ(key.status().code(), absl::StatusCode::kFailedPrecondition);
  EXPECT_THAT(key.status().message(), HasSubstr("not a regular file"));
}

TEST(KeyFileTest, RefusesAnEmptyPath) {
  EXPECT_EQ(LoadOrCreateKeyFile("").status().code(), absl::StatusCode::kInvalidArgument);
}

}  // namespace
}  // namespace tandem::app
