#pragma once
// A batch: every selected variant × a range of replications, on oneTBB threads and,
// where the caller passes a RankGroup, on MPI ranks. Each result lands in its own slot
// (variant, replication), so the outcome does not depend on the thread or rank count or
// on the order in which replications finish.
//
// Replications run in chunks of whole blocks (kStopBlock replications of every variant);
// results are kept only for what has run, so memory grows with the work done, not with
// the work asked for. With batch.stop_when_halfwidth the batch may stop at a block
// boundary, decided in replication order from the records alone.
#include <atomic>
#include <cstddef>
#include <functional>
#include <map>
#include <optional>
#include <span>
#include <stdexcept>
#include <string>
#include <vector>

#include "bordersim/run/layout.h"
#include "bordersim/run/model.h"
#include "bordersim/run/rank_group.h"
#include "bordersim/run/record.h"
#include "bordersim/scenario/load.h"

namespace bordersim {

// Replications [first, first + count) of a batch.
struct ReplicationRange {
  std::size_t first = 0;
  std::size_t count = 0;
  std::size_t end() const { return first + count; }
};

// Shard `index` (0-based) of `shards`: contiguous, sizes differing by at most one, the
// union of all shards is [0, replications). Throws std::invalid_argument unless
// index < shards ≤ replications.
ReplicationRange shard_range(std::size_t replications, std::size_t index, std::size_t shards);

// The stopping rule's decision points: every kStopBlock replications.
inline constexpr std::size_t kStopBlock = 50;

// One variant's replications and what summaries and files need to know of the model
// they ran on (describe_variant); a result file gives all of it back (io/result_file.h).
struct VariantResult {
  std::string name;
  std::vector<SectorInfo> sectors;              // the model's, in order
  double seam_band_km = 10.0;                   // sectors.seam_band_km: "near a seam"
  std::vector<std::string> weather_states;      // weather.states' names, in the model's order
  std::vector<ReplicationRecord> replications;  // in replication order, from held.first
  Layout layout{};                              // the map of the variant (build_layout)
};

// The description of a variant built from `model` (its terrain keys size the map).
VariantResult describe_variant(std::string name, const Model& model, const TerrainSpec& terrain);

// Why a batch ended: its replications all ran, or the stopping rule was met.
inline constexpr const char* kStopReplications = "replications";
inline constexpr const char* kStopHalfwidth = "halfwidth";

struct BatchResult {
  std::uint64_t seed = 0;
  std::size_t replications = 0;  // the batch's replication count (batch.replications)
  ReplicationRange held;         // the replications this result holds (a shard's part)
  std::string stop_reason = kStopReplications;
  std::vector<VariantResult> variants;  // in scenario order
  std::optional<DesignTable> design;    // a sweep's design points (the variants)
  // `run --trace N`: replications 0 .. N-1 of each variant carry their trace (0: none, and
  // the result file has no trace datasets).
  std::size_t trace_replications = 0;
};

// Called after each replication with (completed, total); must be thread-safe and cheap.
using ProgressCallback = std::function<void(std::size_t completed, std::size_t total)>;

// Called from worker threads with each newly run record (not with resumed ones): the
// checkpoint's hook. Must be thread-safe.
using RecordCallback = std::function<void(std::uint32_t variant, const ReplicationRecord& record)>;

// The run was stopped by `BatchOptions::cancel` (a signal) before its replications all
// ran; what completed went to the RecordCallback.
class BatchInterrupted : public std::runtime_error {
 public:
  BatchInterrupted() : std::runtime_error("batch interrupted") {}
};

struct BatchOptions {
  int threads = 0;                        // 0: all cores
  std::optional<ReplicationRange> range;  // default: every replication
  ProgressCallback progress;
  RecordCallback on_record;
  // Records from an earlier, interrupted run (a checkpoint), per variant index by
  // replication number: they are taken instead of being run again.
  std::vector<std::map<std::uint32_t, ReplicationRecord>>* resumed = nullptr;
  // Set (by a signal handler) to stop: no new replication starts, run_batch throws
  // BatchInterrupted once those running have finished.
  const std::atomic<bool>* cancel = nullptr;
  const RankGroup* ranks = nullptr;
  // Trace replications 0 .. N-1 of each variant (ReplicationRecord::trace). Not carried
  // between MPI ranks nor by the checkpoint: the CLI refuses --trace with those.
  std::size_t trace_replications = 0;
};

// Every variant's model, in scenario order: variants that leave the terrain alone share a
// geography, and route fields wherever their inputs are equal. The first invalid
// variant's error, in variant order, as it would fail alone.
std::vector<Model> build_models(const LoadedScenario& scenario);

// The variants described (their models built) and no replications yet: what run_batch
// fills, and what `merge` fills with the parts' records.
BatchResult prepare_batch(const LoadedScenario& scenario);

// Throws std::invalid_argument for a range outside the batch, BatchInterrupted as above.
BatchResult run_batch(const LoadedScenario& scenario, const BatchOptions& options);
// On models built already (build_models(scenario)): for callers that look at them too.
BatchResult run_batch(const LoadedScenario& scenario, std::span<const Model> models,
                      const BatchOptions& options);

// Short form: every replication on `threads` threads.
BatchResult run_batch(const LoadedScenario& scenario, int threads,
                      const ProgressCallback& progress = {});

}  // namespace bordersim
