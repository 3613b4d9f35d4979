#pragma once
// For tests that ask a ResponderPool (sim/c2) questions outside a World: the default
// scenario's model, a replica that calls nobody, and random crossers' movements over its
// routing grid.
#include <random>
#include <string>

#include "../../sim/c2/responder_pool.h"
#include "bordersim/run/model.h"
#include "bordersim/scenario/default_scenario.h"
#include "bordersim/scenario/load.h"

namespace bordersim::responder_test {

// The pool reaches nothing upward; a replica needs someone to call.
struct NoUpcalls final : detail::Upcalls {
  void react(std::uint32_t) override {}
  void finish(std::uint32_t, Outcome) override {}
  void sweep_again() override {}
  void schedule_sweep_contact(std::uint32_t) override {}
};

inline Model default_model() {
  return build_model(load_scenario_text(std::string(default_scenario_json()), "default.json").base);
}

// A random place on the routing grid.
inline MapPoint random_place(std::mt19937_64& rng, const terrain::GridGeometry& g) {
  std::uniform_real_distribution<double> x_of(g.west, g.west + g.cols * g.cell_w);
  std::uniform_real_distribution<double> y_of(g.north - g.rows * g.cell_h, g.north);
  const double x = x_of(rng);
  return {x, y_of(rng)};
}

// A crosser from `start` at `t0`: 2 to 7 legs of 300 m to 4 km in random directions at 0.8
// to 1.6 m/s, some of them stops (hiding) of up to 20 min.
inline Movement random_walk(std::mt19937_64& rng, MapPoint start, Time t0) {
  std::uniform_real_distribution<double> u(0.0, 1.0);
  MapPoint at = start;
  Movement walk(at, t0);
  const int legs = 2 + static_cast<int>(u(rng) * 6.0);
  for (int k = 0; k < legs; ++k) {
    if (u(rng) < 0.2) {
      walk.go_to(at, 1200.0 * u(rng));
      continue;
    }
    const double heading = 6.283185307179586 * u(rng), length_m = 300.0 + 3700.0 * u(rng);
    at = {at.x + length_m * std::cos(heading), at.y + length_m * std::sin(heading)};
    walk.go_to(at, length_m / (0.8 + 0.8 * u(rng)));
  }
  return walk;
}

}  // namespace bordersim::responder_test
