#pragma once
// The discrete-event core: a clock and a pending-event set. One Simulator per
// replication; no globals, so any number of them run side by side in one process.
#include <cstdint>
#include <limits>
#include <stdexcept>
#include <string>
#include <vector>

#include "bordersim/core/event_queue.h"

namespace bordersim {

// A run handled its event limit and had more due: thrown instead of handling them, so that
// a replication gone out of bounds (a scenario asking for billions of events) stops.
class EventLimitExceeded : public std::runtime_error {
 public:
  EventLimitExceeded(std::uint64_t limit, Time at)
      : std::runtime_error("more than " + std::to_string(limit) + " events by " +
                           std::to_string(time_to_seconds(at)) + " s of simulated time"),
        limit_(limit),
        at_(at) {}
  std::uint64_t limit() const { return limit_; }
  Time at() const { return at_; }  // the clock when the limit was reached

 private:
  std::uint64_t limit_;
  Time at_;
};

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
  // An entity that keeps one event pending and re-schedules itself often may keep it in a
  // lane of its own (EventQueue): the same order, without the heap's sifts.
  std::uint32_t add_lane() {
    quiet_.push_back({});
    return queue_.add_lane();
  }
  // Quiet repeats: a lane's event before `until` is one its handler would only schedule
  // again on the lane, at repeat(context, its time + 1) (a drone's glimpse that cannot find
  // anyone). The simulator does that itself, counted as handled, without the handler: the
  // same events, sequence numbers and order, with no round trip through the handler (and,
  // while the lane stays the earliest, through the queue). until = 0: none.
  using Repeat = Time (*)(const void* context, Time from);
  void set_lane_quiet(std::uint32_t lane, Time until, Repeat repeat, const void* context) {
    quiet_.at(lane) = {until, repeat, context};
  }
  void schedule_on_lane(std::uint32_t lane, Time at, Phase phase, Target target, std::uint16_t kind,
                        std::uint64_t data = 0) {
    if (at < now_) throw std::logic_error("Simulator::schedule: time in the past");
    queue_.push_to_lane(lane, {at, phase, next_sequence_++, target, kind, data});
  }
  bool cancel(EventHandle handle) { return queue_.cancel(handle); }
  // At most `max_events` events are handled over the simulator's life; one more due throws
  // EventLimitExceeded before it is handled. Default: no limit.
  void set_event_limit(std::uint64_t max_events) { max_events_ = max_events; }
  bool is_pending(EventHandle handle) const { return queue_.is_pending(handle); }
  std::size_t pending_count() const { return queue_.live_count(); }

  // Handles, in (time, phase, sequence) order, every event with time <= end, including
  // those that handlers schedule meanwhile; the clock then stands at `end`.
  // `handler(Simulator&, const Event&)` is called once per event. Returns the count handled.
  template <class Handler>
  std::uint64_t run_until(Time end, Handler&& handler) {
    std::uint64_t handled = 0;
    while (queue_.has_live_top() && queue_.top().time <= end) {
      if (handled_total_ == max_events_) throw EventLimitExceeded(max_events_, now_);
      ++handled_total_;
      const std::uint32_t lane = queue_.top_lane();
      const Event event = queue_.pop();
      now_ = event.time;
      ++handled;
      if (lane != EventQueue::kNoLane && event.time < quiet_[lane].until)
        repeat_quietly(lane, event, end, handled);
      else
        handler(*this, event);
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
  struct LaneQuiet {
    Time until = 0;
    Repeat repeat = nullptr;
    const void* context = nullptr;
  };
  // `event` (handled) is quiet: its repeats follow while they are quiet and come first.
  void repeat_quietly(std::uint32_t lane, Event event, Time end, std::uint64_t& handled) {
    const LaneQuiet& quiet = quiet_[lane];
    for (;;) {
      event.time = quiet.repeat(quiet.context, event.time + 1);
      event.sequence = next_sequence_++;
      if (!(event.time < quiet.until && event.time <= end && handled_total_ != max_events_ &&
            queue_.before_all(event)))
        break;
      ++handled_total_;
      ++handled;
      now_ = event.time;
    }
    queue_.push_to_lane(lane, event);
  }

  Time now_ = 0;
  std::uint64_t next_sequence_ = 0;
  std::uint64_t handled_total_ = 0;
  std::uint64_t max_events_ = std::numeric_limits<std::uint64_t>::max();
  EventQueue queue_;
  std::vector<LaneQuiet> quiet_;  // per lane
};

}  // namespace bordersim
