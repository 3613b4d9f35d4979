#pragma once
// Simulation time: an integer count of milliseconds since the scenario's start.
// Integer ticks make event order exact and identical on every machine.
#include <cmath>
#include <cstdint>
#include <limits>
#include <stdexcept>
#include <string>

namespace bordersim {

using Time = std::int64_t;  // milliseconds

inline constexpr Time kTicksPerSecond = 1000;
inline constexpr Time kNever = std::numeric_limits<Time>::max();
// The latest time a conversion gives: 2^61 ms (73 million years). Far beyond any scenario
// (the loader caps durations at 10 years and travel at a few thousand), and low enough that
// a few converted times add up without leaving int64 or reaching kNever.
inline constexpr Time kMaxTime = Time{1} << 61;

// A time in seconds the clock cannot hold (negative, beyond kMaxTime, not a number): thrown
// by the conversion instead of wrapping into a silently wrong time (llround of 1e17 s is
// unspecified; on x86 it became INT64_MIN, "time in the past" or an instant arrival).
class ClockOverflow : public std::range_error {
 public:
  explicit ClockOverflow(double seconds)
      : std::range_error("a time of " + std::to_string(seconds) +
                         " s is outside the millisecond clock's range (0 to 2^61 ms)"),
        seconds_(seconds) {}
  double seconds() const { return seconds_; }

 private:
  double seconds_;
};

// Rounds to the nearest millisecond (halves away from zero). Throws ClockOverflow for what
// does not round into [0, kMaxTime]; -0.0004 s rounds to 0 and passes.
inline Time seconds_to_time(double seconds) {
  const double ms = std::round(seconds * static_cast<double>(kTicksPerSecond));
  if (!(ms >= 0.0 && ms <= static_cast<double>(kMaxTime))) throw ClockOverflow(seconds);
  return static_cast<Time>(ms);
}

inline double time_to_seconds(Time t) { return static_cast<double>(t) / kTicksPerSecond; }

// `now` plus a drawn delay that may fall beyond any horizon (an exponential time to an
// unlikely event, a meeting far in the future): kNever where the delay is past the clock's
// range, so that callers comparing with a horizon simply see "never". `now` <= kMaxTime.
inline Time time_after(Time now, double seconds) {
  if (seconds > time_to_seconds(kMaxTime)) return kNever;  // +inf included; NaN throws below
  return now + seconds_to_time(seconds);
}

}  // namespace bordersim
