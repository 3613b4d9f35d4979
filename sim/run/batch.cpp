#include "bordersim/run/batch.h"

#include <fmt/format.h>
#include <tbb/blocked_range.h>
#include <tbb/parallel_for.h>
#include <tbb/task_arena.h>

#include <algorithm>
#include <atomic>
#include <exception>
#include <map>
#include <mutex>
#include <optional>
#include <utility>
#include <vector>

#include "bordersim/core/error.h"
#include "bordersim/core/simulator.h"
#include "bordersim/run/record_codec.h"
#include "bordersim/run/replication.h"
#include "bordersim/run/route_field_cache.h"
#include "bordersim/stats/intervals.h"

namespace bordersim {
namespace {

struct Task {
  std::uint32_t variant = 0;
  std::uint32_t replication = 0;
};

// What rank 0 tells every rank after a chunk.
enum class Control : char { kContinue = 'c', kStop = 's', kCancel = 'x' };

// Pooled counts behind the stopping rule's two rates, per variant.
struct RateTotals {
  std::uint64_t crossings = 0;
  std::uint64_t detected = 0;
  std::uint64_t intercepted = 0;
};

// A replication that ran into batch.max_events_per_replication: the first in task order
// among those that did this chunk. Once one has, no further replication starts (each
// would run to the limit too); the batch then fails as bad input.
class Runaway {
 public:
  void note(std::size_t task, const EventLimitExceeded& e) {
    const std::lock_guard<std::mutex> lock(mutex_);
    if (!first_ || task < first_->first) first_.emplace(task, e.at());
    seen_.store(true);
  }
  bool seen() const { return seen_.load(); }
  const std::optional<std::pair<std::size_t, Time>>& first() const { return first_; }

 private:
  std::mutex mutex_;
  std::atomic<bool> seen_{false};
  std::optional<std::pair<std::size_t, Time>> first_;  // task, the clock at the limit
};

double half_width(const Interval& interval) { return (interval.upper - interval.lower) / 2; }

// The rule of batch.stop_when_halfwidth, on the same pooled Wilson intervals as the
// summary's detection_rate and interception_rate rows.
bool narrow_enough(const std::vector<RateTotals>& totals, double halfwidth) {
  for (const RateTotals& t : totals) {
    if (t.crossings == 0) return false;
    if (!(half_width(wilson_interval(t.detected, t.crossings)) < halfwidth)) return false;
    if (!(half_width(wilson_interval(t.intercepted, t.crossings)) < halfwidth)) return false;
  }
  return true;
}

// Replications per chunk: whole stopping blocks, and enough tasks (about 8 per worker)
// that the chunk's ragged end leaves workers idle only briefly. The chunk size changes
// how much runs between two gathers, never which replications the result holds.
std::size_t chunk_replications(std::size_t variants, std::size_t workers) {
  const std::size_t wanted = (8 * workers + variants - 1) / std::max<std::size_t>(variants, 1);
  return std::max<std::size_t>(1, (wanted + kStopBlock - 1) / kStopBlock) * kStopBlock;
}

// Splits `pending` into `parts` contiguous pieces of sizes differing by at most one.
std::pair<std::size_t, std::size_t> piece(std::size_t size, int part, int parts) {
  const auto p = static_cast<std::size_t>(part), n = static_cast<std::size_t>(parts);
  return {size * p / n, size * (p + 1) / n};
}

}  // namespace

ReplicationRange shard_range(std::size_t replications, std::size_t index, std::size_t shards) {
  if (shards == 0 || index >= shards || shards > replications) {
    throw std::invalid_argument("shard " + std::to_string(index) + "/" + std::to_string(shards) +
                                " of " + std::to_string(replications) + " replications");
  }
  const std::size_t first = replications * index / shards;
  return {first, replications * (index + 1) / shards - first};
}

VariantResult describe_variant(std::string name, const Model& model, const TerrainSpec& terrain) {
  VariantResult result;
  result.name = std::move(name);
  result.sectors = model.sectors;
  result.seam_band_km = model.seam_band_km;
  if (model.weather)
    for (const auto& state : model.weather->states) result.weather_states.push_back(state.name);
  result.layout = build_layout(model, terrain);
  return result;
}

namespace {

BatchResult describe_batch(const LoadedScenario& scenario, std::span<const Model> models) {
  BatchResult batch;
  batch.seed = scenario.base.seed;
  batch.replications = static_cast<std::size_t>(scenario.base.batch.replications);
  batch.held = {0, 0};
  batch.design = scenario.design;
  for (std::size_t v = 0; v < models.size(); ++v)
    batch.variants.push_back(describe_variant(scenario.variants[v].name, models[v],
                                              scenario.variants[v].scenario.terrain));
  return batch;
}

}  // namespace

std::vector<Model> build_models(const LoadedScenario& scenario) {
  // Variants that leave the terrain alone share one geography, and route surfaces and
  // fields wherever their inputs are equal: those are the costly parts. The geographies
  // first, in variant order; then the first variant's model alone (it builds the surface
  // and the fields most variants share: bases, patrols, naive crossers), then the others
  // side by side (a sweep's points each build the crossers' fields their towers' hazard
  // changes, one or two per point, which alone would leave a core idle), each into its
  // own slot. A field two variants build at once is the same to the bit, and the cache
  // keeps the first stored, so the batch does not depend on the thread count. An invalid
  // variant fails as it would alone: the first one's error, in variant order.
  std::map<std::string, std::shared_ptr<const Geography>> geographies;
  std::vector<std::shared_ptr<const Geography>> geography_of;
  for (const Variant& variant : scenario.variants) {
    auto& geography = geographies[scenario_to_json(variant.scenario)["terrain"].dump()];
    if (!geography) geography = build_geography(variant.scenario.terrain, scenario.file);
    geography_of.push_back(geography);
  }
  RouteFieldCache route_fields;
  const std::size_t n = scenario.variants.size();
  std::vector<std::optional<Model>> models(n);
  std::vector<std::exception_ptr> failed(n);
  const auto build = [&](std::size_t v) {
    try {
      models[v] =
          build_model(scenario.variants[v].scenario, geography_of[v], scenario.file, &route_fields);
    } catch (...) {
      failed[v] = std::current_exception();
    }
  };
  if (n > 0) build(0);
  if (n > 1) tbb::parallel_for(std::size_t{1}, n, build);
  std::vector<Model> built;
  built.reserve(n);
  for (std::size_t v = 0; v < n; ++v) {
    if (failed[v]) std::rethrow_exception(failed[v]);
    built.push_back(std::move(*models[v]));
  }
  return built;
}

BatchResult prepare_batch(const LoadedScenario& scenario) {
  return describe_batch(scenario, build_models(scenario));
}

BatchResult run_batch(const LoadedScenario& scenario, const BatchOptions& options) {
  return run_batch(scenario, build_models(scenario), options);
}

BatchResult run_batch(const LoadedScenario& scenario, std::span<const Model> models,
                      const BatchOptions& options) {
  if (models.size() != scenario.variants.size())
    throw std::invalid_argument("run_batch: one model per variant wanted");
  BatchResult batch = describe_batch(scenario, models);
  batch.trace_replications = options.trace_replications;
  const ReplicationRange range = options.range.value_or(ReplicationRange{0, batch.replications});
  if (range.count == 0 || range.end() > batch.replications) {
    throw std::invalid_argument("replication range outside the batch");
  }
  batch.held = {range.first, 0};
  const RankGroup single;
  const RankGroup& ranks = options.ranks ? *options.ranks : single;
  const bool root = ranks.rank == 0;
  const std::size_t variants = batch.variants.size();
  const std::optional<double> halfwidth = scenario.base.batch.stop_when_halfwidth;

  tbb::task_arena arena(options.threads > 0 ? options.threads : tbb::task_arena::automatic);
  const std::size_t workers =
      static_cast<std::size_t>(arena.max_concurrency()) * static_cast<std::size_t>(ranks.size);
  const std::size_t chunk = chunk_replications(variants, workers);
  const std::size_t total = variants * range.count;
  std::atomic<std::size_t> completed{0};
  std::vector<RateTotals> totals(variants);
  auto cancelled = [&] { return options.cancel && options.cancel->load(); };

  for (std::size_t lo = range.first; lo < range.end(); lo += chunk) {
    const std::size_t hi = std::min(range.end(), lo + chunk);
    const std::size_t width = hi - lo;
    // Slot t holds variant t / width, replication lo + t % width.
    std::vector<std::optional<ReplicationRecord>> slots(variants * width);
    auto task_of = [&](std::size_t t) {
      return Task{static_cast<std::uint32_t>(t / width),
                  static_cast<std::uint32_t>(lo + t % width)};
    };

    // Rank 0 knows what a checkpoint already holds; every rank learns it, so that the
    // replications still to run are split the same way everywhere.
    std::string done(slots.size(), '\0');
    if (root && options.resumed && options.resumed->size() == variants) {
      for (std::size_t t = 0; t < slots.size(); ++t) {
        const Task task = task_of(t);
        auto& held = (*options.resumed)[task.variant];
        if (auto it = held.find(task.replication); it != held.end()) {
          slots[t] = std::move(it->second);
          held.erase(it);
          done[t] = 1;
        }
      }
      completed += static_cast<std::size_t>(std::count(done.begin(), done.end(), '\1'));
    }
    if (ranks.size > 1) done = ranks.broadcast(done);
    std::vector<std::size_t> pending;
    for (std::size_t t = 0; t < slots.size(); ++t)
      if (!done[t]) pending.push_back(t);

    // Static split of this chunk's pending tasks: see run/mpi_ranks.h for why.
    const std::pair<std::size_t, std::size_t> mine = piece(pending.size(), ranks.rank, ranks.size);
    const std::size_t mine_begin = mine.first, mine_end = mine.second;
    Runaway runaway;
    arena.execute([&] {
      tbb::parallel_for(
          tbb::blocked_range<std::size_t>(mine_begin, mine_end, 1), [&](const auto& r) {
            for (std::size_t i = r.begin(); i != r.end(); ++i) {
              if (cancelled() || runaway.seen()) return;
              const Task task = task_of(pending[i]);
              ReplicationRecord record;
              try {
                record = run_replication(models[task.variant], batch.seed, task.replication,
                                         task.replication < options.trace_replications);
              } catch (const EventLimitExceeded& e) {
                runaway.note(pending[i], e);
                return;
              }
              if (options.on_record) options.on_record(task.variant, record);
              slots[pending[i]] = std::move(record);
              const std::size_t now = ++completed;
              if (root && options.progress && ranks.size == 1) options.progress(now, total);
            }
          });
    });

    if (const auto& first = runaway.first()) {
      const Task task = task_of(first->first);
      const auto& limit = scenario.base.batch.max_events_per_replication;
      throw InputError(
          scenario.file, "/batch/max_events_per_replication",
          fmt::format("replication {} of variant '{}' reached the limit of {} events at {:.0f} s "
                      "of simulated time with more due, and was stopped (no results written). "
                      "Raise the limit if the scenario means this many events; otherwise look "
                      "for what makes them (crossers per_day, glimpse_period_s, sorties, patrol "
                      "rounds)",
                      task.replication, batch.variants[task.variant].name, limit,
                      time_to_seconds(first->second)));
    }
    bool stop_asked = cancelled();
    if (ranks.size > 1) {
      // Each rank sends its finished records and whether it was told to stop.
      std::string sent(1, stop_asked ? '\1' : '\0');
      for (std::size_t i = mine_begin; i < mine_end; ++i) {
        const std::size_t t = pending[i];
        if (slots[t]) encode_record(sent, task_of(t).variant, *slots[t]);
      }
      const std::vector<std::string> parts = ranks.gather(sent);
      for (std::size_t from = 1; from < parts.size(); ++from) {
        if (parts[from].empty()) continue;
        stop_asked = stop_asked || parts[from][0] != '\0';
        RecordDecoder decoder(std::string_view(parts[from]).substr(1));
        while (!decoder.done()) {
          std::uint32_t variant = 0;
          ReplicationRecord record = decoder.next(variant);
          if (options.on_record) options.on_record(variant, record);
          slots[variant * width + (record.replication - lo)] = std::move(record);
          ++completed;
        }
      }
      if (root && options.progress) options.progress(completed.load(), total);
    }

    Control control = Control::kContinue;
    if (root) {
      if (stop_asked) {
        control = Control::kCancel;
      } else {
        // In replication order: the stopping rule sees exactly the records a one-process
        // run would have seen at the same block boundary.
        for (std::size_t rep = lo; rep < hi && control == Control::kContinue; ++rep) {
          for (std::size_t v = 0; v < variants; ++v) {
            std::optional<ReplicationRecord>& slot = slots[v * width + (rep - lo)];
            if (!slot)
              throw std::logic_error("run_batch: a replication of the chunk has no record");
            ReplicationRecord& record = *slot;
            totals[v].crossings += record.crossings;
            totals[v].detected += record.detected;
            totals[v].intercepted += record.intercepted;
            batch.variants[v].replications.push_back(std::move(record));
          }
          const std::size_t ran = rep + 1 - range.first;
          if (halfwidth && ran % kStopBlock == 0 && narrow_enough(totals, *halfwidth)) {
            batch.stop_reason = kStopHalfwidth;
            control = Control::kStop;
          }
        }
        if (hi == range.end()) control = Control::kStop;
      }
    }
    if (ranks.size > 1)
      control =
          static_cast<Control>(ranks.broadcast(std::string(1, static_cast<char>(control)))[0]);
    if (control == Control::kCancel) throw BatchInterrupted();
    if (control == Control::kStop) break;
  }
  batch.held.count = batch.variants.empty() ? 0 : batch.variants[0].replications.size();
  return batch;
}

BatchResult run_batch(const LoadedScenario& scenario, int threads,
                      const ProgressCallback& progress) {
  BatchOptions options;
  options.threads = threads;
  options.progress = progress;
  return run_batch(scenario, options);
}

}  // namespace bordersim
