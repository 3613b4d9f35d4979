// "adaptive" crossers learn, within a replication, which corridors let them through.
#include <doctest/doctest.h>
#include <fmt/format.h>

#include "bordersim/run/batch.h"

using namespace bordersim;

namespace {

// Half a 200 km border is watched by a dense line of certain ground sensors with a strong
// quick-reaction force behind it that never loses a track; the other half is open.
// Returns the share of crossings in the open half among those that set off in the first
// `early_h` hours, and among those of the last day.
std::pair<double, double> open_share(const char* knowledge, double early_h) {
  const auto loaded = load_scenario_text(fmt::format(R"({{
    "seed": 23, "duration_h": 72,
    "terrain": {{"flat": {{"length_km": 200}}}},
    "sensors": {{"ground_sensors": [{{"along_border_km": [0, 100], "spacing_m": 400, "setback_m": 500,
                                     "radius_m": 250, "detection_probability": 1, "false_alarms_per_day": 0}}]}},
    "threats": {{"infiltrators": {{"per_day": 150, "knowledge": "{}", "corridor_km": 20,
                                  "reactions": {{"abort": 0, "hide": 0, "run": 0}}}}}},
    "response": {{"qrf": {{"bases_km": [50], "setback_m": 4000, "teams_per_base": 100, "speed_mps": 30}},
                  "track_hold_s": 1e6}},
    "batch": {{"replications": 8}}}})",
                                                     knowledge),
                                         "adaptive.json");
  const BatchResult batch = run_batch(loaded, 2);
  double early = 0, early_open = 0, late = 0, late_open = 0;
  for (const auto& rep : batch.variants[0].replications) {
    for (const auto& row : rep.crossing_records) {
      const bool open = row.border_x_m > 100'000.0;
      if (row.start_s < early_h * 3600.0) {
        ++early;
        early_open += open;
      } else if (row.start_s >= 48 * 3600.0) {
        ++late;
        late_open += open;
      }
    }
  }
  return {early_open / early, late_open / late};
}

}  // namespace

TEST_CASE("adaptive crossers move to the corridors that let them through and naive ones do not") {
  // A crossing takes about 2 h (8 km at 1.2 m/s): in the first 3 h a group has learnt
  // little; by the last day it has had some 300 outcomes.
  const auto [naive_early, naive_late] = open_share("naive", 3.0);
  const auto [adaptive_early, adaptive_late] = open_share("adaptive", 3.0);
  MESSAGE(fmt::format(
      "open-half share, first 3 h and last day: naive {:.3f} {:.3f}; adaptive {:.3f} {:.3f}",
      naive_early, naive_late, adaptive_early, adaptive_late));
  // Naive crossers cross uniformly: about half in the open half (8 × 150 a day on the last
  // day: the 99 % interval of a share of 1/2 is ± 0.037).
  CHECK(std::abs(naive_late - 0.5) < 0.04);
  // Adaptive groups start out knowing nothing (some 150 crossings in the first 3 h: ± 0.11
  // around a half, learning already under way) and learn: nearly all cross in the open
  // half on the last day.
  CHECK(adaptive_early < 0.75);
  CHECK(adaptive_late > 0.95);
}
