#pragma once

#include "absl/strings/string_view.h"

namespace tandem {

enum class LogLevel { kInfo, kWarning, kError };

/// Writes one line to stderr: UTC timestamp, level, message. Thread-safe.
/// Never pass request content, passwords or tokens.
void Log(LogLevel level, absl::string_view message);

inline void LogInfo(absl::string_view message) { Log(LogLevel::kInfo, message); }
inline void LogWarning(absl::string_view message) { Log(LogLevel::kWarning, message); }
inline void LogError(absl::string_view message) { Log(LogLevel::kError, message); }

}  // namespace tandem
