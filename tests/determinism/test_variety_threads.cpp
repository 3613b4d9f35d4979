// Crossers that differ and an hourly arrival profile (issue 15, items 2 and 3): the records
// are identical on 1 or 3 threads, and a variant that changes only the layout meets the
// same crossers (start, group, crossing point) at the same speeds and goal depths.
#include <doctest/doctest.h>

#include "../support/batch_equality.h"
#include "bordersim/movers/arrivals.h"
#include "bordersim/run/batch.h"
#include "bordersim/run/model.h"
#include "bordersim/scenario/load.h"

using namespace bordersim;

namespace {

constexpr const char* kScenario = R"({
  "terrain": {"flat": {"length_km": 200, "depth_km": 30}},
  "sensors": {"towers": {"along_border": {"spacing_m": 4000}, "range_m": 2000}},
  "threats": {
    "infiltrators": {"per_day": 30, "speed_mps": {"family": "lognormal", "mean": 1.2, "cv": 0.4},
                     "goal_depth_km": {"family": "exponential", "mean": 5},
                     "group_size": {"family": "lognormal", "mean": 5, "cv": 0.6},
                     "night_preference": null,
                     "arrival_profile": [3, 3, 3, 3, 2, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 2, 3, 3, 3, 3, 3]},
    "smugglers": {"per_day": 30, "vehicle_share": 0.5, "night_preference": "none",
                  "vehicle_speed_mps": {"family": "uniform", "min": 5, "max": 12}}
  },
  "response": {"qrf": {"bases_km": [40, 140], "teams_per_base": 2}},
  "batch": {"replications": 6},
  "variants": {"baseline": {}, "no-towers": {"sensors": {"towers": null}}}
})";

}  // namespace

TEST_CASE(
    "crosser variety: records identical on 1 or 3 threads, crossers identical across layouts") {
  const auto scenario = load_scenario_text(kScenario, "variety.json");
  const BatchResult one = run_batch(scenario, 1);
  const BatchResult three = run_batch(scenario, 3);
  REQUIRE(one.variants.size() == 2);
  const std::size_t crossings = testing::check_same_batch(one, three);
  CHECK(crossings > 300);
  // The plans themselves: the layout plays no part in who crosses.
  const Model baseline = build_model(scenario.variants[0].scenario);
  const Model bare = build_model(scenario.variants[1].scenario);
  for (std::uint32_t r = 0; r < 6; ++r) {
    const auto a = plan_crossers(baseline.crossers, scenario.base.seed, r);
    const auto b = plan_crossers(bare.crossers, scenario.base.seed, r);
    REQUIRE(a.size() == b.size());
    for (std::size_t i = 0; i < a.size(); ++i) {
      CHECK(a[i].start == b[i].start);
      CHECK(a[i].group_size == b[i].group_size);
      CHECK(testing::same_bits(a[i].border_s, b[i].border_s));
      CHECK(testing::same_bits(a[i].speed_mps, b[i].speed_mps));
      CHECK(testing::same_bits(a[i].goal_m, b[i].goal_m));
    }
  }
}
