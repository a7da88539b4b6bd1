#pragma once

#include <cstdint>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "server/domain/identity.h"

/// Who may read and write monthly returns and the programme's figures: the
/// one rule, for every RPC that touches them.
///
/// - A monthly return is its member's own. Only a coach or mentor keeps
///   returns, and only their own: nobody else reads one through any RPC,
///   coordinators included. What a coordinator learns of returns is whether
///   one was confirmed (by name: pool members' names are not confidential)
///   and, inside the programme's figures, hours and theme counts after
///   disclosure control. A new theme typed into a return is sealed at rest
///   and reaches figures only when at least disclosure::kMinGroup returns
///   name the same one.
/// - A person's declaration (reach.h) is theirs alone: only they read it,
///   through ReachService; it reaches figures as counts of people, through
///   disclosure.h, never as one person's answer.
/// - The programme's figures and the programme's relationships list are for
///   coordinators, over organisations they coordinate. Figures carry no
///   session content, goal wording, review or answer text and no coachee's
///   name; every number passes disclosure.h. The relationships list names
///   both people (to run the programme) and never their content.
namespace tandem::domain {

/// OK for a coach or mentor; PERMISSION_DENIED otherwise.
absl::Status MayKeepReturns(const Principal& caller);

/// The organisations the caller's figures cover: `organisation_id` if they
/// coordinate it, or every one they coordinate when it is 0.
/// PERMISSION_DENIED for anyone else or an organisation they do not
/// coordinate.
absl::StatusOr<std::vector<int64_t>> FigureScope(const Principal& caller, int64_t organisation_id);

}  // namespace tandem::domain
