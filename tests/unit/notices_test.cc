// Notices as words and rules, without storage: every template for every
// kind and screen says something, names nothing it cannot know and carries
// nothing confidential; quiet hours hold email back except for concerns,
// across midnight and clock changes; preferences default and validate; a
// batch is the thread's while it lives.

#include "server/domain/notices.h"

#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "server/domain/notice_templates.h"

namespace tandem::domain {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;
using ::testing::StartsWith;

absl::TimeZone London() {
  absl::TimeZone zone;
  EXPECT_TRUE(absl::LoadTimeZone("Europe/London", &zone));
  return zone;
}

absl::Time At(int y, int m, int d, int hh, int mm) {
  return absl::FromCivil(absl::CivilMinute(y, m, d, hh, mm), London());
}

/// Every notice the templates can be asked for: each kind, for each
/// screen, with and without each fact. Ids and the once-key are set to
/// marker values that must never show.
std::vector<Notice> EveryNotice() {
  std::vector<Notice> all;
  const std::vector<NoticeScreen> screens = {
      NoticeScreen::kNone,         NoticeScreen::kInbox,         NoticeScreen::kMyRequests,
      NoticeScreen::kRelationship, NoticeScreen::kRecordSession, NoticeScreen::kMonthlyReturn,
      NoticeScreen::kMyProfile,    NoticeScreen::kPool,          NoticeScreen::kConcerns};
  for (const NoticeKind kind : AllNoticeKinds()) {
    for (const NoticeScreen screen : screens) {
      for (const std::optional<SupportKind> support :
           {std::optional<SupportKind>(), std::optional(SupportKind::kCoaching),
            std::optional(SupportKind::kMentoring)}) {
        for (const bool facts : {false, true}) {
          Notice n{.recipient_id = 987654321,
                   .kind = kind,
                   .screen = screen,
                   .relationship_id = 123456789,
                   .once_key = "MARKER-once-key-MARKER"};
          n.facts.support = support;
          if (facts) {
            n.facts.at = At(2026, 5, 12, 10, 0);
            n.facts.was_at = At(2026, 5, 14, 9, 30);
            n.facts.month = absl::CivilMonth(2026, 11);
          }
          all.push_back(n);
        }
      }
    }
  }
  return all;
}

TEST(NoticeTemplatesTest, EveryKindSaysSomethingAndNothingItMustNot) {
  for (const Notice& n : EveryNotice()) {
    const NoticeText text = RenderNotice(n, London());
    const EmailText email = RenderEmail(n, London());
    SCOPED_TRACE(testing::Message() << "kind " << static_cast<int>(n.kind) << " screen "
                                    << static_cast<int>(n.screen));
    EXPECT_FALSE(text.title.empty());
    EXPECT_NE(text.title, "Something in Tandem needs your attention") << "every kind has words";
    EXPECT_THAT(email.subject, StartsWith("Tandem: "));
    for (const std::string& words : {text.title, text.detail, email.subject, email.body}) {
      // No id, key, placeholder or internal name reaches a person.
      EXPECT_THAT(words, Not(HasSubstr("MARKER")));
      EXPECT_THAT(words, Not(HasSubstr("987654321")));
      EXPECT_THAT(words, Not(HasSubstr("123456789")));
      EXPECT_THAT(words, Not(HasSubstr("{")));
      EXPECT_THAT(words, Not(HasSubstr("_")));
    }
    EXPECT_THAT(email.body, HasSubstr("Account in Tandem")) << "how to change what is emailed";
  }
}

TEST(NoticeTemplatesTest, AConcernNeverSaysWhomItIsAbout) {
  // The only things a concern's notice could vary by are the facts; it must
  // read the same whoever it is about and whoever raised it.
  for (const NoticeKind kind : {NoticeKind::kConcernRaised, NoticeKind::kConcernEscalated}) {
    Notice a{.recipient_id = 1, .kind = kind, .screen = NoticeScreen::kConcerns};
    Notice b = a;
    b.recipient_id = 2;
    b.relationship_id = 77;
    b.facts.support = SupportKind::kMentoring;
    b.facts.at = At(2026, 5, 12, 10, 0);
    EXPECT_EQ(RenderNotice(a, London()).title, RenderNotice(b, London()).title);
    EXPECT_EQ(RenderEmail(a, London()).body, RenderEmail(b, London()).body);
  }
}

TEST(NoticeTemplatesTest, TimesAndMonthsInPlainWords) {
  Notice moved{.kind = NoticeKind::kSessionMoved,
               .facts = {.support = SupportKind::kCoaching,
                         .at = At(2026, 5, 19, 14, 5),
                         .was_at = At(2026, 5, 12, 10, 0)}};
  const NoticeText text = RenderNotice(moved, London());
  EXPECT_EQ(text.title, "A session on Tuesday 12 May was moved");
  EXPECT_EQ(text.detail, "It is now on Tuesday 19 May at 14:05.");
  Notice request{.kind = NoticeKind::kRequestReceived,
                 .facts = {.support = SupportKind::kMentoring}};
  EXPECT_EQ(RenderNotice(request, London()).title, "You have a new request for mentoring");
  Notice due{.kind = NoticeKind::kReturnDue, .facts = {.month = absl::CivilMonth(2026, 11)}};
  EXPECT_THAT(RenderNotice(due, London()).title, HasSubstr("November 2026"));
  // In the programme's time zone: 09:00 UTC in summer is 10:00 in London.
  Notice soon{
      .kind = NoticeKind::kSessionSoon,
      .facts = {.support = SupportKind::kCoaching,
                .at = absl::FromCivil(absl::CivilMinute(2026, 7, 1, 9, 0), absl::UTCTimeZone())}};
  EXPECT_THAT(RenderNotice(soon, London()).title, HasSubstr("10:00"));
}

TEST(QuietHoursTest, OvernightQuietHoursHoldEmailUntilMorning) {
  const NoticePreferences quiet{.quiet_from_minute = 21 * 60, .quiet_to_minute = 7 * 60};
  const NoticeKind kind = NoticeKind::kRequestReceived;
  EXPECT_EQ(EmailNotBefore(quiet, kind, At(2026, 6, 10, 22, 30), London()), At(2026, 6, 11, 7, 0));
  EXPECT_EQ(EmailNotBefore(quiet, kind, At(2026, 6, 11, 6, 59), London()), At(2026, 6, 11, 7, 0));
  EXPECT_EQ(EmailNotBefore(quiet, kind, At(2026, 6, 11, 7, 0), London()), At(2026, 6, 11, 7, 0));
  EXPECT_EQ(EmailNotBefore(quiet, kind, At(2026, 6, 11, 12, 0), London()), At(2026, 6, 11, 12, 0));
  EXPECT_EQ(EmailNotBefore(quiet, kind, At(2026, 6, 11, 21, 0), London()), At(2026, 6, 12, 7, 0));
}

TEST(QuietHoursTest, AConcernIsNeverHeldBack) {
  const NoticePreferences quiet{.quiet_from_minute = 21 * 60, .quiet_to_minute = 7 * 60};
  for (const NoticeKind kind : {NoticeKind::kConcernRaised, NoticeKind::kConcernEscalated}) {
    EXPECT_EQ(EmailNotBefore(quiet, kind, At(2026, 6, 10, 23, 0), London()),
              At(2026, 6, 10, 23, 0));
  }
}

TEST(QuietHoursTest, DaytimeQuietHoursAndNone) {
  const NoticePreferences lunch{.quiet_from_minute = 12 * 60, .quiet_to_minute = 13 * 60};
  EXPECT_EQ(EmailNotBefore(lunch, NoticeKind::kSessionMoved, At(2026, 6, 10, 12, 30), London()),
            At(2026, 6, 10, 13, 0));
  EXPECT_EQ(EmailNotBefore(lunch, NoticeKind::kSessionMoved, At(2026, 6, 10, 22, 0), London()),
            At(2026, 6, 10, 22, 0));
  const NoticePreferences none;
  EXPECT_EQ(EmailNotBefore(none, NoticeKind::kSessionMoved, At(2026, 6, 10, 3, 0), London()),
            At(2026, 6, 10, 3, 0));
}

TEST(QuietHoursTest, AcrossTheClocksGoingForward) {
  // 29 March 2026: London goes from 01:00 GMT to 02:00 BST. Quiet until
  // 07:00 means 07:00 on the clock, an hour less after midnight.
  const NoticePreferences quiet{.quiet_from_minute = 22 * 60, .quiet_to_minute = 7 * 60};
  const absl::Time end =
      EmailNotBefore(quiet, NoticeKind::kRequestReceived, At(2026, 3, 28, 23, 0), London());
  EXPECT_EQ(end, At(2026, 3, 29, 7, 0));
  EXPECT_EQ(absl::ToCivilMinute(end, absl::UTCTimeZone()), absl::CivilMinute(2026, 3, 29, 6, 0));
}

TEST(PreferencesTest, DefaultsAndChoices) {
  const NoticePreferences none;
  EXPECT_TRUE(WantsEmail(none, NoticeKind::kRequestReceived));
  EXPECT_TRUE(WantsEmail(none, NoticeKind::kMatchConfirmed));
  EXPECT_TRUE(WantsEmail(none, NoticeKind::kSessionMoved));
  EXPECT_TRUE(WantsEmail(none, NoticeKind::kSessionCancelled));
  EXPECT_TRUE(WantsEmail(none, NoticeKind::kConcernRaised));
  EXPECT_FALSE(WantsEmail(none, NoticeKind::kSessionTomorrow));
  EXPECT_FALSE(WantsEmail(none, NoticeKind::kSessionProposed));
  const NoticePreferences chosen{.kinds = {{.kind = NoticeKind::kRequestReceived, .email = false},
                                           {.kind = NoticeKind::kSessionTomorrow, .email = true}}};
  EXPECT_FALSE(WantsEmail(chosen, NoticeKind::kRequestReceived));
  EXPECT_TRUE(WantsEmail(chosen, NoticeKind::kSessionTomorrow));
  const std::vector<KindChoice> every = EveryChoice(chosen);
  ASSERT_EQ(every.size(), static_cast<size_t>(kMaxNoticeKind));
  EXPECT_EQ(every.front().kind, NoticeKind::kRequestReceived);
  EXPECT_FALSE(every.front().email);
}

TEST(PreferencesTest, RefusalsNameTheField) {
  NoticePreferences twice{.kinds = {{.kind = NoticeKind::kRequestReceived, .email = true},
                                    {.kind = NoticeKind::kRequestReceived, .email = false}}};
  EXPECT_THAT(std::string(ValidatePreferences(twice).message()),
              StartsWith("preferences.kinds[1].kind:"));
  NoticePreferences unknown{.kinds = {{.kind = static_cast<NoticeKind>(99), .email = true}}};
  EXPECT_THAT(std::string(ValidatePreferences(unknown).message()),
              StartsWith("preferences.kinds[0].kind:"));
  NoticePreferences late{.quiet_from_minute = 1440};
  EXPECT_THAT(std::string(ValidatePreferences(late).message()),
              StartsWith("preferences.quiet_from_minute:"));
  EXPECT_TRUE(ValidatePreferences({.quiet_from_minute = 1439, .quiet_to_minute = 0}).ok());
}

TEST(NoticeBatchTest, IsTheThreadsWhileItLivesAndNests) {
  EXPECT_EQ(NoticeBatch::Current(), nullptr);
  {
    NoticeBatch outer;
    EXPECT_EQ(NoticeBatch::Current(), &outer);
    outer.Add({.recipient_id = 1});
    {
      NoticeBatch inner;
      EXPECT_EQ(NoticeBatch::Current(), &inner);
    }
    EXPECT_EQ(NoticeBatch::Current(), &outer);
    EXPECT_EQ(outer.TakeForCommit().size(), 1u);
    EXPECT_TRUE(outer.empty()) << "taken once, never written twice";
  }
  EXPECT_EQ(NoticeBatch::Current(), nullptr);
}

}  // namespace
}  // namespace tandem::domain
