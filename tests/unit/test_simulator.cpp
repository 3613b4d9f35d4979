// Simulator: clock, scheduling, cancellation from handlers, run_until and run.
#include <doctest/doctest.h>

#include <cstdint>
#include <stdexcept>
#include <tuple>
#include <vector>

#include "bordersim/core/simulator.h"

namespace bordersim {
namespace {

// Records (time, data) of every handled event, in handling order.
struct Recorder {
  std::vector<std::pair<Time, std::uint64_t>> seen;
  void operator()(Simulator& sim, const Event& event) { seen.push_back({sim.now(), event.data}); }
};

using Seen = std::vector<std::pair<Time, std::uint64_t>>;

TEST_CASE("Simulator handles events in time then phase then insertion order") {
  Simulator sim;
  sim.schedule(20, Phase::kMove, {}, 0, 1);
  sim.schedule(10, Phase::kDecide, {}, 0, 2);
  sim.schedule(10, Phase::kSense, {}, 0, 3);
  sim.schedule(10, Phase::kDecide, {}, 0, 4);  // same time and phase as 2: after it
  sim.schedule(10, Phase::kMove, {}, 0, 5);
  sim.schedule(5, Phase::kDecide, {}, 0, 6);

  Recorder recorder;
  CHECK(sim.run(recorder) == 6);
  CHECK(recorder.seen == Seen{{5, 6}, {10, 5}, {10, 3}, {10, 2}, {10, 4}, {20, 1}});
}

TEST_CASE("Simulator passes target and kind and data to the handler") {
  Simulator sim;
  sim.schedule(3, Phase::kReport, Target{42, 7}, 9, 123);
  int calls = 0;
  sim.run([&](Simulator& s, const Event& event) {
    ++calls;
    CHECK(s.now() == 3);
    CHECK(event.time == 3);
    CHECK(event.phase == Phase::kReport);
    CHECK(event.target.entity == 42);
    CHECK(event.target.sector == 7);
    CHECK(event.kind == 9);
    CHECK(event.data == 123);
  });
  CHECK(calls == 1);
}

TEST_CASE("Simulator cancel: a cancelled event never fires and stale handles return false") {
  Simulator sim;
  const EventHandle victim = sim.schedule(10, Phase::kMove, {}, 0, 1);
  const EventHandle keeper = sim.schedule(10, Phase::kSense, {}, 0, 2);
  // An earlier event cancels a later one; a same-time event cancels its successor.
  sim.schedule(5, Phase::kMove, {}, 1, 3);
  const EventHandle late = sim.schedule(30, Phase::kMove, {}, 0, 4);
  sim.schedule(30, Phase::kMove, {}, 2, 5);  // same time as `late` but after it: too late

  Recorder recorder;
  bool cancel_of_fired = true;
  sim.run([&](Simulator& s, const Event& event) {
    if (event.kind == 1) CHECK(s.cancel(victim));
    if (event.kind == 2) cancel_of_fired = s.cancel(late);
    recorder(s, event);
  });
  CHECK(recorder.seen == Seen{{5, 3}, {10, 2}, {30, 4}, {30, 5}});
  CHECK_FALSE(cancel_of_fired);
  CHECK_FALSE(sim.cancel(victim));  // cancelled already
  CHECK_FALSE(sim.cancel(keeper));  // fired
  CHECK_FALSE(sim.is_pending(keeper));
  CHECK(sim.pending_count() == 0);
}

TEST_CASE("Simulator pending_count and is_pending follow schedule and cancel") {
  Simulator sim;
  const EventHandle a = sim.schedule(1, Phase::kMove, {}, 0);
  const EventHandle b = sim.schedule(2, Phase::kMove, {}, 0);
  CHECK(sim.pending_count() == 2);
  CHECK(sim.is_pending(a));
  CHECK(sim.cancel(a));
  CHECK_FALSE(sim.is_pending(a));
  CHECK(sim.is_pending(b));
  CHECK(sim.pending_count() == 1);
}

TEST_CASE("Simulator run_until handles events up to and including the end") {
  Simulator sim;
  for (Time t : {10, 20, 30, 40})
    sim.schedule(t, Phase::kMove, {}, 0, static_cast<std::uint64_t>(t));

  Recorder recorder;
  const auto handled = sim.run_until(30, [&](Simulator& s, const Event& event) {
    recorder(s, event);
    // Scheduled during the run: at the current time, before the end, at the end, after it.
    if (event.data == 10) {
      s.schedule_in(0, Phase::kMove, {}, 0, 11);
      s.schedule(25, Phase::kMove, {}, 0, 25);
      s.schedule(30, Phase::kDecide, {}, 0, 31);
      s.schedule(35, Phase::kMove, {}, 0, 35);
    }
  });
  CHECK(handled == 6);
  CHECK(recorder.seen == Seen{{10, 10}, {10, 11}, {20, 20}, {25, 25}, {30, 30}, {30, 31}});
  CHECK(sim.now() == 30);
  CHECK(sim.pending_count() == 2);  // 35 and 40 wait

  SUBCASE("the clock stands at the end even when no event is there") {
    CHECK(sim.run_until(37, recorder) == 1);
    CHECK(sim.now() == 37);
    CHECK(recorder.seen.back() == std::pair<Time, std::uint64_t>{35, 35});
    CHECK(sim.pending_count() == 1);
  }
  SUBCASE("a later run continues where the last one stopped") {
    CHECK(sim.run(recorder) == 2);
    CHECK(sim.now() == 40);
    CHECK(recorder.seen.back() == std::pair<Time, std::uint64_t>{40, 40});
  }
}

TEST_CASE("Simulator run handles events until none is left") {
  Simulator sim;
  sim.schedule(1, Phase::kMove, {}, 0, 0);
  // Each event schedules the next, 100 in all: run must follow the chain to the end.
  const auto handled = sim.run([](Simulator& s, const Event& event) {
    if (event.data < 99) s.schedule_in(3, Phase::kMove, {}, 0, event.data + 1);
  });
  CHECK(handled == 100);
  CHECK(sim.now() == 1 + 99 * 3);
  CHECK(sim.pending_count() == 0);
  CHECK(sim.run([](Simulator&, const Event&) {}) == 0);  // nothing left: a no-op
  CHECK(sim.now() == 1 + 99 * 3);
}

TEST_CASE("Simulator refuses to schedule in the past") {
  Simulator sim;
  CHECK_THROWS_AS(sim.schedule(-1, Phase::kMove, {}, 0), std::logic_error);
  sim.run_until(100, [](Simulator&, const Event&) {});
  REQUIRE(sim.now() == 100);
  CHECK_THROWS_AS(sim.schedule(99, Phase::kMove, {}, 0), std::logic_error);
  CHECK_THROWS_AS(sim.schedule_in(-1, Phase::kMove, {}, 0), std::logic_error);
  CHECK(sim.pending_count() == 0);                        // nothing was added by the failed calls
  CHECK_NOTHROW(sim.schedule(100, Phase::kMove, {}, 0));  // "now" is not the past

  // From inside a handler too.
  Simulator inside;
  inside.schedule(10, Phase::kMove, {}, 0);
  bool threw = false;
  const std::uint64_t handled = inside.run([&](Simulator& s, const Event& event) {
    if (event.kind != 0) return;  // a wrongly accepted event must not loop forever
    try {
      s.schedule(9, Phase::kMove, {}, 1);
    } catch (const std::logic_error&) {
      threw = true;
    }
  });
  CHECK(threw);
  CHECK(handled == 1);
}

TEST_CASE("Two simulators in one process are independent") {
  Simulator a;
  Simulator b;
  // Interleaved scheduling: if state were shared, sequences or clocks would mix.
  for (std::uint64_t i = 0; i < 5; ++i) {
    a.schedule(10, Phase::kMove, {}, 0, i);
    b.schedule(10, Phase::kMove, {}, 0, 100 + i);
  }
  b.schedule(50, Phase::kMove, {}, 0, 200);

  Recorder ra;
  CHECK(a.run_until(20, ra) == 5);
  CHECK(a.now() == 20);
  CHECK(b.now() == 0);
  CHECK(b.pending_count() == 6);
  CHECK(ra.seen == Seen{{10, 0}, {10, 1}, {10, 2}, {10, 3}, {10, 4}});

  // b can still schedule at times that are in a's past.
  CHECK_NOTHROW(b.schedule(5, Phase::kMove, {}, 0, 300));
  Recorder rb;
  CHECK(b.run(rb) == 7);
  CHECK(rb.seen ==
        Seen{{5, 300}, {10, 100}, {10, 101}, {10, 102}, {10, 103}, {10, 104}, {50, 200}});
  CHECK(a.now() == 20);
  CHECK(a.pending_count() == 0);
}

// Two drones' glimpses every 7 and 5 ticks on lanes, quiet (doing nothing but coming
// again) before times that the other events move; the other events (kind 1) land on the
// glimpses' times and phases often, and each pushes its successor. With quiet repeats the handler
// must see the same events in the same order, with the same sequence numbers, and the same
// count as a handler that re-schedules the quiet glimpses itself.
struct LaneWorld {
  Simulator sim;
  bool repeats = false;
  std::uint32_t lanes[2] = {};
  Time until[2] = {0, 0};
  std::uint64_t state = 88172645463325252ULL;
  std::vector<std::tuple<Time, std::uint16_t, std::uint64_t, std::uint64_t>> seen;
  static Time every7(const void*, Time from) { return (from + 6) / 7 * 7; }
  static Time every5(const void*, Time from) { return (from + 4) / 5 * 5; }
  std::uint64_t next() {  // xorshift: the same draws in both worlds
    state ^= state << 13;
    state ^= state >> 7;
    state ^= state << 17;
    return state;
  }
  void publish(int d) {
    if (repeats) sim.set_lane_quiet(lanes[d], until[d], d == 0 ? every7 : every5, nullptr);
  }
  void handle(const Event& e) {
    const Time now = sim.now();
    if (e.kind == 0) {  // a glimpse of drone e.data
      const int d = static_cast<int>(e.data);
      const Time at = d == 0 ? every7(nullptr, now + 1) : every5(nullptr, now + 1);
      if (now < until[d]) {  // quiet: only comes again (the simulator may do this itself)
        CHECK_FALSE(repeats);
        sim.schedule_on_lane(lanes[d], at, Phase::kSense, {}, 0, e.data);
        return;
      }
      seen.push_back({now, e.kind, e.sequence, e.data});
      until[d] = now + static_cast<Time>(next() % 200);
      publish(d);
      sim.schedule_on_lane(lanes[d], at, Phase::kSense, {}, 0, e.data);
      return;
    }
    seen.push_back({now, e.kind, e.sequence, e.data});
    // Its successor (20 of them go round), often at a glimpse's time and phase.
    sim.schedule(now + static_cast<Time>(next() % 40), static_cast<Phase>(next() % 4), {}, 1,
                 next() % 1000);
    if (next() % 5 == 0) {  // a new walker: a drone looks at its next glimpse
      const int d = static_cast<int>(next() % 2);
      until[d] = now;
      publish(d);
    }
  }
};

std::uint64_t run_lanes(LaneWorld& world, Time end) {
  for (int d = 0; d < 2; ++d) {
    world.lanes[d] = world.sim.add_lane();
    world.sim.schedule_on_lane(world.lanes[d], 0, Phase::kSense, {}, 0,
                               static_cast<std::uint64_t>(d));
  }
  for (int i = 0; i < 20; ++i) world.sim.schedule(static_cast<Time>(i * 3), Phase::kMove, {}, 1, 0);
  return world.sim.run_until(end, [&](Simulator&, const Event& e) { world.handle(e); });
}

TEST_CASE("Simulator quiet repeats on lanes: the same events, order and count") {
  LaneWorld plain, quiet;
  quiet.repeats = true;
  const std::uint64_t handled = run_lanes(plain, 20000);
  CHECK(run_lanes(quiet, 20000) == handled);
  CHECK(quiet.seen == plain.seen);
  CHECK(quiet.sim.now() == plain.sim.now());
  CHECK(quiet.sim.pending_count() == plain.sim.pending_count());
  // Not vacuous: most glimpses were quiet, and other events shared their ticks.
  long glimpses = 0;
  for (const auto& s : plain.seen) glimpses += std::get<1>(s) == 0;
  MESSAGE("handled ", handled, ", seen by the handler ", plain.seen.size(), ", glimpses seen ",
          glimpses);
  CHECK(handled > plain.seen.size() + 2000);
}

}  // namespace
}  // namespace bordersim
