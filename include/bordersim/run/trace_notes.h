#pragma once
// The words of a trace row's `note` that `explain` (sim/cli/crossing_story.cpp) reads back
// to tell a crossing's story. The writer (sim/run/trace.cpp, World::trace_*) and the reader
// use these constants, so a changed word cannot silently break the story. Notes that are
// only shown, never compared (why no responder was sent, say), stay where they are written.
// An end row's note is the outcome's name: to_string(Outcome) in bordersim/model/kinds.h.
#include <string_view>

namespace bordersim::trace_note {

// Arrival rows (TraceEvent::kArrival).
inline constexpr std::string_view kIntercepted = "intercepted";  // the team caught it
inline constexpr std::string_view kSearching = "searching";      // a search mode's team searches
// Dispatch rows (TraceEvent::kDispatch): a report moved the goal of a team on its way.
inline constexpr std::string_view kNewGoal = "new goal";

// Report rows (TraceEvent::kReport).
inline constexpr std::string_view kDismissed = "dismissed: not taken for a real target";
// An assessment's verdict: `explain` tells what follows the prefix.
inline constexpr std::string_view kAssessedPrefix = "assessed: ";
inline constexpr std::string_view kAssessedSeen = "assessed: a tower camera saw it, a real target";
inline constexpr std::string_view kAssessedDismissed =
    "assessed: the camera saw nothing; dismissed";
inline constexpr std::string_view kAssessedTaken =
    "assessed: the camera saw nothing; taken for a real target";
static_assert(kAssessedSeen.starts_with(kAssessedPrefix) &&
              kAssessedDismissed.starts_with(kAssessedPrefix) &&
              kAssessedTaken.starts_with(kAssessedPrefix));

}  // namespace bordersim::trace_note
