// A line of ground sensors as a barrier: a crosser walking straight across the border at a
// uniformly random place passes through a disc with probability 2r / spacing (r < spacing /
// 2), and is detected with probability pd × 2r / spacing when each pass detects with pd,
// within the 99 % binomial interval. Checks the sites, the index and window_within together.
#include <doctest/doctest.h>

#include <cmath>

#include "../support/proportions.h"
#include "bordersim/run/sensor_service.h"
#include "bordersim/scenario/load.h"

using namespace bordersim;

TEST_CASE("ground sensor barrier: detection probability pd x 2r / spacing") {
  const auto loaded = load_scenario_text(R"({
    "terrain": {"flat": {"length_km": 20, "depth_km": 10}},
    "sensors": {"ground_sensors": [{"spacing_m": 400, "setback_m": 150, "radius_m": 50,
                                    "detection_probability": 0.7}]}})",
                                         "g.json");
  const Model m = build_model(loaded.base, "g.json");
  const double r = 50, spacing = 400, pd = 0.7;
  Stream rng({3, 0, {EntityKind::kBenchmark, 1}, Purpose::kBenchmark});
  const int n = 40000;
  int passed = 0, detected = 0;
  for (int i = 0; i < n; ++i) {
    // Away from the line's ends, so that every place has a sensor on each side.
    const double x = 1000 + 18000 * uniform01(rng);
    const auto passes = ground_sensor_passes(m, {x, -3000}, 0.0, {x, 5000}, 8000 / 1.2);
    CHECK(passes.size() <= 1);
    if (passes.empty()) continue;
    ++passed;
    if (uniform01(rng) < m.ground_sensors[passes[0].sensor].detection_probability) ++detected;
  }
  const auto within = [&](int count, double p) {
    const double share = static_cast<double>(count) / n;
    MESSAGE(share << " against " << p);
    return std::abs(share - p) <= bordersim::testing::kZ99 * std::sqrt(p * (1 - p) / n);
  };
  CHECK(within(passed, 2 * r / spacing));
  CHECK(within(detected, pd * 2 * r / spacing));
}
