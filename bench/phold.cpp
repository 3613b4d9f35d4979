// PHOLD, as ROSS's models/phold defines it, on the bordersim engine: sequentially on one
// Simulator, and conservatively in parallel (YAWNS-style windows of width = lookahead)
// with LPs partitioned over TBB workers. Both engines commit the same events, which the
// printed checksum shows and `--verify` checks.
//
// The model (ROSS phold.c): each LP starts with `start-events` self-addressed events at
// lookahead + Exp(m), m = mean - lookahead. Handling an event schedules exactly one more,
// at now + lookahead + Exp(m), sent to a uniformly chosen LP (itself included) with
// probability `remote`, else to itself. Events at or after `end` are not created.
// With the defaults (m = 0) every increment is exactly 1, so each LP commits the
// events at 1, 2, ..., end - 1: nlp * (end - 1) in all.
#include <oneapi/tbb/global_control.h>
#include <oneapi/tbb/parallel_for.h>
#include <oneapi/tbb/partitioner.h>
#include <oneapi/tbb/task_arena.h>

#include <CLI/CLI.hpp>
#include <algorithm>
#include <boost/random/exponential_distribution.hpp>
#include <boost/random/uniform_int_distribution.hpp>
#include <chrono>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <optional>
#include <vector>

#include "bordersim/core/simulator.h"
#include "bordersim/random/stream.h"

namespace bordersim {
namespace {

// ROSS's model time is a double; the engine's is integer ticks. A fine resolution keeps
// increments of 1.0 (and 0.1) exact and makes rounding of Exp(m) draws negligible.
constexpr double kTicksPerUnit = 1e6;

struct Options {
  std::uint64_t nlp = 8;
  std::uint64_t start_events = 1;
  double mean = 1.0;
  double lookahead = 1.0;
  double remote = 0.25;
  double end = 100000.0;
  std::uint64_t seed = 1;
  unsigned threads = 1;
  unsigned partitions = 0;  // 0: one per thread
};

// The model in engine units, shared read-only by every LP and thread.
struct Model {
  std::uint32_t nlp;
  std::uint64_t start_events;
  Time lookahead;  // ticks
  Time end;        // ticks; events at or after it are not created
  double remote;
  std::optional<boost::random::exponential_distribution<double>> delay;  // none when m = 0
  boost::random::uniform_int_distribution<std::uint32_t> any_lp;
  std::uint64_t seed;

  explicit Model(const Options& o)
      : nlp(static_cast<std::uint32_t>(o.nlp)),
        start_events(o.start_events),
        lookahead(std::llround(o.lookahead * kTicksPerUnit)),
        end(std::llround(o.end * kTicksPerUnit)),
        remote(o.remote),
        any_lp(0, nlp - 1),
        seed(o.seed) {
    if (o.mean > o.lookahead) delay.emplace(1.0 / (o.mean - o.lookahead));
  }

  // One stream per LP, keyed by its index: draws do not depend on partitioning.
  Stream stream_of(std::uint32_t lp) const {
    return Stream(StreamKey{seed, 0, EntityKey{EntityKind::kBenchmark, lp}, Purpose::kBenchmark});
  }
  Time increment(Stream& stream) const {
    if (!delay) return lookahead;
    return lookahead + std::llround((*delay)(stream)*kTicksPerUnit);
  }
  // ROSS's handler: one uniform for "remote?" (u <= remote, as ROSS has it), one integer
  // for the destination if so, then the delay. Returns the destination; `at` receives
  // the new event's time.
  std::uint32_t next(std::uint32_t lp, Stream& stream, Time now, Time& at) const {
    std::uint32_t destination = lp;
    if (uniform01(stream) <= remote) destination = any_lp(stream);
    at = now + increment(stream);
    return destination;
  }
};

// Committed events and an order-independent checksum of their (time, LP) pairs: a sum of
// mixed values, so partitions can add theirs in any grouping and still agree.
struct Tally {
  std::uint64_t committed = 0;
  std::uint64_t checksum = 0;
  void add(Time time, std::uint32_t lp) {
    std::uint64_t x = static_cast<std::uint64_t>(time) * 0x9E3779B97F4A7C15ULL ^ lp;
    x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9ULL;  // splitmix64 finaliser
    x = (x ^ (x >> 27)) * 0x94D049BB133111EBULL;
    checksum += x ^ (x >> 31);
    ++committed;
  }
  void add(const Tally& other) {
    committed += other.committed;
    checksum += other.checksum;
  }
};

// Why handling order among same-time events does not matter (so the parallel engine
// may deliver them in another order than the sequential one): PHOLD events carry no
// payload, so events with equal (time, LP) are interchangeable, and an LP's draws depend
// only on how many events it handled before, all of them at earlier or equal times.

Tally run_sequential(const Model& model) {
  Simulator sim;
  std::vector<Stream> streams;
  for (std::uint32_t lp = 0; lp < model.nlp; ++lp) streams.push_back(model.stream_of(lp));
  for (std::uint32_t lp = 0; lp < model.nlp; ++lp) {
    for (std::uint64_t k = 0; k < model.start_events; ++k) {
      const Time at = model.increment(streams[lp]);
      if (at < model.end) sim.schedule(at, Phase::kMove, Target{lp, 0}, 0);
    }
  }
  Tally tally;
  sim.run([&](Simulator& s, const Event& event) {
    const std::uint32_t lp = event.target.entity;
    tally.add(event.time, lp);
    Time at = 0;
    const std::uint32_t destination = model.next(lp, streams[lp], s.now(), at);
    if (at < model.end) s.schedule(at, Phase::kMove, Target{destination, 0}, 0);
  });
  return tally;
}

// An event on its way to another partition, delivered at the next window barrier.
struct Remote {
  Time time;
  std::uint32_t lp;
};

// A contiguous block of LPs with its own queue. Aligned so that neighbouring partitions'
// hot fields do not share a cache line.
struct alignas(64) Partition {
  std::uint32_t first_lp = 0;
  Simulator sim;
  std::vector<Stream> streams;                 // streams[lp - first_lp]
  std::vector<std::vector<Remote>> outbox[2];  // [window parity][destination partition]
  Tally tally;
};

// YAWNS with a fixed window width equal to the lookahead: an event handled in the window
// [w L, (w + 1) L) creates events at or after (w + 1) L, so partitions can handle their
// windows independently and exchange cross-partition events at the barrier. Outboxes
// are double-buffered by window parity so that delivery (reading the previous window's
// boxes) and sending (writing this window's) happen in the same parallel step.
Tally run_parallel(const Model& model, unsigned partitions, unsigned threads) {
  const std::uint32_t count = std::min<std::uint32_t>(partitions, model.nlp);
  // Partition p owns LPs [ceil(p n / P), ceil((p + 1) n / P)), so owner(lp) = floor(lp P / n).
  auto owner = [&](std::uint32_t lp) {
    return static_cast<std::uint32_t>(std::uint64_t{lp} * count / model.nlp);
  };
  std::vector<Partition> parts(count);
  for (std::uint32_t p = 0; p < count; ++p) {
    Partition& part = parts[p];
    part.first_lp = static_cast<std::uint32_t>((std::uint64_t{p} * model.nlp + count - 1) / count);
    for (auto& boxes : part.outbox) boxes.resize(count);
  }
  for (std::uint32_t lp = 0; lp < model.nlp; ++lp) {
    Partition& part = parts[owner(lp)];
    part.streams.push_back(model.stream_of(lp));
    for (std::uint64_t k = 0; k < model.start_events; ++k) {
      const Time at = model.increment(part.streams.back());
      if (at < model.end) part.sim.schedule(at, Phase::kMove, Target{lp, 0}, 0);
    }
  }

  // Exactly `threads` workers, even beyond the core count (a test runs 3 on 2 cores).
  tbb::global_control allow(tbb::global_control::max_allowed_parallelism, threads);
  tbb::task_arena arena(static_cast<int>(threads));
  arena.execute([&] {
    for (std::uint64_t w = 0; static_cast<Time>(w) * model.lookahead < model.end; ++w) {
      const Time last_tick =
          std::min<Time>(static_cast<Time>(w + 1) * model.lookahead, model.end) - 1;
      const std::size_t sending = w % 2;
      const std::size_t arrived = 1 - sending;
      tbb::parallel_for(
          std::uint32_t{0}, count,
          [&](std::uint32_t p) {
            Partition& part = parts[p];
            // Deliver in source-partition order: deterministic, whatever the scheduling.
            for (Partition& source : parts) {
              for (const Remote& r : source.outbox[arrived][p])
                part.sim.schedule(r.time, Phase::kMove, Target{r.lp, 0}, 0);
              source.outbox[arrived][p].clear();
            }
            part.sim.run_until(last_tick, [&](Simulator& s, const Event& event) {
              const std::uint32_t lp = event.target.entity;
              part.tally.add(event.time, lp);
              Time at = 0;
              const std::uint32_t destination =
                  model.next(lp, part.streams[lp - part.first_lp], s.now(), at);
              if (at >= model.end) return;
              const std::uint32_t q = owner(destination);
              if (q == p) {
                s.schedule(at, Phase::kMove, Target{destination, 0}, 0);
              } else {
                part.outbox[sending][q].push_back({at, destination});
              }
            });
          },
          tbb::static_partitioner());
    }
  });

  Tally total;
  for (const Partition& part : parts) total.add(part.tally);  // in partition order
  return total;
}

double seconds_since(std::chrono::steady_clock::time_point start) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

int run(int argc, char** argv) {
  Options o;
  std::optional<std::uint64_t> expect_committed;
  bool verify = false;
  CLI::App app("PHOLD benchmark (ROSS models/phold) on the bordersim engine");
  app.add_option("--nlp", o.nlp, "number of LPs")->check(CLI::Range(1.0, 4294967295.0));
  app.add_option("--start-events", o.start_events, "initial events per LP");
  app.add_option("--mean", o.mean, "mean event increment, lookahead included");
  app.add_option("--lookahead", o.lookahead, "minimum event increment (> 0)");
  app.add_option("--remote", o.remote, "probability of a uniformly chosen destination")
      ->check(CLI::Range(0.0, 1.0));
  app.add_option("--end", o.end, "end time: events at or after it are not created");
  app.add_option("--seed", o.seed, "random seed");
  app.add_option("--threads", o.threads,
                 "TBB workers; with one partition (the default for 1) the sequential Simulator")
      ->check(CLI::PositiveNumber);
  app.add_option("--partitions", o.partitions,
                 "LP blocks, each with its own queue (default: one per thread); more than "
                 "one runs the parallel engine even on one thread");
  app.add_option("--expect-committed", expect_committed,
                 "exit with status 1 unless exactly this many events were committed");
  app.add_flag("--verify", verify,
               "also run the sequential engine and exit with status 1 unless it agrees");
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    return app.exit(e) == 0 ? 0 : 2;
  }
  // The parallel engine needs a positive lookahead, and ROSS's delay Exp(mean - lookahead)
  // a non-negative mean; the end must fit the integer clock.
  if (!(o.lookahead > 0) || !(o.mean >= o.lookahead) || !(o.end > 0) ||
      o.end * kTicksPerUnit > 9e18 || std::llround(o.lookahead * kTicksPerUnit) == 0) {
    std::fprintf(stderr, "phold: need 0 < lookahead <= mean and 0 < end < 9e12\n");
    return 2;
  }

  const unsigned partitions = o.partitions == 0 ? o.threads : o.partitions;
  const Model model(o);
  const auto start = std::chrono::steady_clock::now();
  const Tally tally =
      partitions == 1 ? run_sequential(model) : run_parallel(model, partitions, o.threads);
  const double wall = seconds_since(start);

  std::printf("phold: nlp=%llu start-events=%llu mean=%g lookahead=%g remote=%g end=%g seed=%llu\n",
              static_cast<unsigned long long>(o.nlp),
              static_cast<unsigned long long>(o.start_events), o.mean, o.lookahead, o.remote, o.end,
              static_cast<unsigned long long>(o.seed));
  if (partitions == 1) {
    std::printf("engine: sequential\n");
  } else {
    std::printf("engine: conservative windows, partitions=%u, threads=%u\n", partitions, o.threads);
  }
  std::printf("committed events: %llu\n", static_cast<unsigned long long>(tally.committed));
  std::printf("wall seconds: %.4f\n", wall);
  std::printf("events/s: %.4g\n", static_cast<double>(tally.committed) / wall);
  std::printf("checksum: %016llx\n", static_cast<unsigned long long>(tally.checksum));

  int status = 0;
  if (expect_committed && tally.committed != *expect_committed) {
    std::printf("FAIL: expected %llu committed events\n",
                static_cast<unsigned long long>(*expect_committed));
    status = 1;
  }
  if (verify) {
    const Tally reference = run_sequential(model);
    const bool same =
        reference.committed == tally.committed && reference.checksum == tally.checksum;
    std::printf("verify: sequential committed %llu, checksum %016llx: %s\n",
                static_cast<unsigned long long>(reference.committed),
                static_cast<unsigned long long>(reference.checksum), same ? "match" : "MISMATCH");
    if (!same) status = 1;
  }
  return status;
}

}  // namespace
}  // namespace bordersim

int main(int argc, char** argv) { return bordersim::run(argc, argv); }
