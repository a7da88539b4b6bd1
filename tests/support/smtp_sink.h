#pragma once

#include <sys/types.h>

#include <chrono>
#include <functional>
#include <map>
#include <string>
#include <vector>

namespace tandem::testing {

/// A real SMTP server for integration tests: tests/support/smtp_sink.py
/// (aiosmtpd) run as a child process on a loopback port. It keeps each
/// message it accepts as a file under `dir`, logs every answer it gives,
/// and can be told to refuse, to be slow, or to stop listening.
class SmtpSink {
 public:
  /// Starts the sink on a free port (or `port`) and waits until it answers;
  /// with `auth` ("user:password") it requires AUTH with exactly those.
  /// Aborts the test binary if it does not come up within 30 s.
  explicit SmtpSink(std::string dir, int port = 0, std::string auth = "");
  ~SmtpSink();
  SmtpSink(const SmtpSink&) = delete;
  SmtpSink& operator=(const SmtpSink&) = delete;

  int port() const { return port_; }
  const std::string& dir() const { return dir_; }

  /// accept, tempfail (451 to the message), reject (550 to RCPT TO),
  /// reject-data (554 to the message), "slow N" (N seconds before answering
  /// the message) or down (not listening). Returns once the sink has taken
  /// it in (a test failure if it has not within 10 s).
  void SetMode(const std::string& mode);
  /// Stops the sink (SIGTERM) and waits for it.
  void Stop();

  struct Message {
    std::string file;
    /// Header names in lower case, values unfolded; X-Envelope-From and
    /// X-Envelope-To carry the SMTP envelope.
    std::map<std::string, std::string> headers;
    std::string header_block;
    std::string body;
  };
  /// Every message accepted so far, in the order they came.
  std::vector<Message> Messages() const;

  struct Event {
    double at = 0;  // Unix seconds
    std::string what;
    std::string message_id;  // "-" when not known
  };
  /// Every answer given so far (events.log), in order.
  std::vector<Event> Events() const;

 private:
  std::string dir_;
  pid_t pid_ = -1;
  int port_ = 0;
};

/// Asks `condition` every 100 ms until it holds or `timeout` passes; its
/// last answer.
bool WaitUntil(const std::function<bool()>& condition, std::chrono::milliseconds timeout);

}  // namespace tandem::testing
