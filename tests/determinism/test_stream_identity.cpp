// Streams keyed by identity (README, "How the model works": common random numbers): a crosser's
// draws during the run come from streams keyed by who it is — its kind, origin and sequence within
// that origin — not by its rank among all crossers. So adding smugglers leaves every infiltrator's
// detections exactly as they were.
#include <doctest/doctest.h>

#include <cmath>
#include <map>

#include "../support/record_equality.h"
#include "bordersim/run/batch.h"
#include "bordersim/scenario/load.h"

using namespace bordersim;

namespace {

// Tower crews only (a detection hazard drawn from each crosser's own stream), naive
// crossers and no responders: nothing couples one crosser to another, so the smugglers
// can change an infiltrator's record only through its streams.
constexpr const char* kScenario = R"({
  "terrain": {"flat": {"length_km": 100, "depth_km": 20}},
  "sensors": {"towers": {"along_border": {"spacing_m": 3000}, "range_m": 2000,
                         "detection_rate_per_s": 0.0003, "false_alarms_per_day": 0}},
  "threats": {
    "infiltrators": {"per_day": 30, "knowledge": "naive", "night_preference": 0.5},
    "smugglers": {"per_day": 5, "knowledge": "naive"}
  },
  "batch": {"replications": 12},
  "variants": {"few-smugglers": {}, "many-smugglers": {"threats": {"smugglers": {"per_day": 60}}}}
})";

// Infiltrators' records by start time (their arrivals are keyed by their own source, so
// the same infiltrators start at the same times in both variants).
std::map<double, CrossingRecord> infiltrators(const ReplicationRecord& replication) {
  std::map<double, CrossingRecord> by_start;
  for (const CrossingRecord& c : replication.crossing_records)
    if (c.kind == CrosserKind::kInfiltrator) by_start.emplace(c.start_s, c);
  return by_start;
}

}  // namespace

TEST_CASE("adding smugglers leaves every infiltrator's detection draws unchanged") {
  const BatchResult batch = run_batch(load_scenario_text(kScenario, "identity.json"), 1);
  REQUIRE(batch.variants.size() == 2);
  std::size_t compared = 0, detected = 0, shifted_rank = 0;
  for (std::size_t r = 0; r < batch.replications; ++r) {
    const auto few = infiltrators(batch.variants[0].replications[r]);
    const auto many = infiltrators(batch.variants[1].replications[r]);
    REQUIRE(few.size() == many.size());
    for (const auto& [start, a] : few) {
      const CrossingRecord& b = many.at(start);
      CHECK(testing::same_bits(a.first_detection_s, b.first_detection_s));
      CHECK(a.outcome == b.outcome);
      CHECK(testing::same_bits(a.border_x_m, b.border_x_m));
      ++compared;
      detected += std::isnan(a.first_detection_s) ? 0 : 1;
      shifted_rank += a.crosser != b.crosser ? 1 : 0;
    }
  }
  // The check means something only if infiltrators are seen and their ranks do move.
  CHECK(compared > 300);
  CHECK(detected > compared / 4);
  CHECK(detected < compared);
  CHECK(shifted_rank > compared / 2);
}
