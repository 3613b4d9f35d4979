// What a replication's record keeps of the plans: cargo, organisation, mover, seams, values.
#include <doctest/doctest.h>

#include <cmath>
#include <vector>

#include "bordersim/run/model.h"
#include "bordersim/run/plan_records.h"
#include "bordersim/run/replication.h"
#include "bordersim/scenario/load.h"
#include "bordersim/stats/seams.h"

using namespace bordersim;

namespace {

// A straight 200 km border along x: arc length = x. Seams where kurdistan meets federal:
// at 80 km and at 150 km; 120 km is a boundary between two federal sectors, not a seam.
Scenario two_jurisdictions_scenario() {
  const auto loaded = load_scenario_text(R"({
    "terrain": {"flat": {"length_km": 200, "depth_km": 20}},
    "jurisdictions": [{"name": "kurdistan"}, {"name": "federal"}],
    "sectors": {"split_along_border_km": [0, 80, 120, 150, 200],
                "jurisdiction": ["kurdistan", "federal", "federal", "kurdistan"]},
    "response": {"qrf": {"bases_km": [50, 150], "teams_per_base": 2}},
    "duration_h": 10
  })",
                                         "t.json");
  return loaded.variants[0].scenario;
}

Model two_jurisdictions() { return build_model(two_jurisdictions_scenario()); }

}  // namespace

TEST_CASE(
    "seams: where neighbouring sectors change jurisdiction, and the distance to the nearest") {
  const Model model = two_jurisdictions();
  const std::vector<double> seams = seam_positions_m(model.sectors);
  CHECK(seams == std::vector<double>{80e3, 150e3});
  CHECK(seam_distance_m(seams, 0.0) == 80e3);
  CHECK(seam_distance_m(seams, 79e3) == doctest::Approx(1e3));
  CHECK(seam_distance_m(seams, 120e3) == doctest::Approx(30e3));
  CHECK(seam_distance_m(seams, 140e3) == doctest::Approx(10e3));
  CHECK(seam_distance_m(seams, 200e3) == doctest::Approx(50e3));
  CHECK(std::isnan(seam_distance_m({}, 5.0)));
}

TEST_CASE(
    "record_plans: rows get their plan's cargo and the replication its values and duty time") {
  const Model model = two_jurisdictions();
  std::vector<CrosserPlan> plans(3);
  plans[0].id = 10;  // ids need not be dense for hand-made plans
  plans[0].kind = CrosserKind::kSmuggler;
  plans[0].mover = Mover::kVehicle;
  plans[0].cargo = CargoKind::kWeapons;
  plans[0].cargo_value_usd = 5000.0;
  plans[0].organisation = 2;
  plans[1].id = 4;
  plans[1].kind = CrosserKind::kSmuggler;
  plans[1].cargo = CargoKind::kDrugs;
  plans[1].cargo_value_usd = 700.0;
  plans[1].organisation = 1;
  plans[2].id = 7;  // an infiltrator: no cargo

  ReplicationRecord record;
  const auto row = [](std::uint32_t crosser, Outcome outcome, double x) {
    CrossingRecord c;
    c.crosser = crosser;
    c.outcome = outcome;
    c.border_x_m = x;
    return c;
  };
  record.crossing_records = {row(10, Outcome::kIntercepted, 77e3),
                             row(4, Outcome::kDetectedNotIntercepted, 160e3),
                             row(7, Outcome::kUndetected, 10e3), row(99, Outcome::kAborted, 150e3)};
  record_plans(model, plans, record);
  const auto& rows = record.crossing_records;
  CHECK(rows[0].kind == CrosserKind::kSmuggler);
  CHECK(rows[0].mover == Mover::kVehicle);
  CHECK(rows[0].cargo == CargoKind::kWeapons);
  CHECK(rows[0].organisation == 2);
  CHECK(rows[0].cargo_value_usd == 5000.0);
  CHECK(rows[0].seam_distance_m == doctest::Approx(3e3));
  CHECK(rows[1].cargo == CargoKind::kDrugs);
  CHECK(rows[1].seam_distance_m == doctest::Approx(10e3));
  CHECK(rows[2].cargo == CargoKind::kNone);
  CHECK(rows[2].seam_distance_m == doctest::Approx(70e3));
  CHECK(rows[3].seam_distance_m == doctest::Approx(0.0));  // no plan: only the seam is known
  CHECK(record.value_seized_usd == 5000.0);
  CHECK(record.value_delivered_usd == 700.0);
  CHECK(record.responder_available_s == 4 * 10 * 3600.0);
}

TEST_CASE("record_plans: a simulated replication's rows carry their plans") {
  auto scenario = two_jurisdictions_scenario();
  scenario.threats.smugglers.emplace();
  scenario.threats.smugglers->per_day = 50;
  scenario.threats.smugglers->goal_depth_km = 5;
  const Model with_smugglers = build_model(scenario);
  const auto plans = plan_crossers(with_smugglers.crossers, 3, 0);
  REQUIRE(!plans.empty());
  const ReplicationRecord record = simulate_replication(with_smugglers, plans, 3, 0);
  REQUIRE(record.crossing_records.size() == plans.size());
  double seized = 0.0;
  for (const CrossingRecord& c : record.crossing_records) {
    const CrosserPlan& p = plans.at(c.crosser);
    CHECK(c.cargo == p.cargo);
    CHECK(c.organisation == p.organisation);
    CHECK(c.mover == p.mover);
    CHECK(c.cargo_value_usd == p.cargo_value_usd);
    CHECK(!std::isnan(c.seam_distance_m));
    if (c.outcome == Outcome::kIntercepted) seized += c.cargo_value_usd;
  }
  CHECK(record.value_seized_usd == seized);
}
