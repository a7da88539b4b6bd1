#include "server/mail/smtp_relay.h"

#include <curl/curl.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <array>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <mutex>
#include <system_error>
#include <utility>
#include <vector>

#include "absl/cleanup/cleanup.h"
#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"

namespace tandem::mail {
namespace {

constexpr size_t kMaxCredentialsBytes = 4096;

// Where the SMTP conversation was when it ended: what a reply code is about.
enum class Step { kConnect, kHello, kStartTls, kAuth, kMailFrom, kRcptTo, kData, kMessage };

absl::string_view StepName(Step step) {
  switch (step) {
    case Step::kConnect:
      return "connecting";
    case Step::kHello:
      return "EHLO";
    case Step::kStartTls:
      return "STARTTLS";
    case Step::kAuth:
      return "AUTH";
    case Step::kMailFrom:
      return "MAIL FROM";
    case Step::kRcptTo:
      return "RCPT TO";
    case Step::kData:
      return "DATA";
    case Step::kMessage:
      return "the message";
  }
  return "?";
}

// One email's transfer, shared with libcurl's callbacks.
struct Transfer {
  absl::string_view message;
  size_t offset = 0;
  Step step = Step::kConnect;
  const std::atomic<bool>* stopping = nullptr;
};

size_t ReadMessage(char* buffer, size_t size, size_t count, void* user) {
  auto* transfer = static_cast<Transfer*>(user);
  // Asked for the message only once DATA was answered 354.
  transfer->step = Step::kMessage;
  const size_t n = std::min(size * count, transfer->message.size() - transfer->offset);
  std::memcpy(buffer, transfer->message.data() + transfer->offset, n);
  transfer->offset += n;
  return n;
}

// Follows the commands curl sends (never logging them: they hold the
// addresses and, base64-encoded, the credentials). Only the first words are
// looked at, and the later steps only after MAIL FROM, so that an AUTH
// exchange cannot be taken for one.
int TraceCommands(CURL*, curl_infotype type, char* data, size_t size, void* user) {
  if (type != CURLINFO_HEADER_OUT) return 0;
  auto* transfer = static_cast<Transfer*>(user);
  const absl::string_view line(data, size);
  if (absl::StartsWithIgnoreCase(line, "EHLO ") || absl::StartsWithIgnoreCase(line, "HELO ")) {
    transfer->step = std::max(transfer->step, Step::kHello);
  } else if (absl::StartsWithIgnoreCase(line, "STARTTLS")) {
    transfer->step = std::max(transfer->step, Step::kStartTls);
  } else if (absl::StartsWithIgnoreCase(line, "AUTH ")) {
    transfer->step = std::max(transfer->step, Step::kAuth);
  } else if (absl::StartsWithIgnoreCase(line, "MAIL FROM:")) {
    transfer->step = Step::kMailFrom;
  } else if (transfer->step >= Step::kMailFrom && absl::StartsWithIgnoreCase(line, "RCPT TO:")) {
    transfer->step = Step::kRcptTo;
  } else if (transfer->step >= Step::kRcptTo && absl::EqualsIgnoreCase(line, "DATA\r\n")) {
    transfer->step = Step::kData;
  }
  return 0;
}

int CheckStop(void* user, curl_off_t, curl_off_t, curl_off_t, curl_off_t) {
  return static_cast<Transfer*>(user)->stopping->load() ? 1 : 0;
}

absl::Status Classify(CURLcode code, long reply, Step step) {
  if (code == CURLE_OK) return absl::OkStatus();
  if (code == CURLE_ABORTED_BY_CALLBACK) {
    return absl::CancelledError("stopped before the relay answered");
  }
  const absl::string_view where = StepName(step);
  if (reply >= 500 && reply <= 599) {
    // Refused for good — but only an answer about this email gives it up.
    // A refusal of the greeting, STARTTLS, AUTH or the sender is the
    // relay's set-up or ours, and the email waits until it is put right.
    if (step == Step::kRcptTo) {
      return absl::FailedPreconditionError(
          absl::StrCat("the relay refused the recipient (", reply, ")"));
    }
    if (step == Step::kData || step == Step::kMessage) {
      return absl::FailedPreconditionError(
          absl::StrCat("the relay refused the message (", reply, ")"));
    }
    return absl::UnavailableError(absl::StrCat("the relay answered ", reply, " to ", where));
  }
  if (reply >= 400 && reply <= 499) {
    return absl::UnavailableError(absl::StrCat("the relay answered ", reply, " to ", where));
  }
  if (code == CURLE_OPERATION_TIMEDOUT) {
    return absl::DeadlineExceededError(
        absl::StrCat("no answer from the relay in time (", where, ")"));
  }
  if (code == CURLE_USE_SSL_FAILED) {
    return absl::UnavailableError("the relay does not offer STARTTLS");
  }
  return absl::UnavailableError(absl::StrCat(curl_easy_strerror(code), " (", where, ")"));
}

// The name this machine gives in EHLO: its host name when that is a plain
// DNS name, else "localhost".
std::string HelloName() {
  std::array<char, 256> name{};
  if (gethostname(name.data(), name.size() - 1) != 0) return "localhost";
  const absl::string_view view(name.data());
  if (view.empty()) return "localhost";
  for (const char c : view) {
    if (!absl::ascii_isalnum(static_cast<unsigned char>(c)) && c != '.' && c != '-') {
      return "localhost";
    }
  }
  return std::string(view);
}

// A DNS name or an IPv4 address, or an IPv6 address (bracketed or not) —
// never "host:port".
bool IsHostName(absl::string_view host) {
  if (host.empty() || host.size() > 253) return false;
  const bool bracketed = host.front() == '[' && host.back() == ']';
  if (bracketed) host = host.substr(1, host.size() - 2);
  const bool v6 = bracketed || std::count(host.begin(), host.end(), ':') >= 2;
  for (const char c : host) {
    const auto b = static_cast<unsigned char>(c);
    const bool fits = v6 ? (absl::ascii_isxdigit(b) || c == ':' || c == '.')
                         : (absl::ascii_isalnum(b) || c == '.' || c == '-');
    if (!fits) return false;
  }
  return !host.empty();
}

std::string ErrnoText(int error) { return std::generic_category().message(error); }

}  // namespace

absl::StatusOr<SmtpSecurity> ParseSmtpSecurity(absl::string_view text) {
  if (text == "starttls") return SmtpSecurity::kStartTls;
  if (text == "none") return SmtpSecurity::kNone;
  if (text == "tls") return SmtpSecurity::kTls;
  return absl::InvalidArgumentError(
      absl::StrCat("--smtp-security must be starttls, tls or none, not '", text, "'."));
}

absl::string_view SmtpSecurityName(SmtpSecurity security) {
  switch (security) {
    case SmtpSecurity::kStartTls:
      return "starttls";
    case SmtpSecurity::kNone:
      return "none";
    case SmtpSecurity::kTls:
      return "tls";
  }
  return "?";
}

bool IsLoopbackHost(absl::string_view host) {
  if (host.size() >= 2 && host.front() == '[' && host.back() == ']') {
    host = host.substr(1, host.size() - 2);
  }
  if (absl::EqualsIgnoreCase(host, "localhost") || host == "::1") return true;
  // 127.0.0.0/8, written as a dotted quad.
  const std::vector<absl::string_view> parts = absl::StrSplit(host, '.');
  if (parts.size() != 4 || parts[0] != "127") return false;
  for (const absl::string_view part : parts) {
    if (part.empty() || part.size() > 3 || !std::all_of(part.begin(), part.end(), [](char c) {
          return absl::ascii_isdigit(static_cast<unsigned char>(c));
        })) {
      return false;
    }
  }
  return true;
}

absl::StatusOr<std::pair<std::string, std::string>> ReadCredentialsFile(const std::string& path) {
  const auto refuse = [&path](absl::string_view why) {
    return absl::FailedPreconditionError(
        absl::StrCat("The SMTP credentials file ", path, " ", why));
  };
  // O_NONBLOCK: a FIFO is refused below rather than hanging the start.
  const int fd = open(path.c_str(), O_RDONLY | O_CLOEXEC | O_NOCTTY | O_NONBLOCK);
  if (fd < 0) {
    const int error = errno;
    if (error == ENOENT) {
      return refuse(
          absl::StrCat("does not exist. Create it holding one line, user:password, "
                       "readable by the server's user only (chmod 600 ",
                       path, ")."));
    }
    if (error == EACCES) {
      return refuse(
          absl::StrCat("cannot be read: permission denied. It must be owned by the user "
                       "the server runs as, with mode 0600 (chmod 600 ",
                       path, ")."));
    }
    return refuse(absl::StrCat("cannot be opened: ", ErrnoText(error), "."));
  }
  absl::Cleanup close_fd = [fd] { close(fd); };
  struct stat info {};
  if (fstat(fd, &info) != 0) return refuse(absl::StrCat("cannot be inspected: ", ErrnoText(errno)));
  if (!S_ISREG(info.st_mode)) return refuse("is not a regular file.");
  if ((info.st_mode & (S_IRWXG | S_IRWXO)) != 0) {
    std::array<char, 8> mode{};
    std::snprintf(mode.data(), mode.size(), "%04o", static_cast<unsigned>(info.st_mode & 07777));
    return refuse(absl::StrCat("has mode ", mode.data(),
                               ", which lets other users read the relay's password. Make it "
                               "readable by its owner only (chmod 600 ",
                               path, ") and consider changing the password."));
  }
  if (info.st_size > static_cast<off_t>(kMaxCredentialsBytes)) {
    return refuse("is too large to hold one line, user:password.");
  }
  std::string text(kMaxCredentialsBytes + 1, '\0');
  size_t got = 0;
  while (got < text.size()) {
    const ssize_t n = read(fd, text.data() + got, text.size() - got);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) return refuse(absl::StrCat("cannot be read: ", ErrnoText(errno), "."));
    if (n == 0) break;
    got += static_cast<size_t>(n);
  }
  text.resize(got);
  absl::Cleanup wipe = [&text] { std::fill(text.begin(), text.end(), '\0'); };
  absl::string_view line = text;
  while (!line.empty() && (line.back() == '\n' || line.back() == '\r')) line.remove_suffix(1);
  if (line.find_first_of("\r\n") != absl::string_view::npos) {
    return refuse("must hold one line, user:password, and nothing else.");
  }
  const size_t colon = line.find(':');
  if (colon == absl::string_view::npos || colon == 0 || colon + 1 == line.size()) {
    return refuse("must hold one line, user:password (neither may be empty).");
  }
  return std::pair<std::string, std::string>(line.substr(0, colon), line.substr(colon + 1));
}

absl::StatusOr<std::unique_ptr<CurlMailRelay>> CurlMailRelay::Create(SmtpSettings settings) {
  if (!IsHostName(settings.host)) {
    return absl::InvalidArgumentError(
        absl::StrCat("--smtp-host must be a host name or address, like smtp.example.nhs.uk, "
                     "without a port (give --smtp-port); not '",
                     settings.host, "'."));
  }
  if (settings.port < 1 || settings.port > 65535) {
    return absl::InvalidArgumentError("--smtp-port must be 1 to 65535.");
  }
  static std::once_flag curl_ready;
  static CURLcode init = CURLE_OK;
  std::call_once(curl_ready, [] { init = curl_global_init(CURL_GLOBAL_DEFAULT); });
  if (init != CURLE_OK) {
    return absl::FailedPreconditionError(
        absl::StrCat("libcurl could not start: ", curl_easy_strerror(init)));
  }
  const curl_version_info_data* curl = curl_version_info(CURLVERSION_NOW);
  const absl::string_view scheme = settings.security == SmtpSecurity::kTls ? "smtps" : "smtp";
  bool speaks = false;
  for (const char* const* protocol = curl->protocols; *protocol != nullptr; ++protocol) {
    speaks = speaks || scheme == *protocol;
  }
  if (!speaks || (settings.security != SmtpSecurity::kNone && curl->ssl_version == nullptr)) {
    return absl::FailedPreconditionError(
        absl::StrCat("This machine's libcurl cannot send email over ", scheme,
                     (settings.security == SmtpSecurity::kNone ? "" : " with TLS"),
                     "; install Debian's libcurl4 (OpenSSL) package."));
  }
  return std::unique_ptr<CurlMailRelay>(new CurlMailRelay(std::move(settings)));
}

CurlMailRelay::CurlMailRelay(SmtpSettings settings) : settings_(std::move(settings)) {
  std::string host = settings_.host;
  if (host.find(':') != std::string::npos && host.front() != '[') host = "[" + host + "]";
  // The path of an smtp:// URL is the name curl gives in EHLO.
  url_ = absl::StrCat(settings_.security == SmtpSecurity::kTls ? "smtps://" : "smtp://", host, ":",
                      settings_.port, "/", HelloName());
}

CurlMailRelay::~CurlMailRelay() {
  std::fill(settings_.password.begin(), settings_.password.end(), '\0');
}

absl::Status CurlMailRelay::Send(const domain::OutgoingEmail& email) {
  if (stopping_.load()) return absl::CancelledError("the server is stopping");
  if (!IsSendableAddress(email.to_address)) {
    return absl::FailedPreconditionError("the recipient's address cannot be written in SMTP");
  }
  const std::string message = FormatMessage(email, settings_.from);
  Transfer transfer{.message = message, .stopping = &stopping_};

  CURL* curl = curl_easy_init();
  if (curl == nullptr) return absl::UnavailableError("libcurl could not make a handle");
  absl::Cleanup cleanup = [curl] { curl_easy_cleanup(curl); };
  curl_slist* recipients =
      curl_slist_append(nullptr, absl::StrCat("<", email.to_address, ">").c_str());
  if (recipients == nullptr) return absl::UnavailableError("libcurl could not allocate");
  absl::Cleanup free_recipients = [recipients] { curl_slist_free_all(recipients); };
  const std::string from = absl::StrCat("<", settings_.from.address, ">");

  CURLcode set = CURLE_OK;
  const auto option = [&set](CURLcode result) {
    if (set == CURLE_OK) set = result;
  };
  option(curl_easy_setopt(curl, CURLOPT_URL, url_.c_str()));
  option(curl_easy_setopt(curl, CURLOPT_PROTOCOLS_STR, "smtp,smtps"));
  option(curl_easy_setopt(curl, CURLOPT_NOSIGNAL, 1L));
  option(curl_easy_setopt(curl, CURLOPT_USE_SSL,
                          settings_.security == SmtpSecurity::kStartTls
                              ? static_cast<long>(CURLUSESSL_ALL)
                              : static_cast<long>(CURLUSESSL_NONE)));
  option(curl_easy_setopt(curl, CURLOPT_SSL_VERIFYPEER, 1L));
  option(curl_easy_setopt(curl, CURLOPT_SSL_VERIFYHOST, 2L));
  option(curl_easy_setopt(curl, CURLOPT_MAIL_FROM, from.c_str()));
  option(curl_easy_setopt(curl, CURLOPT_MAIL_RCPT, recipients));
  option(curl_easy_setopt(curl, CURLOPT_UPLOAD, 1L));
  option(curl_easy_setopt(curl, CURLOPT_READFUNCTION, &ReadMessage));
  option(curl_easy_setopt(curl, CURLOPT_READDATA, &transfer));
  option(curl_easy_setopt(curl, CURLOPT_CONNECTTIMEOUT_MS,
                          static_cast<long>(absl::ToInt64Milliseconds(settings_.connect_timeout))));
  option(curl_easy_setopt(curl, CURLOPT_TIMEOUT_MS,
                          static_cast<long>(absl::ToInt64Milliseconds(settings_.send_timeout))));
  // Verbose only to follow the conversation's steps; nothing is printed.
  option(curl_easy_setopt(curl, CURLOPT_VERBOSE, 1L));
  option(curl_easy_setopt(curl, CURLOPT_DEBUGFUNCTION, &TraceCommands));
  option(curl_easy_setopt(curl, CURLOPT_DEBUGDATA, &transfer));
  option(curl_easy_setopt(curl, CURLOPT_NOPROGRESS, 0L));
  option(curl_easy_setopt(curl, CURLOPT_XFERINFOFUNCTION, &CheckStop));
  option(curl_easy_setopt(curl, CURLOPT_XFERINFODATA, &transfer));
  if (!settings_.username.empty()) {
    option(curl_easy_setopt(curl, CURLOPT_USERNAME, settings_.username.c_str()));
    option(curl_easy_setopt(curl, CURLOPT_PASSWORD, settings_.password.c_str()));
  }
  if (set != CURLE_OK) {
    return absl::UnavailableError(
        absl::StrCat("libcurl refused an option: ", curl_easy_strerror(set)));
  }
  const CURLcode code = curl_easy_perform(curl);
  long reply = 0;
  curl_easy_getinfo(curl, CURLINFO_RESPONSE_CODE, &reply);
  return Classify(code, reply, transfer.step);
}

}  // namespace tandem::mail
