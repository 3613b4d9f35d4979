#pragma once
// An event: what happens, when, to whom. Plain data so that queues can move it cheaply.
#include <cstdint>

#include "bordersim/core/time.h"

namespace bordersim {

// Same-time events run in phase order: movement first, then sensing, then decisions.
// The order is deliberate, so that a crosser that arrives somewhere at time t is seen
// there by a glimpse at time t, and a decision at time t sees every detection of time t.
enum class Phase : std::uint8_t { kMove = 0, kSense = 1, kReport = 2, kDecide = 3 };

// The entity an event is addressed to. `sector` is the stretch of border the entity
// belongs to when the event is scheduled; a parallel engine partitions events by it.
struct Target {
  std::uint32_t entity = 0;
  std::uint16_t sector = 0;
};

struct Event {
  Time time = 0;
  Phase phase = Phase::kMove;
  std::uint64_t sequence = 0;  // insertion order: the last tie-breaker
  Target target;
  std::uint16_t kind = 0;  // model-defined handler selector
  std::uint64_t data = 0;  // model-defined payload (an index, a tower id, ...)
};

// Total order (time, phase, sequence): sequence numbers are unique, so no two events tie.
inline bool fires_before(const Event& a, const Event& b) {
  if (a.time != b.time) return a.time < b.time;
  if (a.phase != b.phase) return a.phase < b.phase;
  return a.sequence < b.sequence;
}

}  // namespace bordersim
