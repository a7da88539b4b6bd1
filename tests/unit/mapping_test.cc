// The API edge maps the proto's enum numbers to the domain's own enums:
// unknown numbers are refused there, naming the field, so the domain never
// sees a raw proto number; and what the domain returns maps back.

#include "server/api/mapping.h"

#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace tandem::api {
namespace {

using ::testing::Optional;

TEST(EnumMappingTest, KnownNumbersBecomeTheDomainsEnums) {
  EXPECT_EQ(*EnumFromProto<domain::CancelledBy>(v1::CANCELLED_BY_MEMBER, v1::CancelledBy_IsValid,
                                                "cancelled_by"),
            domain::CancelledBy::kMember);
  EXPECT_EQ(*EnumFromProto<domain::CancelledBy>(v1::CANCELLED_BY_UNSPECIFIED,
                                                v1::CancelledBy_IsValid, "cancelled_by"),
            domain::CancelledBy::kNone);
  EXPECT_THAT(*OptionalEnumFromProto<domain::DeliveryMode>(v1::DELIVERY_MODE_PHONE,
                                                           v1::DeliveryMode_IsValid, "mode"),
              Optional(domain::DeliveryMode::kPhone));
  EXPECT_EQ(*OptionalEnumFromProto<domain::DeliveryMode>(v1::DELIVERY_MODE_UNSPECIFIED,
                                                         v1::DeliveryMode_IsValid, "mode"),
            std::nullopt);
  EXPECT_THAT(*OptionalEnumFromProto<domain::SupportKind>(v1::SUPPORT_KIND_MENTORING,
                                                          v1::SupportKind_IsValid, "kind"),
              Optional(domain::SupportKind::kMentoring));
}

TEST(EnumMappingTest, UnknownNumbersAreRefusedByField) {
  const absl::Status cancelled =
      EnumFromProto<domain::CancelledBy>(3, v1::CancelledBy_IsValid, "cancelled_by").status();
  EXPECT_EQ(cancelled.code(), absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(cancelled.message(), "cancelled_by: is not a known value");
  for (int mode : {-1, 4, 99}) {
    const absl::Status status =
        OptionalEnumFromProto<domain::DeliveryMode>(mode, v1::DeliveryMode_IsValid, "mode")
            .status();
    EXPECT_EQ(status.code(), absl::StatusCode::kInvalidArgument) << mode;
    EXPECT_EQ(status.message(), "mode: is not a known value");
  }
  EXPECT_FALSE(OptionalEnumFromProto<domain::SupportKind>(7, v1::SupportKind_IsValid, "kind").ok());
}

TEST(EnumMappingTest, ASessionMapsBackToTheProtosNumbers) {
  domain::SessionView view;
  view.session.status = domain::SessionStatus::kNotHeld;
  view.session.mode = domain::DeliveryMode::kVideo;
  view.session.cancelled_by = domain::CancelledBy::kCoachee;
  v1::Session out;
  ToProto(view, &out);
  EXPECT_EQ(out.status(), v1::SESSION_STATUS_NOT_HELD);
  EXPECT_EQ(out.mode(), v1::DELIVERY_MODE_VIDEO);
  EXPECT_EQ(out.cancelled_by(), v1::CANCELLED_BY_COACHEE);
}

}  // namespace
}  // namespace tandem::api
