// The SMTP relay client without a relay: its settings (security, loopback,
// the credentials file, refused like the notes key when others can read
// it), and the answers it gives with nothing to talk to. The conversation
// itself is tested against a real SMTP server in
// tests/integration/email_integration_test.cc.

#include "server/mail/smtp_relay.h"

#include <netinet/in.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <unistd.h>

#include <fstream>

#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "tests/support/server_process.h"

namespace tandem::mail {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;

std::string WriteFile(const tandem::testing::TempDir& dir, const std::string& name,
                      const std::string& text, mode_t mode) {
  const std::string path = dir.File(name);
  std::ofstream(path) << text;
  chmod(path.c_str(), mode);
  return path;
}

// A loopback port nobody listens on (bound, then let go).
int ClosedPort() {
  const int fd = socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  bind(fd, reinterpret_cast<sockaddr*>(&address), sizeof(address));
  socklen_t length = sizeof(address);
  getsockname(fd, reinterpret_cast<sockaddr*>(&address), &length);
  close(fd);
  return ntohs(address.sin_port);
}

domain::OutgoingEmail Email(std::string to = "coach@demo.tandem.example") {
  return {.id = 7,
          .to_address = std::move(to),
          .subject = "You have a new request for coaching",
          .body = "Open Tandem.\r\n",
          .created_at = absl::Now()};
}

SmtpSettings Loopback(int port) {
  return {.host = "127.0.0.1",
          .port = port,
          .from = {.display_name = "Tandem", .address = "tandem@trust.nhs.uk"},
          .security = SmtpSecurity::kNone};
}

TEST(SmtpSecurityTest, ThreeWords) {
  EXPECT_EQ(*ParseSmtpSecurity("starttls"), SmtpSecurity::kStartTls);
  EXPECT_EQ(*ParseSmtpSecurity("tls"), SmtpSecurity::kTls);
  EXPECT_EQ(*ParseSmtpSecurity("none"), SmtpSecurity::kNone);
  const auto bad = ParseSmtpSecurity("ssl");
  EXPECT_EQ(bad.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_THAT(std::string(bad.status().message()), HasSubstr("--smtp-security"));
}

TEST(LoopbackTest, OnlyThisMachine) {
  for (const char* host : {"127.0.0.1", "127.1.2.3", "localhost", "LOCALHOST", "::1", "[::1]"}) {
    EXPECT_TRUE(IsLoopbackHost(host)) << host;
  }
  for (const char* host : {"128.0.0.1", "127.0.0.1.evil.example", "localhost.evil.example",
                           "smtp.nhs.net", "10.0.0.1", "::2", "127.0.0", ""}) {
    EXPECT_FALSE(IsLoopbackHost(host)) << host;
  }
}

TEST(CredentialsFileTest, OwnerOnlyUserColonPassword) {
  tandem::testing::TempDir dir;
  auto read = ReadCredentialsFile(WriteFile(dir, "ok", "relay-user:pa:ss word\n", 0600));
  ASSERT_TRUE(read.ok()) << read.status();
  EXPECT_EQ(read->first, "relay-user");
  EXPECT_EQ(read->second, "pa:ss word");
  read = ReadCredentialsFile(WriteFile(dir, "ro", "u:p", 0400));
  ASSERT_TRUE(read.ok()) << read.status();
  EXPECT_EQ(read->second, "p");
}

TEST(CredentialsFileTest, RefusedWhenOthersCanReadItWithoutSayingWhatItHolds) {
  tandem::testing::TempDir dir;
  for (const mode_t mode : {0644, 0640, 0604, 0660}) {
    const std::string path = WriteFile(dir, "open", "relay-user:S3CRET-pw", mode);
    const auto read = ReadCredentialsFile(path);
    EXPECT_EQ(read.status().code(), absl::StatusCode::kFailedPrecondition);
    const std::string message(read.status().message());
    EXPECT_THAT(message, HasSubstr("chmod 600 " + path));
    EXPECT_THAT(message, Not(HasSubstr("S3CRET")));
    EXPECT_THAT(message, Not(HasSubstr("relay-user")));
  }
}

TEST(CredentialsFileTest, RefusesWhatIsNotOneLineUserColonPassword) {
  tandem::testing::TempDir dir;
  for (const std::string text : {"", "no-colon", ":password", "user:", "u:p\nsecond:line\n"}) {
    const auto read = ReadCredentialsFile(WriteFile(dir, "bad", text, 0600));
    EXPECT_EQ(read.status().code(), absl::StatusCode::kFailedPrecondition) << text;
    EXPECT_THAT(std::string(read.status().message()), HasSubstr("user:password")) << text;
  }
  const auto missing = ReadCredentialsFile(dir.File("missing"));
  EXPECT_THAT(std::string(missing.status().message()), HasSubstr("does not exist"));
  const auto directory = ReadCredentialsFile(dir.path());
  EXPECT_THAT(std::string(directory.status().message()), HasSubstr("not a regular file"));
}

TEST(CurlMailRelayTest, RefusesAHostWithAPortOrSpaces) {
  for (const char* host : {"smtp.example.org:25", "smtp example.org", "smtp/x", ""}) {
    SmtpSettings settings = Loopback(25);
    settings.host = host;
    const auto relay = CurlMailRelay::Create(settings);
    EXPECT_EQ(relay.status().code(), absl::StatusCode::kInvalidArgument) << host;
    EXPECT_THAT(std::string(relay.status().message()), HasSubstr("--smtp-host")) << host;
  }
  SmtpSettings settings = Loopback(0);
  EXPECT_THAT(std::string(CurlMailRelay::Create(settings).status().message()),
              HasSubstr("--smtp-port"));
}

TEST(CurlMailRelayTest, NobodyListeningIsWorthTryingAgain) {
  const auto relay = CurlMailRelay::Create(Loopback(ClosedPort()));
  ASSERT_TRUE(relay.ok()) << relay.status();
  const absl::Status sent = (*relay)->Send(Email());
  EXPECT_EQ(sent.code(), absl::StatusCode::kUnavailable) << sent;
  EXPECT_THAT(std::string(sent.message()), Not(HasSubstr("coach@")));
}

TEST(CurlMailRelayTest, ARelayThatNeverAnswersTimesOut) {
  // Listening, so the connection is made, but never greeting.
  const int fd = socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  ASSERT_EQ(bind(fd, reinterpret_cast<sockaddr*>(&address), sizeof(address)), 0);
  ASSERT_EQ(listen(fd, 4), 0);
  socklen_t length = sizeof(address);
  getsockname(fd, reinterpret_cast<sockaddr*>(&address), &length);
  SmtpSettings settings = Loopback(ntohs(address.sin_port));
  settings.connect_timeout = absl::Milliseconds(500);
  settings.send_timeout = absl::Seconds(1);
  const auto relay = CurlMailRelay::Create(settings);
  ASSERT_TRUE(relay.ok());
  const absl::Time start = absl::Now();
  const absl::Status sent = (*relay)->Send(Email());
  EXPECT_LT(absl::Now() - start, absl::Seconds(5));
  EXPECT_EQ(sent.code(), absl::StatusCode::kDeadlineExceeded) << sent;
  close(fd);
}

TEST(CurlMailRelayTest, AnAddressSmtpCannotCarryIsGivenUpOn) {
  const auto relay = CurlMailRelay::Create(Loopback(ClosedPort()));
  ASSERT_TRUE(relay.ok());
  const absl::Status sent = (*relay)->Send(Email("coach@demo.example>\r\nRCPT TO:<x@y.example"));
  EXPECT_EQ(sent.code(), absl::StatusCode::kFailedPrecondition);
  EXPECT_THAT(std::string(sent.message()), Not(HasSubstr("coach@")));
}

TEST(CurlMailRelayTest, StoppedSendsNothing) {
  const auto relay = CurlMailRelay::Create(Loopback(ClosedPort()));
  ASSERT_TRUE(relay.ok());
  (*relay)->Stop();
  EXPECT_EQ((*relay)->Send(Email()).code(), absl::StatusCode::kCancelled);
}

}  // namespace
}  // namespace tandem::mail
