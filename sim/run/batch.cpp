#include "bordersim/run/batch.h"

#include <atomic>
#include <map>
#include <tbb/blocked_range.h>
#include <tbb/parallel_for.h>
#include <tbb/task_arena.h>
#include <utility>

#include "bordersim/run/replication.h"
#include "bordersim/run/route_field_cache.h"

namespace bordersim {

BatchResult run_batch(const LoadedScenario& scenario, int threads, const ProgressCallback& progress) {
  BatchResult batch;
  batch.seed = scenario.base.seed;
  batch.replications = static_cast<std::size_t>(scenario.base.batch.replications);
  // Variants that leave the terrain alone share one geography, and route surfaces and
  // fields wherever their inputs are equal: those are the costly parts.
  std::map<std::string, std::shared_ptr<const Geography>> geographies;
  RouteFieldCache route_fields;
  for (const Variant& variant : scenario.variants) {
    auto& geography = geographies[scenario_to_json(variant.scenario)["terrain"].dump()];
    if (!geography) geography = build_geography(variant.scenario.terrain, scenario.file);
    Model model = build_model(variant.scenario, geography, scenario.file, &route_fields);
    VariantResult result{variant.name, std::move(model), {}};
    result.layout = build_layout(result.model);
    result.replications.resize(batch.replications);
    batch.variants.push_back(std::move(result));
  }

  // One flat index over (variant, replication); each task writes only its own slot.
  const std::size_t total = batch.variants.size() * batch.replications;
  std::atomic<std::size_t> completed{0};
  tbb::task_arena arena(threads > 0 ? threads : tbb::task_arena::automatic);
  arena.execute([&] {
    tbb::parallel_for(tbb::blocked_range<std::size_t>(0, total, 1), [&](const auto& range) {
      for (std::size_t i = range.begin(); i != range.end(); ++i) {
        VariantResult& variant = batch.variants[i / batch.replications];
        const auto replication = static_cast<std::uint32_t>(i % batch.replications);
        variant.replications[replication] = run_replication(variant.model, batch.seed, replication);
        const std::size_t done = ++completed;
        if (progress) progress(done, total);
      }
    });
  });
  return batch;
}

}  // namespace bordersim
