#pragma once
// Simulation time: an integer count of milliseconds since the scenario's start.
// Integer ticks make event order exact and identical on every machine.
#include <cmath>
#include <cstdint>
#include <limits>

namespace bordersim {

using Time = std::int64_t;  // milliseconds

inline constexpr Time kTicksPerSecond = 1000;
inline constexpr Time kNever = std::numeric_limits<Time>::max();

// Rounds to the nearest millisecond; callers pass finite, non-negative durations.
inline Time seconds_to_time(double seconds) {
  return static_cast<Time>(std::llround(seconds * static_cast<double>(kTicksPerSecond)));
}

inline double time_to_seconds(Time t) { return static_cast<double>(t) / kTicksPerSecond; }

}  // namespace bordersim
