#pragma once
// When a sensor is in service. Random failures and repairs form an alternating renewal
// process with exponential up periods (mean MTBF) and down periods (mean MTTR); scheduled
// maintenance adds fixed windows. One replication's timeline is drawn upfront from a
// keyed stream (sensors × down periods is small), so a sensor has the same failures in
// every variant that has it, and queries are binary searches.
#include <cstdint>
#include <span>
#include <vector>

#include "bordersim/core/time.h"
#include "bordersim/random/stream.h"

namespace bordersim::sensors {

// Down for `duration` at first, first + every, first + 2·every, ...; every = 0: once.
struct ScheduledDowntime {
  double first_at_s = 0.0;
  double every_s = 0.0;
  double duration_s = 0.0;
};

struct AvailabilityParams {
  double mtbf_s = 0.0;  // 0: never fails
  double mttr_s = 0.0;  // > 0 where mtbf_s > 0
  std::vector<ScheduledDowntime> downtime;

  // No failures and no maintenance: always up, and no stream is read.
  bool always_up() const { return mtbf_s <= 0.0 && downtime.empty(); }
  // The long-run fraction of time down from failures alone: MTTR / (MTBF + MTTR).
  double failure_unavailability() const;
};

// A half-open interval of time [begin, end).
struct Interval {
  Time begin = 0;
  Time end = 0;
};

class Availability {
 public:
  // Always up.
  Availability() = default;

  // The timeline over [0, horizon): the random process starts in its stationary state (up
  // with probability MTBF / (MTBF + MTTR), and the first period's remaining length again
  // exponential with that state's mean, by memorylessness), so P(down at t) is the same
  // at every t. Draws: first a uniform for the initial state, then one exponential per
  // period, in time order, from `stream` (Purpose::kAvailability). Scheduled windows are
  // merged in. After `horizon` the sensor is up. Throws std::invalid_argument when
  // mtbf_s > 0 and mttr_s <= 0, or a window has every_s in (0, duration_s).
  Availability(const AvailabilityParams& params, Time horizon, Stream stream);

  // Down over `down` (put in normal form by merge_intervals) and up elsewhere: a timeline
  // with other reasons to be down merged in (a drone grounded by the weather).
  static Availability from_intervals(std::vector<Interval> down, Time horizon);

  bool up(Time t) const;
  // The first time > t at which up() changes; kNever when it never does again.
  Time next_change(Time t) const;
  // Sorted, disjoint, non-adjacent, non-empty intervals within [0, horizon).
  std::span<const Interval> down_intervals() const { return down_; }
  // Time down within [from, to).
  Time down_time(Time from, Time to) const;

 private:
  std::vector<Interval> down_;
};

// Sorts, clips to [0, horizon), drops empty intervals and merges overlapping or touching
// ones: the normal form down_intervals() returns.
std::vector<Interval> merge_intervals(std::vector<Interval> intervals, Time horizon);

}  // namespace bordersim::sensors
