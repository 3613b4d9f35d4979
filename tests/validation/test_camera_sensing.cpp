// Tower cameras in the running model: scanning glimpses with a random phase, and light.
#include <doctest/doctest.h>
#include <fmt/format.h>

#include <cmath>

#include "../support/proportions.h"
#include "bordersim/core/error.h"
#include "bordersim/random/stream.h"
#include "bordersim/run/replication.h"
#include "bordersim/scenario/load.h"
#include "bordersim/sensors/detection_laws.h"

using namespace bordersim;

namespace {

using bordersim::testing::kZ99;

// One tower at 5 km on a flat 10 km border, seen only through one camera.
Model camera_model(const std::string& camera, const std::string& start) {
  const auto loaded = load_scenario_text(fmt::format(R"({{
    "start": "{}", "duration_h": 24,
    "terrain": {{"flat": {{"length_km": 10}}}},
    "sensors": {{"towers": {{"along_border": {{"spacing_m": 10000, "offset_m": 5000}},
                             "range_m": 600, "detection_rate_per_s": "none",
                             "cameras": [{}]}}}}}})",
                                                     start, camera),
                                         "camera.json");
  return build_model(loaded.base);
}

// Crossers walking straight at the tower from the foreign side at uniform start times:
// the camera sees each on a constant bearing for range / speed seconds, until it passes.
std::vector<CrosserPlan> walkers_at_tower(std::size_t count, double hours, std::uint64_t seed) {
  Stream times({seed, 0, {EntityKind::kThreatSource, 0}, Purpose::kArrivals});
  std::vector<CrosserPlan> plans(count);
  for (std::uint32_t i = 0; i < count; ++i)
    plans[i] = {i,
                i,
                CrosserKind::kInfiltrator,
                seconds_to_time(uniform01(times) * hours * 3600.0),
                5000.0,
                1,
                1.2,
                1000.0,
                1000.0};
  return plans;
}

double detected_fraction(const Model& model, std::span<const CrosserPlan> plans,
                         std::uint32_t replications) {
  std::uint64_t detected = 0, total = 0;
  for (std::uint32_t r = 0; r < replications; ++r) {
    const auto record = simulate_replication(model, plans, 17, r);
    detected += record.detected;
    total += record.crossings;
  }
  return static_cast<double>(detected) / static_cast<double>(total);
}

}  // namespace

TEST_CASE("a scanning camera glimpses with a random phase: P = 1 - E[(1 - g)^K]") {
  // Optics so fine that every glimpse within 600 m detects (g = 1 to double precision),
  // no haze, noon: P is the chance that a glimpse falls in the 500 s stay, T/τ for τ ≥ T.
  const char* camera = R"({"kind": "visible", "pixels": 1920, "focal_mm": 5000, "pitch_um": 1,
                           "extinction_per_km": 0, "hfov_deg": 10, "scan_sector_deg": 180, "scan_period_s": PERIOD})";
  for (double period : {1000.0, 2500.0, 400.0}) {
    std::string spec = camera;
    spec.replace(spec.find("PERIOD"), 6, fmt::format("{}", period));
    // Noon on each of the days the crossers start in (4 h windows around midday).
    const Model model = camera_model(spec, "2026-06-21T10:00:00");
    const auto plans = walkers_at_tower(400, 4.0, 5);
    const double theory = sensors::scanning_detection(600.0 / 1.2, period, 1.0);
    const double n = 400.0 * 20;
    const double sim = detected_fraction(model, plans, 20);
    // Crossers of one replication share the tower's phase; their start times spread over
    // 4 h make their phases relative to it independent and uniform.
    INFO("period " << period << ": simulated " << sim << ", theory " << theory);
    CHECK(std::abs(sim - theory) <=
          kZ99 * std::sqrt(std::max(theory * (1 - theory), 1e-9) / n) + 1e-12);
  }
}

TEST_CASE("visible cameras are blind at night and thermal cameras are not") {
  const auto plans = walkers_at_tower(300, 2.0, 9);
  // 2026-11-25 from 00:00 local at 34.5 N: deep night for the whole two hours.
  const Model visible =
      camera_model(R"({"kind": "visible", "scan_period_s": 30})", "2026-11-25T00:00:00");
  const Model thermal =
      camera_model(R"({"kind": "thermal", "pixels": 640, "pitch_um": 17, "scan_period_s": 30})",
                   "2026-11-25T00:00:00");
  CHECK(detected_fraction(visible, plans, 3) == 0.0);
  CHECK(detected_fraction(thermal, plans, 3) > 0.5);
  // By day the visible camera sees them.
  const Model day =
      camera_model(R"({"kind": "visible", "scan_period_s": 30})", "2026-11-25T11:00:00");
  CHECK(detected_fraction(day, plans, 3) > 0.5);
}

TEST_CASE("a start that is not a local time is bad input") {
  CHECK_THROWS_WITH_AS(load_scenario_text(R"({"start": "yesterday"})", "s.json"),
                       doctest::Contains("s.json: /start: "), InputError);
}
