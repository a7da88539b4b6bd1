#pragma once

#include <string>

#include "absl/time/time.h"
#include "server/domain/notices.h"

/// Every word a notification or an email says: the one place. A template
/// sees only a notice's kind, its screen and its facts (coaching or
/// mentoring, a time, a month), so it cannot carry a session's themes or
/// actions, notes, goal wording, answers, or anything of a concern; a
/// concern's notice does not even say whom it is about.
/// tests/unit/notice_templates_test.cc renders every kind for every screen.
namespace tandem::domain {

struct NoticeText {
  /// One sentence: "You have a new request for mentoring".
  std::string title;
  /// What to do next, or empty.
  std::string detail;
};

/// The words of a notice, its times in `zone` ("Tuesday 14 May at 10:00").
NoticeText RenderNotice(const Notice& notice, absl::TimeZone zone);

struct EmailText {
  std::string subject;
  /// Plain text, lines ending "\r\n".
  std::string body;
};

/// The email of a notice: its title as the subject, and a short body that
/// says what to do in the app and how to change what comes by email.
EmailText RenderEmail(const Notice& notice, absl::TimeZone zone);

}  // namespace tandem::domain
