#pragma once
// Who crosses, where and when: the crossers of one replication, drawn from streams keyed
// by (seed, replication, crosser), so every variant of a batch meets the same crossers
// (common random numbers) whatever its sensors and responders.
#include <cstdint>
#include <vector>

#include "bordersim/core/time.h"
#include "bordersim/run/model.h"
#include "bordersim/run/record.h"

namespace bordersim {

struct CrosserPlan {
  std::uint32_t id = 0;
  CrosserKind kind = CrosserKind::kInfiltrator;
  Time start = 0;        // when it sets off, approach_m before the border line
  double border_s = 0.0; // where it crosses: arc length along the border
  std::uint16_t group_size = 1;
  double speed_mps = 1.0;
  double approach_m = 0.0;  // walk before the border line
  double goal_m = 0.0;      // depth of its goal behind the border line
};

// Poisson arrivals over the scenario's duration, crossing points uniform along the border;
// each walks straight across, along the border's normal at its crossing point.
std::vector<CrosserPlan> plan_crossers(const Model& model, std::uint64_t seed,
                                       std::uint32_t replication);

}  // namespace bordersim
