#include "bordersim/io/merge.h"

#include <fmt/format.h>

#include <algorithm>
#include <filesystem>
#include <iterator>

#include "bordersim/core/error.h"
#include "bordersim/io/result_file.h"
#include "bordersim/io/trace_file.h"
#include "bordersim/scenario/load.h"

namespace bordersim {
namespace {

struct Part {
  std::string path;
  ResultFile file;
  std::size_t held = 0;
};

std::vector<std::string> variant_names(const ResultFile& file) {
  std::vector<std::string> names;
  for (const ResultVariant& v : file.variants) names.push_back(v.name);
  return names;
}

// The parts must be one batch: the first part is the reference.
void check_same_batch(const Part& part, const Part& first) {
  auto refuse = [&](const char* pointer, const std::string& what) {
    throw InputError(part.path, pointer, what + " than " + first.path);
  };
  if (part.file.bordersim_version != first.file.bordersim_version)
    refuse("/bordersim_version",
           "written by bordersim " + part.file.bordersim_version + ", another version");
  if (part.file.seed != first.file.seed)
    refuse("/seed", fmt::format("seed {}, another seed", part.file.seed));
  if (part.file.replications != first.file.replications)
    refuse("/replications",
           fmt::format("a batch of {} replications, another count", part.file.replications));
  if (variant_names(part.file) != variant_names(first.file)) refuse("/variants", "other variants");
  if (part.file.scenario != first.file.scenario) refuse("/scenario", "another resolved scenario");
}

}  // namespace

MergedBatch merge_result_files(const std::vector<std::string>& paths) {
  if (paths.empty()) throw InputError("merge", "", "no parts to merge");
  std::vector<Part> parts;
  for (const std::string& path : paths) {
    Part part{path, {}, 0};
    try {
      part.file = read_result_file(path);
    } catch (const std::exception& e) {
      throw InputError(path, "", e.what());
    }
    // Traces serve `explain` on the file that ran them; merge does not carry them.
    if (has_trace(path))
      throw InputError(path, "/variants",
                       "holds traces (run --trace), which merge does not carry: run the shards "
                       "without --trace, and trace replications in a separate run");
    part.held = part.file.variants.empty() ? 0 : part.file.variants.front().replications.size();
    for (const ResultVariant& v : part.file.variants) {
      if (v.replications.size() != part.held)
        throw InputError(path, "/variants/" + v.name + "/replications",
                         "holds another number of rows than the other variants");
    }
    if (part.file.stop_reason != kStopReplications)
      throw InputError(path, "/stop_reason",
                       "a batch stopped by its stopping rule is whole; it is not a shard to merge");
    parts.push_back(std::move(part));
  }
  for (const Part& part : parts) check_same_batch(part, parts.front());

  // In replication order, each part must start where the one before ended.
  std::vector<const Part*> order;
  for (const Part& part : parts) order.push_back(&part);
  std::stable_sort(order.begin(), order.end(), [](const Part* a, const Part* b) {
    return a->file.first_replication < b->file.first_replication;
  });
  std::uint64_t next = 0;
  const Part* previous = nullptr;
  for (const Part* part : order) {
    const std::uint64_t first = part->file.first_replication;
    const std::uint64_t last = first + part->held - 1;
    if (first > next)
      throw InputError(
          part->path, "/first_replication",
          fmt::format("replications {} to {} are in no part (a gap before this part's {} to {})",
                      next, first - 1, first, last));
    if (first < next)
      throw InputError(part->path, "/first_replication",
                       fmt::format("replications {} to {} are also in {} (the parts overlap)",
                                   first, std::min(next - 1, last), previous->path));
    next = first + part->held;
    previous = part;
  }
  if (next != parts.front().file.replications)
    throw InputError(
        previous->path, "/replications_held",
        fmt::format("replications {} to {} of the batch's {} are in no part", next,
                    parts.front().file.replications - 1, parts.front().file.replications));

  // The models again, from the scenario as the run resolved it. The label has no
  // directory, so that data files resolve as they did for the run.
  const std::string& text = parts.front().file.scenario;
  const std::string label = std::filesystem::path(parts.front().path).filename().string();
  const LoadedScenario scenario = load_scenario_text(text, label);
  if (scenario.resolved.dump(2) != text)
    throw InputError(parts.front().path, "/scenario",
                     "this bordersim does not resolve the scenario to the same text");
  MergedBatch merged{prepare_batch(scenario), text};
  BatchResult& batch = merged.batch;
  // A sweep's design table is not in the scenario's variants: it comes from the parts (one
  // batch, so one design).
  batch.design = parts.front().file.design;
  if (batch.seed != parts.front().file.seed ||
      batch.replications != parts.front().file.replications)
    throw InputError(parts.front().path, "/seed",
                     "the scenario's seed or replications differ from the file's");
  for (const Part* part : order) {
    BatchResult records = to_batch_result(part->file);
    if (records.variants.size() != batch.variants.size())
      throw InputError(part->path, "/variants", "other variants than its scenario names");
    for (std::size_t v = 0; v < batch.variants.size(); ++v) {
      if (records.variants[v].name != batch.variants[v].name)
        throw InputError(part->path, "/variants", "other variants than its scenario names");
      auto& into = batch.variants[v].replications;
      auto& from = records.variants[v].replications;
      std::move(from.begin(), from.end(), std::back_inserter(into));
    }
  }
  batch.held = {0, static_cast<std::size_t>(next)};
  batch.stop_reason = kStopReplications;
  return merged;
}

}  // namespace bordersim
