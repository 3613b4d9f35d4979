// The built-in default scenario is the showcase of the README and the quickstart: it must
// keep exercising every part of the model and offer the layouts a planner compares.
// Structure only (no run): the figures it gives are in README.md and bench/README.md.
#include <doctest/doctest.h>

#include <algorithm>
#include <set>
#include <string>

#include "bordersim/scenario/default_scenario.h"
#include "bordersim/scenario/load.h"

using namespace bordersim;

namespace {

const Scenario& variant(const LoadedScenario& loaded, const std::string& name) {
  const auto it = std::find_if(loaded.variants.begin(), loaded.variants.end(),
                               [&](const Variant& v) { return v.name == name; });
  REQUIRE_MESSAGE(it != loaded.variants.end(), "no variant " << name);
  return it->scenario;
}

// The jurisdiction of the sector holding `at_km` along the border.
std::string jurisdiction_at(const SectorsSpec& sectors, double at_km) {
  for (std::size_t s = 0; s + 1 < sectors.split_along_border_km.size(); ++s) {
    if (at_km < sectors.split_along_border_km[s + 1]) return sectors.jurisdiction.at(s);
  }
  return sectors.jurisdiction.back();
}

}  // namespace

TEST_CASE("default scenario: two jurisdictions with named sectors and a delayed hand-off") {
  const LoadedScenario loaded = load_scenario_text(std::string(default_scenario_json()), "default");
  const Scenario& base = loaded.base;
  CHECK(base.terrain.synthetic.has_value());
  CHECK(base.jurisdictions.size() == 2);
  const SectorsSpec& sectors = base.sectors;
  CHECK(sectors.names.size() >= 2);
  CHECK(std::set<std::string>(sectors.jurisdiction.begin(), sectors.jurisdiction.end()).size() ==
        2);
  CHECK(sectors.handoff == "delayed");
  CHECK(sectors.handoff_delay_s > 0.0);
  // A QRF base in each jurisdiction.
  REQUIRE(base.response.qrf.has_value());
  std::set<std::string> with_bases;
  for (double km : base.response.qrf->bases_km) with_bases.insert(jurisdiction_at(sectors, km));
  CHECK(with_bases.size() == 2);
}

TEST_CASE("default scenario: every kind of sensor and crosser appears") {
  const LoadedScenario loaded = load_scenario_text(std::string(default_scenario_json()), "default");
  const Scenario& base = loaded.base;
  REQUIRE(base.sensors.towers.has_value());
  CHECK_FALSE(base.sensors.towers->cameras.empty());
  CHECK(base.sensors.towers->availability.mtbf_h > 0.0);
  CHECK(base.sensors.patrols.size() >= 2);
  CHECK_FALSE(base.sensors.ground_sensors.empty());
  REQUIRE(base.threats.infiltrators.has_value());
  REQUIRE(base.threats.smugglers.has_value());
  CHECK(base.threats.smugglers->vehicle_share > 0.0);
  CHECK(base.threats.smugglers->vehicle_share < 1.0);
  const std::set<std::string> knowledge = {base.threats.infiltrators->knowledge,
                                           base.threats.smugglers->knowledge};
  CHECK(knowledge.count("informed") == 1);
  CHECK(knowledge.count("adaptive") == 1);
  CHECK(base.routing.crossers == "planned");
}

TEST_CASE("default scenario: the variants a planner compares") {
  const LoadedScenario loaded = load_scenario_text(std::string(default_scenario_json()), "default");
  REQUIRE(loaded.variants.size() >= 4);
  CHECK(loaded.variants.front().name == "towers-only");  // the baseline of the differences
  const Scenario& towers_only = variant(loaded, "towers-only");
  CHECK(towers_only.sensors.patrols.empty());
  CHECK(towers_only.sensors.ground_sensors.empty());
  CHECK(towers_only.sensors.drones.empty());

  const Scenario& thermal = variant(loaded, "thermal-cameras");
  REQUIRE(thermal.sensors.towers.has_value());
  CHECK(thermal.sensors.towers->cameras.at(0).kind == "thermal");
  CHECK(thermal.sectors.handoff == "delayed");

  CHECK(variant(loaded, "joint-command").sectors.handoff == "joint");

  const Scenario& drones = variant(loaded, "drones-joint");
  CHECK(drones.sectors.handoff == "joint");
  CHECK(drones.sensors.drones.size() >= 1);
  CHECK(drones.sensors.towers->cameras.at(0).kind == "thermal");
}
