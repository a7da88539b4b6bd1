// The log never holds up the call that logs: with stderr stuck (a pipe
// nobody reads), a burst of lines returns at once, the excess information
// is dropped and counted (an error still kept), and once stderr moves again everything kept is
// written in order, with the count of what was dropped.

#include "shared/logger.h"

#include <fcntl.h>
#include <unistd.h>

#include <chrono>
#include <string>
#include <thread>

#include "absl/strings/str_cat.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace tandem {
namespace {

using ::testing::HasSubstr;

TEST(LoggerTest, AStuckStderrNeverHoldsUpTheCaller) {
  int pipe_fds[2];
  ASSERT_EQ(pipe(pipe_fds), 0);
  const int saved = dup(STDERR_FILENO);
  ASSERT_EQ(dup2(pipe_fds[1], STDERR_FILENO), STDERR_FILENO);

  // 8 MiB of lines into a 64 KiB pipe nobody reads (and 4 MiB kept).
  const std::string filler(200, 'x');
  const auto start = std::chrono::steady_clock::now();
  for (int i = 0; i < 40'000; ++i) LogInfo(absl::StrCat("line ", i, " ", filler));
  const auto took = std::chrono::steady_clock::now() - start;
  EXPECT_LT(took, std::chrono::seconds(20)) << "logging waited for stderr";

  // Unstick it: read everything until the line logged last arrives.
  LogError("the last line");
  std::string out;
  char buffer[65536];
  while (out.find("(stderr was slow)\n") == std::string::npos ||
         out.find("the last line") == std::string::npos) {
    const ssize_t n = read(pipe_fds[0], buffer, sizeof(buffer));
    ASSERT_GT(n, 0) << "stderr closed before the last line";
    out.append(buffer, static_cast<size_t>(n));
  }
  ASSERT_EQ(dup2(saved, STDERR_FILENO), STDERR_FILENO);
  close(pipe_fds[1]);
  close(pipe_fds[0]);
  close(saved);

  EXPECT_THAT(out, HasSubstr(" INFO line 0 "));
  EXPECT_THAT(out, HasSubstr("log lines dropped (stderr was slow)"));
  EXPECT_THAT(out, HasSubstr(" ERROR the last line"));
  // What was kept is in order.
  EXPECT_LT(out.find(" INFO line 0 "), out.find(" INFO line 1 "));
  EXPECT_LT(out.find(" INFO line 1 "), out.find(" ERROR the last line"));
}

}  // namespace
}  // namespace tandem
