// The classic hold model for pending-event sets: fill the queue with N events, then
// repeat "pop the earliest, push a new one at its time + a random increment". The size
// stays N; after N warm-up holds the queue's time distribution is close to stationary,
// and the timed holds measure what a simulator pays per event.
//
// Compared, in one process on one workload: the engine's EventQueue (4-ary heap with
// cancellable slots), std::priority_queue (the bare binary heap, no cancel), a 4-ary
// heap, std::multiset (a red-black tree) and boost::heap::pairing_heap.
#include <fmt/core.h>

#include <CLI/CLI.hpp>
#include <algorithm>
#include <boost/heap/pairing_heap.hpp>
#include <boost/random/exponential_distribution.hpp>
#include <chrono>
#include <cmath>
#include <cstdint>
#include <queue>
#include <set>
#include <string>
#include <vector>

#include "bordersim/core/event_queue.h"
#include "bordersim/random/stream.h"

namespace bordersim {
namespace {

struct FiresLater {  // for max-heaps: the earliest event on top
  bool operator()(const Event& a, const Event& b) const { return fires_before(b, a); }
};
struct FiresBefore {
  bool operator()(const Event& a, const Event& b) const { return fires_before(a, b); }
};

// --- the contenders, each with push(Event) and pop() -> Event ---

struct EngineQueue {
  static constexpr const char* name = "EventQueue (4-ary heap, cancellable)";
  EventQueue queue;
  void push(const Event& e) { queue.push(e); }
  Event pop() {
    queue.has_live_top();
    return queue.pop();
  }
};

struct StdPriorityQueue {
  static constexpr const char* name = "std::priority_queue";
  std::priority_queue<Event, std::vector<Event>, FiresLater> queue;
  void push(const Event& e) { queue.push(e); }
  Event pop() {
    const Event e = queue.top();
    queue.pop();
    return e;
  }
};

// A 4-ary heap: half the depth of a binary heap, and a node's children share cache lines.
struct QuaternaryHeap {
  static constexpr const char* name = "4-ary heap";
  static constexpr std::size_t D = 4;
  std::vector<Event> v;
  void push(const Event& e) {
    std::size_t i = v.size();
    v.push_back(e);
    while (i > 0 && fires_before(e, v[(i - 1) / D])) {
      v[i] = v[(i - 1) / D];
      i = (i - 1) / D;
    }
    v[i] = e;
  }
  Event pop() {
    const Event top = v.front();
    const Event last = v.back();
    v.pop_back();
    if (v.empty()) return top;
    // Sift the last element down from the root, moving the earliest child up.
    std::size_t i = 0;
    for (;;) {
      const std::size_t first = D * i + 1;
      if (first >= v.size()) break;
      const std::size_t stop = std::min(first + D, v.size());
      std::size_t best = first;
      for (std::size_t c = first + 1; c < stop; ++c)
        if (fires_before(v[c], v[best])) best = c;
      if (!fires_before(v[best], last)) break;
      v[i] = v[best];
      i = best;
    }
    v[i] = last;
    return top;
  }
};

struct MultisetQueue {
  static constexpr const char* name = "std::multiset";
  std::multiset<Event, FiresBefore> queue;
  void push(const Event& e) { queue.insert(e); }
  Event pop() {
    const Event e = *queue.begin();
    queue.erase(queue.begin());
    return e;
  }
};

struct PairingHeap {
  static constexpr const char* name = "boost::heap::pairing_heap";
  boost::heap::pairing_heap<Event, boost::heap::compare<FiresLater>> queue;
  void push(const Event& e) { queue.push(e); }
  Event pop() {
    const Event e = queue.top();
    queue.pop();
    return e;
  }
};

// Increments drawn once, so every queue sees the same times and no RNG cost is timed.
// Exp(mean 1 s) at the engine's millisecond ticks, as in the model: with large N many
// events share a tick, and the sequence number decides.
struct Workload {
  std::vector<Time> increments;  // size a power of two, indexed modulo
};

Workload make_workload() {
  Stream stream(StreamKey{1, 0, EntityKey{EntityKind::kBenchmark, 0}, Purpose::kBenchmark});
  boost::random::exponential_distribution<double> exponential(1.0);
  Workload w;
  w.increments.resize(std::size_t{1} << 20);
  for (Time& t : w.increments) t = seconds_to_time(exponential(stream));
  return w;
}

struct Measurement {
  double ns_per_hold;
  std::uint64_t checksum;  // of the popped (time, sequence) pairs: equal for every queue
};

template <class Queue>
Measurement hold(const Workload& w, std::size_t n, std::size_t holds) {
  Queue queue;
  const std::size_t mask = w.increments.size() - 1;
  std::size_t next = 0;
  std::uint64_t sequence = 0;
  auto make = [&](Time time) {
    Event e;
    e.time = time;
    e.sequence = sequence++;
    return e;
  };
  for (std::size_t i = 0; i < n; ++i) queue.push(make(w.increments[next++ & mask]));

  std::uint64_t checksum = 0;
  auto one_hold = [&] {
    const Event e = queue.pop();
    checksum = checksum * 31 + static_cast<std::uint64_t>(e.time) + (e.sequence << 40);
    queue.push(make(e.time + w.increments[next++ & mask]));
  };
  for (std::size_t i = 0; i < n; ++i) one_hold();  // warm-up: reach the steady state
  const auto start = std::chrono::steady_clock::now();
  for (std::size_t i = 0; i < holds; ++i) one_hold();
  const std::chrono::duration<double, std::nano> elapsed = std::chrono::steady_clock::now() - start;
  return {elapsed.count() / static_cast<double>(holds), checksum};
}

// Best of `repeat` fresh runs: the least disturbed by other processes on the machine.
template <class Queue>
Measurement best_of(const Workload& w, std::size_t n, std::size_t holds, int repeat) {
  Measurement best = hold<Queue>(w, n, holds);
  for (int r = 1; r < repeat; ++r) {
    const Measurement m = hold<Queue>(w, n, holds);
    best.ns_per_hold = std::min(best.ns_per_hold, m.ns_per_hold);
  }
  return best;
}

int run(int argc, char** argv) {
  std::vector<std::size_t> sizes = {100, 10'000, 1'000'000};
  std::size_t holds = 2'000'000;
  int repeat = 3;
  CLI::App app("Hold-model benchmark of pending-event-set implementations");
  app.add_option("--sizes", sizes, "queue sizes N")->delimiter(',');
  app.add_option("--holds", holds, "timed holds per run (after N warm-up holds)");
  app.add_option("--repeat", repeat, "runs per measurement; the fastest counts")
      ->check(CLI::PositiveNumber);
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    return app.exit(e) == 0 ? 0 : 2;
  }

  const Workload w = make_workload();
  fmt::print(
      "hold model: {} timed holds after N warm-up holds, best of {}; increments Exp(1 s) in ms\n",
      holds, repeat);
  fmt::print("{:>9}  {:<26} {:>9}  {:>12}\n", "N", "queue", "ns/hold", "vs EventQueue");
  bool agree = true;
  for (const std::size_t n : sizes) {
    const Measurement base = best_of<EngineQueue>(w, n, holds, repeat);
    auto report = [&](const char* name, const Measurement& m) {
      const bool same = m.checksum == base.checksum;
      agree = agree && same;
      fmt::print("{:>9}  {:<26} {:>9.1f}  {:>12.2f}{}\n", n, name, m.ns_per_hold,
                 m.ns_per_hold / base.ns_per_hold, same ? "" : "  POPPED A DIFFERENT SEQUENCE");
    };
    report(EngineQueue::name, base);
    report(StdPriorityQueue::name, best_of<StdPriorityQueue>(w, n, holds, repeat));
    report(QuaternaryHeap::name, best_of<QuaternaryHeap>(w, n, holds, repeat));
    report(MultisetQueue::name, best_of<MultisetQueue>(w, n, holds, repeat));
    report(PairingHeap::name, best_of<PairingHeap>(w, n, holds, repeat));
  }
  return agree ? 0 : 1;
}

}  // namespace
}  // namespace bordersim

int main(int argc, char** argv) { return bordersim::run(argc, argv); }
