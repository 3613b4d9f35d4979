// Smugglers, origins and seams: the records' cargo, organisations and seam distances are
// the same on any number of threads, and the same in every variant that leaves threats alone.
#include <doctest/doctest.h>

#include <cmath>

#include "../support/batch_equality.h"
#include "bordersim/run/batch.h"
#include "bordersim/scenario/load.h"

using namespace bordersim;

namespace {

constexpr const char* kScenario = R"({
  "terrain": {"flat": {"length_km": 200, "depth_km": 30}},
  "jurisdictions": [{"name": "kurdistan"}, {"name": "federal"}],
  "sectors": {"split_along_border_km": [0, 80, 200], "jurisdiction": ["kurdistan", "federal"]},
  "sensors": {"towers": {"along_border": {"spacing_m": 4000}, "range_m": 2000}},
  "threats": {
    "infiltrators": {"per_day": 20, "origins": [{"along_border_km": [60, 100], "weight": 2}, {"along_border_km": [150, 200]}]},
    "smugglers": {"per_day": 30, "organisations": 3, "vehicle_share": 0.5}
  },
  "response": {"qrf": {"bases_km": [40, 140], "teams_per_base": 2}},
  "batch": {"replications": 6},
  "variants": {"baseline": {}, "no-towers": {"sensors": {"towers": null}}}
})";

}  // namespace

TEST_CASE("threats: cargo and organisations and seams are identical on 1 or 3 threads") {
  const auto scenario = load_scenario_text(kScenario, "threats.json");
  const BatchResult one = run_batch(scenario, 1);
  const BatchResult three = run_batch(scenario, 3);
  REQUIRE(one.variants.size() == 2);
  CHECK(testing::check_same_batch(one, three) > 0);
  std::size_t smugglers = 0, vehicles = 0, seized = 0;
  for (const VariantResult& variant : one.variants) {
    for (const ReplicationRecord& replication : variant.replications) {
      for (const CrossingRecord& x : replication.crossing_records) {
        CHECK(!std::isnan(x.seam_distance_m));  // one seam, at 80 km
        smugglers += x.kind == CrosserKind::kSmuggler;
        vehicles += x.mover == Mover::kVehicle;
        seized += x.outcome == Outcome::kIntercepted && x.cargo_value_usd > 0.0;
      }
      CHECK(replication.responder_available_s == 4 * 24 * 3600.0);
    }
  }
  CHECK(smugglers > 100);
  CHECK(vehicles > 20);
  // Variants meet the same crossers: the plans' fields agree row by row.
  for (std::size_t r = 0; r < 6; ++r) {
    const auto& a = one.variants[0].replications[r].crossing_records;
    const auto& b = one.variants[1].replications[r].crossing_records;
    REQUIRE(a.size() == b.size());
    for (std::size_t c = 0; c < a.size(); ++c) {
      CHECK(a[c].crosser == b[c].crosser);
      CHECK(testing::same_bits(a[c].start_s, b[c].start_s));
      CHECK(testing::same_bits(a[c].cargo_value_usd, b[c].cargo_value_usd));
      CHECK(a[c].organisation == b[c].organisation);
      CHECK(a[c].mover == b[c].mover);
    }
  }
  MESSAGE("crossings with cargo seized: " << seized);
}
