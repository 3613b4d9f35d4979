// Towers on a straight border against perpendicular crossers at uniform points: the
// simulated detection probability must match the closed forms within the 99% interval.
#include <doctest/doctest.h>
#include <fmt/format.h>

#include <boost/math/quadrature/gauss_kronrod.hpp>
#include <cmath>

#include "../support/proportions.h"
#include "bordersim/run/batch.h"

using namespace bordersim;

namespace {

using bordersim::testing::kZ99;

struct Pooled {
  std::uint64_t detected = 0;
  std::uint64_t crossings = 0;
  double rate() const { return static_cast<double>(detected) / static_cast<double>(crossings); }
};

// A 100 km border, towers at `spacing` with `range`, a crowd of crossers and no responders.
Pooled simulate_detection(double spacing_m, double range_m, const std::string& rate,
                          double speed_mps, std::uint64_t seed) {
  const std::string text = fmt::format(R"({{
    "seed": {}, "duration_h": 24,
    "terrain": {{"flat": {{"length_km": 100}}}},
    "sensors": {{"towers": {{"along_border": {{"spacing_m": {}, "offset_m": {}}},
                             "range_m": {}, "detection_rate_per_s": {}}}}},
    "threats": {{"infiltrators": {{"per_day": 4000, "speed_mps": {},
                                   "approach_m": {}, "goal_depth_km": {}}}}},
    "batch": {{"replications": 4}}}})",
                                       seed, spacing_m, spacing_m / 2, range_m, rate, speed_mps,
                                       range_m + 10, (range_m + 10) / 1000);
  const BatchResult batch = run_batch(load_scenario_text(text, "theory.json"), 2);
  Pooled pooled;
  for (const auto& r : batch.variants.at(0).replications) {
    pooled.detected += r.detected;
    pooled.crossings += r.crossings;
  }
  return pooled;
}

void check_within_99(const Pooled& sim, double theory) {
  const double n = static_cast<double>(sim.crossings);
  const double half_width = kZ99 * std::sqrt(theory * (1 - theory) / n);
  INFO("simulated " << sim.rate() << " over " << sim.crossings << " crossings, theory " << theory
                    << ", 99% half-width " << half_width);
  CHECK(sim.crossings > 10000);
  CHECK(std::abs(sim.rate() - theory) <= half_width);
}

// P = (2/s) ∫_0^R (1 − exp(−2λ√(R²−d²)/u)) dd: the chord through the disc at lateral
// offset d takes 2√(R²−d²)/u seconds, during which detection has hazard λ.
double hazard_theory(double s, double r, double lambda, double u) {
  const auto miss = [&](double d) {
    return 1.0 - std::exp(-2.0 * lambda * std::sqrt(r * r - d * d) / u);
  };
  return 2.0 / s * boost::math::quadrature::gauss_kronrod<double, 61>::integrate(miss, 0.0, r);
}

}  // namespace

TEST_CASE("definite-range (cookie-cutter) barrier: P(detect) = min(1 | 2R/s)") {
  check_within_99(simulate_detection(2000, 600, "\"instant\"", 1.2, 11), 2 * 600.0 / 2000);
  check_within_99(simulate_detection(5000, 1000, "\"instant\"", 2.0, 12), 2 * 1000.0 / 5000);
  // Overlapping ranges: every crosser is detected, exactly.
  const Pooled full = simulate_detection(1000, 600, "\"instant\"", 1.2, 13);
  CHECK(full.detected == full.crossings);
}

TEST_CASE(
    "constant hazard inside range: P = (2/s) integral of 1 - exp(-2 lambda sqrt(R^2 - d^2) / u)") {
  check_within_99(simulate_detection(4000, 1500, "0.004", 1.2, 21),
                  hazard_theory(4000, 1500, 0.004, 1.2));
  check_within_99(simulate_detection(3000, 1500, "0.001", 2.0, 22),
                  hazard_theory(3000, 1500, 0.001, 2.0));
  check_within_99(simulate_detection(6000, 800, "0.02", 0.8, 23),
                  hazard_theory(6000, 800, 0.02, 0.8));
}
