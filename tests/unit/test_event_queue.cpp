// EventQueue: the (time, phase, sequence) order and O(1) cancellation with stale-handle
// detection. The Simulator on top of it is tested in test_simulator.cpp.
#include <doctest/doctest.h>

#include <algorithm>
#include <cstdint>
#include <random>
#include <set>
#include <stdexcept>
#include <tuple>
#include <vector>

#include "bordersim/core/event_queue.h"

namespace bordersim {
namespace {

Event make_event(Time time, std::uint64_t sequence, Phase phase = Phase::kMove) {
  Event event;
  event.time = time;
  event.phase = phase;
  event.sequence = sequence;
  event.data = sequence;  // lets tests tell events apart after popping
  return event;
}

std::vector<std::uint64_t> drain(EventQueue& queue) {
  std::vector<std::uint64_t> popped;
  while (queue.has_live_top()) popped.push_back(queue.pop().data);
  return popped;
}

TEST_CASE("EventQueue pops events in time order whatever the push order") {
  EventQueue queue;
  const std::vector<Time> times = {50, 10, 40, 0, 30, 20, 60, 5};
  for (std::size_t i = 0; i < times.size(); ++i) queue.push(make_event(times[i], i));
  CHECK(queue.live_count() == times.size());

  std::vector<Time> popped;
  while (queue.has_live_top()) popped.push_back(queue.pop().time);
  CHECK(popped == std::vector<Time>{0, 5, 10, 20, 30, 40, 50, 60});
  CHECK(queue.live_count() == 0);
}

TEST_CASE("EventQueue breaks time ties by phase then by sequence") {
  EventQueue queue;
  // Pushed in an order that is neither phase order nor sequence order.
  queue.push(make_event(7, 4, Phase::kDecide));
  queue.push(make_event(7, 9, Phase::kMove));
  queue.push(make_event(7, 2, Phase::kSense));
  queue.push(make_event(7, 1, Phase::kDecide));
  queue.push(make_event(7, 3, Phase::kMove));
  queue.push(make_event(6, 8, Phase::kDecide));  // earlier time beats any phase
  CHECK(drain(queue) == std::vector<std::uint64_t>{8, 3, 9, 2, 1, 4});
}

TEST_CASE("EventQueue cancel works once and only on pending events") {
  EventQueue queue;
  const EventHandle first = queue.push(make_event(1, 0));
  const EventHandle second = queue.push(make_event(2, 1));
  const EventHandle third = queue.push(make_event(3, 2));

  CHECK(queue.is_pending(second));
  CHECK(queue.cancel(second));
  CHECK_FALSE(queue.is_pending(second));
  CHECK(queue.live_count() == 2);
  CHECK_FALSE(queue.cancel(second));  // already cancelled
  CHECK(queue.live_count() == 2);

  REQUIRE(queue.has_live_top());
  CHECK(queue.pop().data == 0);
  CHECK_FALSE(queue.is_pending(first));
  CHECK_FALSE(queue.cancel(first));  // already fired
  CHECK(queue.live_count() == 1);

  CHECK(drain(queue) == std::vector<std::uint64_t>{2});  // the cancelled event never fires
  CHECK_FALSE(queue.cancel(third));
  CHECK_FALSE(queue.cancel(EventHandle{}));  // a default handle names nothing
}

TEST_CASE("EventQueue skips a cancelled event at the top") {
  EventQueue queue;
  const EventHandle top = queue.push(make_event(1, 0));
  queue.push(make_event(2, 1));
  CHECK(queue.cancel(top));
  REQUIRE(queue.has_live_top());
  CHECK(queue.top().data == 1);

  // With every event cancelled the queue reports no live top.
  EventQueue empty_after_cancel;
  const EventHandle only = empty_after_cancel.push(make_event(1, 0));
  CHECK(empty_after_cancel.cancel(only));
  CHECK_FALSE(empty_after_cancel.has_live_top());
  CHECK(empty_after_cancel.live_count() == 0);
}

TEST_CASE("EventQueue slot reuse does not let an old handle touch a new event") {
  SUBCASE("slot freed by firing") {
    EventQueue queue;
    const EventHandle old_handle = queue.push(make_event(1, 0));
    REQUIRE(queue.has_live_top());
    queue.pop();
    const EventHandle new_handle = queue.push(make_event(2, 1));
    REQUIRE(new_handle.slot == old_handle.slot);  // otherwise this test proves nothing
    CHECK_FALSE(queue.is_pending(old_handle));
    CHECK_FALSE(queue.cancel(old_handle));
    CHECK(queue.is_pending(new_handle));
    CHECK(drain(queue) == std::vector<std::uint64_t>{1});
  }
  SUBCASE("slot freed by cancelling") {
    EventQueue queue;
    const EventHandle old_handle = queue.push(make_event(1, 0));
    CHECK(queue.cancel(old_handle));
    CHECK_FALSE(queue.has_live_top());  // discards the dead entry, freeing its slot
    const EventHandle new_handle = queue.push(make_event(2, 1));
    REQUIRE(new_handle.slot == old_handle.slot);
    CHECK_FALSE(queue.cancel(old_handle));
    CHECK(queue.is_pending(new_handle));
    CHECK(drain(queue) == std::vector<std::uint64_t>{1});
  }
}

// Random pushes, pops and cancels against a std::set reference: catches heap-order and
// bookkeeping slips that the hand-written cases above might miss.
TEST_CASE("EventQueue agrees with a reference set under random operations") {
  std::mt19937_64 rng(12345);  // only the order of operations; no distribution used
  EventQueue queue;
  using Key = std::tuple<Time, Phase, std::uint64_t>;
  std::set<Key> reference;
  std::vector<std::pair<EventHandle, Key>> handles;
  std::uint64_t sequence = 0;
  Time now = 0;

  for (int step = 0; step < 20000; ++step) {
    const std::uint64_t action = rng() % 10;
    if (action < 5) {
      const Event event = make_event(now + static_cast<Time>(rng() % 50), sequence++,
                                     static_cast<Phase>(rng() % 4));
      handles.push_back({queue.push(event), {event.time, event.phase, event.sequence}});
      reference.insert(handles.back().second);
    } else if (action < 7 && !handles.empty()) {
      const auto& [handle, key] = handles[rng() % handles.size()];
      CHECK(queue.cancel(handle) == (reference.erase(key) == 1));
    } else {
      REQUIRE(queue.has_live_top() == !reference.empty());
      if (reference.empty()) continue;
      const Event event = queue.pop();
      CHECK(Key{event.time, event.phase, event.sequence} == *reference.begin());
      reference.erase(reference.begin());
      now = event.time;
    }
    REQUIRE(queue.live_count() == reference.size());
  }
}

TEST_CASE("EventQueue merges lanes and heap in one order under random operations") {
  // As above, with a third of the pushes into four lanes (each holding one event at most,
  // as a drone's glimpses do); ties in time are frequent (times within 8 ticks).
  std::mt19937_64 rng(2026);
  EventQueue queue;
  using Key = std::tuple<Time, Phase, std::uint64_t>;
  std::set<Key> reference;
  std::vector<std::pair<EventHandle, Key>> handles;
  std::vector<std::uint32_t> lanes;
  for (int i = 0; i < 4; ++i) lanes.push_back(queue.add_lane());
  std::vector<bool> busy(lanes.size(), false);
  std::vector<std::uint64_t> in_lane(lanes.size());
  std::uint64_t sequence = 0;
  Time now = 0;
  long lane_pops = 0;
  for (int step = 0; step < 40000; ++step) {
    const std::uint64_t action = rng() % 10;
    const Event event =
        make_event(now + static_cast<Time>(rng() % 8), sequence, static_cast<Phase>(rng() % 4));
    const std::size_t lane = rng() % lanes.size();
    if (action < 2 && !busy[lane]) {
      ++sequence;
      queue.push_to_lane(lanes[lane], event);
      busy[lane] = true;
      in_lane[lane] = event.sequence;
      reference.insert({event.time, event.phase, event.sequence});
    } else if (action < 4) {
      ++sequence;
      handles.push_back({queue.push(event), {event.time, event.phase, event.sequence}});
      reference.insert(handles.back().second);
    } else if (action < 5 && !handles.empty()) {
      const auto& [handle, key] = handles[rng() % handles.size()];
      CHECK(queue.cancel(handle) == (reference.erase(key) == 1));
    } else {
      REQUIRE(queue.has_live_top() == !reference.empty());
      if (reference.empty()) continue;
      CHECK(queue.top().sequence == std::get<2>(*reference.begin()));
      const Event popped = queue.pop();
      CHECK(Key{popped.time, popped.phase, popped.sequence} == *reference.begin());
      reference.erase(reference.begin());
      for (std::size_t l = 0; l < lanes.size(); ++l)
        if (busy[l] && in_lane[l] == popped.sequence) {
          busy[l] = false;
          ++lane_pops;
        }
      now = popped.time;
    }
    REQUIRE(queue.live_count() == reference.size());
  }
  MESSAGE("events popped from lanes: ", lane_pops);
  CHECK(lane_pops > 2000);
}

TEST_CASE("EventQueue refuses a second event in a lane") {
  EventQueue queue;
  const std::uint32_t lane = queue.add_lane();
  queue.push_to_lane(lane, make_event(5, 0));
  CHECK_THROWS_AS(queue.push_to_lane(lane, make_event(6, 1)), std::logic_error);
  CHECK(queue.pop().sequence == 0);
  queue.push_to_lane(lane, make_event(6, 1));
  CHECK(queue.live_count() == 1);
}

}  // namespace
}  // namespace bordersim
