#pragma once
// A batch: every selected variant × every replication, on oneTBB threads. Each result
// lands in its own slot (variant, replication), so the outcome does not depend on the
// thread count or on the order in which replications finish.
#include <cstddef>
#include <functional>
#include <string>
#include <vector>

#include "bordersim/run/layout.h"
#include "bordersim/run/model.h"
#include "bordersim/run/record.h"
#include "bordersim/scenario/load.h"

namespace bordersim {

struct VariantResult {
  std::string name;
  Model model;  // what the replications ran on (sector names, layout)
  std::vector<ReplicationRecord> replications;  // index = replication number
  // The map of the variant (build_layout(model)); read back from a result file, where
  // `model` holds only the sectors.
  Layout layout{};
};

struct BatchResult {
  std::uint64_t seed = 0;
  std::size_t replications = 0;
  std::vector<VariantResult> variants;  // in scenario order
};

// Called from worker threads after each replication with (completed, total); must be
// thread-safe and cheap.
using ProgressCallback = std::function<void(std::size_t completed, std::size_t total)>;

BatchResult run_batch(const LoadedScenario& scenario, int threads,
                      const ProgressCallback& progress = {});

}  // namespace bordersim
