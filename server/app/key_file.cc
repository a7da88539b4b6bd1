#include "server/app/key_file.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <array>
#include <cerrno>
#include <cstdio>
#include <filesystem>
#include <system_error>

#include "absl/cleanup/cleanup.h"
#include "absl/status/status.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/string_view.h"
#include "server/domain/note_cipher.h"
#include "shared/logger.h"

namespace tandem::app {
namespace {

constexpr std::size_t kKeySize = domain::NoteCipher::kKeySize;

// Closes the descriptor on every path out of a function.
class ScopedFd {
 public:
  explicit ScopedFd(int fd) : fd_(fd) {}
  ~ScopedFd() {
    if (fd_ >= 0) close(fd_);
  }
  ScopedFd(const ScopedFd&) = delete;
  ScopedFd& operator=(const ScopedFd&) = delete;

  int get() const { return fd_; }
  // For files just written: close can report a failed write-back.
  int Close() {
    const int result = close(fd_);
    fd_ = -1;
    return result;
  }

 private:
  int fd_;
};

std::string ErrnoText(int error) { return std::generic_category().message(error); }

std::string Octal(mode_t mode) {
  std::array<char, 8> text{};
  std::snprintf(text.data(), text.size(), "%04o", static_cast<unsigned>(mode & 07777));
  return text.data();
}

absl::Status Refuse(absl::string_view message) { return absl::FailedPreconditionError(message); }

absl::Status IoError(absl::string_view action, const std::string& path, int error) {
  return Refuse(absl::StrCat("Cannot ", action, " the key file ", path, ": ", ErrnoText(error),
                             ". Check the disk and the file, then start the server again."));
}

std::string DirectoryOf(const std::string& path) {
  std::string dir = std::filesystem::path(path).parent_path().string();
  return dir.empty() ? "." : dir;
}

// Reads an existing key file. NOT_FOUND (and nothing else) when there is no
// file at `path`, so that the caller knows to create one.
absl::StatusOr<std::string> LoadExisting(const std::string& path) {
  // O_NONBLOCK so that a FIFO at `path` is refused below instead of hanging
  // the start; it changes nothing for a regular file.
  ScopedFd fd(open(path.c_str(), O_RDONLY | O_CLOEXEC | O_NOCTTY | O_NONBLOCK));
  if (fd.get() < 0) {
    const int error = errno;
    if (error == ENOENT) return absl::NotFoundError(path);
    if (error == EACCES) {
      return Refuse(absl::StrCat("Cannot read the key file ", path,
                                 ": permission denied. It must be owned by the user the server "
                                 "runs as, with mode 0600 (chown that user; chmod 600 ",
                                 path, ")."));
    }
    return IoError("open", path, error);
  }
  struct stat info {};
  if (fstat(fd.get(), &info) != 0) return IoError("inspect", path, errno);
  if (!S_ISREG(info.st_mode)) {
    return Refuse(absl::StrCat("The key file ", path,
                               " is not a regular file. Give the path of a key file; it is "
                               "created on first start if there is none."));
  }
  if ((info.st_mode & (S_IRWXG | S_IRWXO)) != 0) {
    return Refuse(absl::StrCat(
        "The key file ", path, " has mode ", Octal(info.st_mode),
        ", which gives other users access to the key that protects private notes. Make it "
        "readable by its owner only (chmod 600 ",
        path, ") and check who could have read it."));
  }
  const auto wrong_size = [&path](long long size) {
    return Refuse(absl::StrCat(
        "The key file ", path, " holds ", size, " bytes, not ", kKeySize,
        ", so it is damaged or not a Tandem key file. Restore it from a backup: notes sealed with "
        "the original key cannot be read without it. Only if no notes were ever stored, delete "
        "it and a new key is created on the next start."));
  };
  if (info.st_size != static_cast<off_t>(kKeySize)) return wrong_size(info.st_size);

  std::string key(kKeySize, '\0');
  std::size_t got = 0;
  // One byte of room beyond the key detects a file that grew after fstat.
  char extra = 0;
  while (true) {
    char* into = got < kKeySize ? key.data() + got : &extra;
    const std::size_t want = got < kKeySize ? kKeySize - got : 1;
    const ssize_t n = read(fd.get(), into, want);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) return IoError("read", path, errno);
    if (n == 0) break;
    got += static_cast<std::size_t>(n);
    if (got > kKeySize) break;
  }
  if (got != kKeySize) return wrong_size(static_cast<long long>(got));
  return key;
}

// Returns 0, or the errno of the failed write.
int WriteAll(int fd, absl::string_view bytes) {
  while (!bytes.empty()) {
    const ssize_t n = write(fd, bytes.data(), bytes.size());
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) return errno;
    bytes.remove_prefix(static_cast<std::size_t>(n));
  }
  return 0;
}

// Writes a new key file at `path`. ALREADY_EXISTS (and nothing else) when
// another process created `path` first; the caller then reads that one.
absl::StatusOr<std::string> CreateNew(const std::string& path) {
  const std::string dir = DirectoryOf(path);
  // The key goes to a temporary file first and is linked into place only
  // when whole and on disk, so a crash mid-write leaves no truncated key at
  // `path` for the next start to trip over. mkostemp opens with
  // O_CREAT|O_EXCL and mode 0600; the umask can only narrow that.
  std::string temp = path + ".tmp-XXXXXX";
  ScopedFd fd(mkostemp(temp.data(), O_CLOEXEC));
  if (fd.get() < 0) {
    const int error = errno;
    if (error == ENOENT || error == ENOTDIR) {
      return Refuse(absl::StrCat("Cannot create the key file ", path, ": the directory ", dir,
                                 " does not exist. Create it, readable by the server's user only "
                                 "(mkdir -m 700 ",
                                 dir, "), or give another key file path."));
    }
    if (error == EACCES || error == EROFS) {
      return Refuse(absl::StrCat("Cannot create the key file ", path, " in ", dir, ": ",
                                 ErrnoText(error),
                                 ". Let the server's user write to that directory, or give "
                                 "another key file path."));
    }
    return IoError("create", path, error);
  }
  absl::Cleanup remove_temp = [&temp] { unlink(temp.c_str()); };

  std::string key = domain::NoteCipher::GenerateKey();
  if (const int error = WriteAll(fd.get(), key); error != 0) return IoError("write", path, error);
  if (fsync(fd.get()) != 0) return IoError("flush", path, errno);
  if (fd.Close() != 0) return IoError("write", path, errno);

  // link, unlike rename, never replaces a key another server just created.
  if (link(temp.c_str(), path.c_str()) != 0) {
    const int error = errno;
    if (error == EEXIST) return absl::AlreadyExistsError(path);
    return IoError("create", path, error);
  }
  std::move(remove_temp).Invoke();

  // Make the new directory entry durable before any note is sealed with
  // the key: a key lost in a power cut would make those notes unreadable.
  ScopedFd dir_fd(open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC));
  if (dir_fd.get() < 0 || fsync(dir_fd.get()) != 0) {
    const int error = errno;
    return Refuse(absl::StrCat("Created the key file ", path, " but could not flush its directory ",
                               dir, " to disk: ", ErrnoText(error),
                               ". Check the disk, then start the server again."));
  }
  LogInfo(absl::StrCat("Created a new key file for private notes at ", path,
                       "; back it up: notes cannot be read without it."));
  return key;
}

}  // namespace

absl::StatusOr<std::string> LoadOrCreateKeyFile(const std::string& path) {
  if (path.empty()) return absl::InvalidArgumentError("No key file path was given.");
  absl::StatusOr<std::string> key = LoadExisting(path);
  if (!absl::IsNotFound(key.status())) return key;
  key = CreateNew(path);
  if (!absl::IsAlreadyExists(key.status())) return key;
  // Another process created the file between our two steps: use its key.
  key = LoadExisting(path);
  if (absl::IsNotFound(key.status())) {
    return Refuse(absl::StrCat("The key file ", path,
                               " appeared and vanished while the server was starting. Make sure "
                               "nothing else manages that file, then start the server again."));
  }
  return key;
}

}  // namespace tandem::app
