#include "tests/support/smtp_sink.h"

#include <fcntl.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cctype>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <thread>

#include "gtest/gtest.h"

namespace tandem::testing {
namespace {

[[noreturn]] void Fail(const std::string& why) {
  std::fprintf(stderr, "SmtpSink: %s\n", why.c_str());
  std::abort();
}

std::string ReadAll(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream contents;
  contents << in.rdbuf();
  return contents.str();
}

std::string Trim(std::string text) {
  while (!text.empty() && std::isspace(static_cast<unsigned char>(text.back()))) text.pop_back();
  size_t start = 0;
  while (start < text.size() && std::isspace(static_cast<unsigned char>(text[start]))) ++start;
  return text.substr(start);
}

}  // namespace

bool WaitUntil(const std::function<bool()>& condition, std::chrono::milliseconds timeout) {
  const auto give_up = std::chrono::steady_clock::now() + timeout;
  while (true) {
    if (condition()) return true;
    if (std::chrono::steady_clock::now() >= give_up) return false;
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
  }
}

SmtpSink::SmtpSink(std::string dir, int port, std::string auth) : dir_(std::move(dir)) {
  std::filesystem::create_directories(dir_);
  int out[2];
  if (pipe(out) != 0) Fail("pipe failed");
  pid_ = fork();
  if (pid_ < 0) Fail("fork failed");
  if (pid_ == 0) {
    dup2(out[1], STDOUT_FILENO);
    const int log = open((dir_ + "/sink.log").c_str(), O_WRONLY | O_CREAT | O_APPEND, 0600);
    if (log >= 0) dup2(log, STDERR_FILENO);
    close(out[0]);
    close(out[1]);
    std::vector<std::string> args = {TANDEM_PYTHON, TANDEM_SMTP_SINK, "--dir", dir_};
    if (port != 0) {
      args.push_back("--port");
      args.push_back(std::to_string(port));
    }
    if (!auth.empty()) {
      args.push_back("--auth");
      args.push_back(auth);
    }
    std::vector<char*> argv;
    for (auto& arg : args) argv.push_back(arg.data());
    argv.push_back(nullptr);
    execv(argv[0], argv.data());
    _exit(127);
  }
  close(out[1]);
  std::string seen;
  const std::string marker = "smtp-sink listening on 127.0.0.1:";
  const auto give_up = std::chrono::steady_clock::now() + std::chrono::seconds(30);
  while (std::chrono::steady_clock::now() < give_up) {
    char buffer[256];
    const ssize_t n = read(out[0], buffer, sizeof(buffer));
    if (n <= 0) break;
    seen.append(buffer, static_cast<size_t>(n));
    const auto at = seen.find(marker);
    const auto end = at == std::string::npos ? at : seen.find('\n', at);
    if (end != std::string::npos) {
      port_ = std::atoi(seen.substr(at + marker.size(), end - at - marker.size()).c_str());
      break;
    }
  }
  close(out[0]);
  if (port_ == 0) Fail("the sink did not start; its log:\n" + ReadAll(dir_ + "/sink.log"));
}

SmtpSink::~SmtpSink() { Stop(); }

void SmtpSink::Stop() {
  if (pid_ <= 0) return;
  kill(pid_, SIGTERM);
  int status = 0;
  waitpid(pid_, &status, 0);
  pid_ = -1;
}

void SmtpSink::SetMode(const std::string& mode) {
  const std::string path = dir_ + "/mode";
  { std::ofstream(path + ".next") << mode << "\n"; }
  std::filesystem::rename(path + ".next", path);
  const bool applied = WaitUntil([&] { return Trim(ReadAll(dir_ + "/mode.applied")) == mode; },
                                 std::chrono::seconds(10));
  EXPECT_TRUE(applied) << "the SMTP sink did not take up mode " << mode;
}

std::vector<SmtpSink::Message> SmtpSink::Messages() const {
  std::vector<std::string> files;
  std::error_code error;
  for (const auto& entry : std::filesystem::directory_iterator(dir_ + "/messages", error)) {
    if (entry.path().extension() == ".eml") files.push_back(entry.path().string());
  }
  std::sort(files.begin(), files.end());
  std::vector<Message> messages;
  for (const std::string& file : files) {
    Message message{.file = file};
    const std::string raw = ReadAll(file);
    const size_t split = raw.find("\r\n\r\n");
    message.header_block = raw.substr(0, split == std::string::npos ? raw.size() : split + 2);
    message.body = split == std::string::npos ? "" : raw.substr(split + 4);
    std::string name;
    std::istringstream lines(message.header_block);
    for (std::string line; std::getline(lines, line);) {
      if (!line.empty() && line.back() == '\r') line.pop_back();
      if (line.empty()) continue;
      if ((line[0] == ' ' || line[0] == '\t') && !name.empty()) {
        message.headers[name] += line;  // unfolded: the folding space stays
        continue;
      }
      const size_t colon = line.find(':');
      if (colon == std::string::npos) continue;
      name = line.substr(0, colon);
      std::transform(name.begin(), name.end(), name.begin(),
                     [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
      message.headers[name] = Trim(line.substr(colon + 1));
    }
    messages.push_back(std::move(message));
  }
  return messages;
}

std::vector<SmtpSink::Event> SmtpSink::Events() const {
  std::vector<Event> events;
  std::istringstream lines(ReadAll(dir_ + "/events.log"));
  for (std::string line; std::getline(lines, line);) {
    std::istringstream fields(line);
    Event event;
    if (fields >> event.at >> event.what >> event.message_id) events.push_back(event);
  }
  return events;
}

}  // namespace tandem::testing
