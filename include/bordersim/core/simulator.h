#pragma once
// The discrete-event core: a clock and a pending-event set. One Simulator per
// replication; no globals, so any number of them run side by side in one process.
#include <cstdint>
#include <stdexcept>

#include "bordersim/core/event_queue.h"

namespace bordersim {

class Simulator {
 public:
  Time now() const { return now_; }

  // Schedules an event at absolute time `at` (never in the past).
  EventHandle schedule(Time at, Phase phase, Target target, std::uint16_t kind,
                       std::uint64_t data = 0) {
    if (at < now_) throw std::logic_error("Simulator::schedule: time in the past");
    return queue_.push({at, phase, next_sequence_++, target, kind, data});
  }
  EventHandle schedule_in(Time delay, Phase phase, Target target, std::uint16_t kind,
                          std::uint64_t data = 0) {
    return schedule(now_ + delay, phase, target, kind, data);
  }
  bool cancel(EventHandle handle) { return queue_.cancel(handle); }
  bool is_pending(EventHandle handle) const { return queue_.is_pending(handle); }
  std::size_t pending_count() const { return queue_.live_count(); }

  // Handles, in (time, phase, sequence) order, every event with time <= end, including
  // those that handlers schedule meanwhile; the clock then stands at `end`.
  // `handler(Simulator&, const Event&)` is called once per event. Returns the count handled.
  template <class Handler>
  std::uint64_t run_until(Time end, Handler&& handler) {
    std::uint64_t handled = 0;
    while (queue_.has_live_top() && queue_.top().time <= end) {
      const Event event = queue_.pop();
      now_ = event.time;
      handler(*this, event);
      ++handled;
    }
    if (end != kNever && end > now_) now_ = end;
    return handled;
  }

  // Handles events until none is left; the clock stands at the last event's time.
  template <class Handler>
  std::uint64_t run(Handler&& handler) {
    return run_until(kNever, handler);
  }

 private:
  Time now_ = 0;
  std::uint64_t next_sequence_ = 0;
  EventQueue queue_;
};

}  // namespace bordersim
