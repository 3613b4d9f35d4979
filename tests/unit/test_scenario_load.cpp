// The scenario loader: defaults, every kind of bad input, variants as merge patches.
#include <doctest/doctest.h>

#include "bordersim/core/error.h"
#include "bordersim/run/model.h"
#include "bordersim/scenario/load.h"

using namespace bordersim;

namespace {

// Loads `text` expecting an InputError; returns its pointer and problem.
std::pair<std::string, std::string> load_error(const std::string& text) {
  try {
    load_scenario_text(text, "s.json");
  } catch (const InputError& e) {
    CHECK(e.file() == "s.json");
    const std::string pointer = e.pointer().empty() ? "/" : e.pointer();  // the root reads "/"
    CHECK(std::string(e.what()) == "s.json: " + pointer + ": " + e.problem());
    return {e.pointer(), e.problem()};
  }
  FAIL("expected an InputError for: " << text);
  return {};
}

}  // namespace

TEST_CASE("an empty scenario takes the documented defaults, and one baseline variant") {
  const auto loaded = load_scenario_text("{}", "s.json");
  CHECK(loaded.base.duration_h == 24.0);
  REQUIRE(loaded.base.terrain.flat.has_value());
  CHECK(loaded.base.terrain.flat->length_km == 610.0);
  CHECK_FALSE(loaded.base.sensors.towers.has_value());
  REQUIRE(loaded.variants.size() == 1);
  CHECK(loaded.variants[0].name == "baseline");
  CHECK(loaded.resolved["duration_h"] == 24.0);
}

TEST_CASE("unknown keys and wrong types and out-of-range values name their JSON pointer") {
  CHECK(load_error(R"({"duration": 3})").first == "/duration");
  CHECK(load_error(R"({"sensors": {"towers": {"range": 3}}})").first == "/sensors/towers/range");
  CHECK(load_error(R"({"duration_h": "long"})") ==
        std::pair<std::string, std::string>{"/duration_h", "expected a number, got string"});
  CHECK(load_error(R"({"duration_h": -1})").first == "/duration_h");
  CHECK(load_error(R"({"duration_h": 0})").first == "/duration_h");
  CHECK(load_error(R"({"batch": {"replications": 2.5}})").first == "/batch/replications");
  CHECK(load_error(R"({"seed": -4})").first == "/seed");
  CHECK(load_error(R"({"response": {"when_busy": "panic"}})").first == "/response/when_busy");
  CHECK(load_error(R"({"sensors": {"towers": {"detection_rate_per_s": "fast"}}})").first ==
        "/sensors/towers/detection_rate_per_s");
  CHECK(load_error(R"({"sensors": {"towers": {"detection_rate_per_s": 0}}})").first ==
        "/sensors/towers/detection_rate_per_s");
  CHECK(load_error(R"({"jurisdictions": [{"name": "a"}, {"nom": "b"}]})").first ==
        "/jurisdictions/1/name");
  CHECK(load_error(R"({"threats": {"infiltrators": {"group_size": [1, "x"]}}})").first ==
        "/threats/infiltrators/group_size/1");
  CHECK(load_error(R"([1, 2])").first.empty());
  CHECK(load_error(R"({"name": )").second.starts_with("not valid JSON"));
}

TEST_CASE("checks across keys point at the key to fix") {
  CHECK(load_error(R"({"threats": {"infiltrators": {"group_size": [5, 2]}}})").first ==
        "/threats/infiltrators/group_size");
  CHECK(load_error(R"({"sectors": {"split_along_border_km": [0, 100, 50]}})").first ==
        "/sectors/split_along_border_km/2");
  CHECK(load_error(R"({"sectors": {"split_along_border_km": [0, 100, 600]}})").first ==
        "/sectors/split_along_border_km/2");
  CHECK(load_error(R"({"sectors": {"split_along_border_km": [0, 610], "jurisdiction": ["mars"]}})")
            .first == "/sectors/jurisdiction/0");
  CHECK(load_error(R"({"sectors": {"split_along_border_km": [0, 300, 610], "names": ["a"]}})")
            .first == "/sectors/names");
  CHECK(load_error(R"({"response": {"qrf": {"bases_km": [700]}}})").first ==
        "/response/qrf/bases_km/0");
  CHECK(load_error(R"({"jurisdictions": [{"name": "a"}, {"name": "a"}]})").first ==
        "/jurisdictions/1/name");
}

TEST_CASE("variants are JSON merge patches over the base and keep file order") {
  const auto loaded = load_scenario_text(R"({
    "duration_h": 10,
    "sensors": {"towers": {"range_m": 900, "detection_rate_per_s": "instant"}},
    "variants": {
      "zeta": {},
      "alpha": {"sensors": {"towers": {"range_m": 1200}}},
      "no-towers": {"sensors": {"towers": null}}
    }})",
                                         "s.json");
  REQUIRE(loaded.variants.size() == 3);
  CHECK(loaded.variants[0].name == "zeta");
  CHECK(loaded.variants[1].name == "alpha");
  CHECK(loaded.variants[1].scenario.sensors.towers->range_m == 1200.0);
  CHECK(loaded.variants[1].scenario.sensors.towers->detection_rate_per_s.instant);
  CHECK(loaded.variants[1].scenario.duration_h == 10.0);
  CHECK_FALSE(loaded.variants[2].scenario.sensors.towers.has_value());
  CHECK(loaded.base.sensors.towers->range_m == 900.0);
}

TEST_CASE("an error inside a variant points into the variant's patch") {
  CHECK(load_error(R"({"variants": {"v": {"sensors": {"towers": {"rang_m": 1}}}}})").first ==
        "/variants/v/sensors/towers/rang_m");
  CHECK(load_error(R"({"variants": {"a.b": {"duration_h": -2}}})").first ==
        "/variants/a.b/duration_h");
  CHECK(load_error(R"({"variants": {"a/b": {"duration_h": -2}}})").first ==
        "/variants/a~1b");  // not a name
  CHECK(load_error(R"({"variants": {"v": {"seed": 3}}})").first == "/variants/v/seed");
  CHECK(load_error(R"({"variants": {"v": 3}})").first == "/variants/v");
  CHECK(load_error(R"({"variants": {}})").first == "/variants");
  // The patch shortens the border, so the base's sector split no longer fits.
  const auto [pointer, problem] = load_error(
      R"({"sectors": {"split_along_border_km": [0, 610]},
          "variants": {"short": {"terrain": {"flat": {"length_km": 100}}}}})");
  CHECK(pointer == "/sectors/split_along_border_km/1");
  CHECK(problem.find("in variant \"short\"") != std::string::npos);
}

TEST_CASE("command-line overrides and variant selection") {
  ScenarioOverrides overrides;
  overrides.seed = 99;
  overrides.replications = 7;
  overrides.only_variants = {"b"};
  const auto loaded =
      load_scenario_text(R"({"variants": {"a": {}, "b": {"duration_h": 2}}})", "s.json", overrides);
  CHECK(loaded.base.seed == 99);
  CHECK(loaded.base.batch.replications == 7);
  REQUIRE(loaded.variants.size() == 1);
  CHECK(loaded.variants[0].scenario.duration_h == 2.0);
  CHECK(loaded.resolved["batch"]["replications"] == 7);

  overrides.only_variants = {"c"};
  CHECK_THROWS_AS(load_scenario_text(R"({"variants": {"a": {}}})", "s.json", overrides),
                  InputError);
}

TEST_CASE("the resolved scenario loads back to the same values") {
  const auto first = load_scenario_text(R"({
    "sensors": {"towers": {"detection_rate_per_s": 0.01}},
    "threats": {"infiltrators": {"per_day": 5}},
    "response": {"qrf": {"bases_km": [10, 20]}},
    "variants": {"base": {}, "fast": {"response": {"report_latency_s": 5}}}})",
                                        "s.json");
  const auto again = load_scenario_text(first.resolved.dump(), "resolved.json");
  CHECK(again.resolved == first.resolved);
  CHECK(again.variants[1].scenario.response.report_latency_s == 5.0);
  CHECK(again.base.sensors.towers->detection_rate_per_s.per_s == 0.01);
}

TEST_CASE("a missing scenario file is bad input") {
  CHECK_THROWS_AS(load_scenario_file("/nonexistent/scenario.json"), InputError);
}

TEST_CASE("threats: keys of infiltrators and smugglers are checked with their pointers") {
  const auto loaded = load_scenario_text(R"({"threats": {"smugglers": {}}})", "s.json");
  REQUIRE(loaded.base.threats.smugglers.has_value());
  CHECK(loaded.base.threats.smugglers->per_day == 12.0);
  CHECK(loaded.base.threats.smugglers->knowledge == "informed");
  CHECK(loaded.base.sectors.seam_band_km == 10.0);
  CHECK(loaded.resolved["threats"]["smugglers"]["value_usd"]["drugs"]["mean"] == 10000.0);

  CHECK(
      load_error(
          R"({"threats": {"infiltrators": {"reactions": {"abort": 0.5, "hide": 0.4, "run": 0.2}}}})") ==
      std::pair<std::string, std::string>{"/threats/infiltrators/reactions",
                                          "abort + hide + run = 1.1 is more than 1"});
  CHECK(load_error(R"({"threats": {"smugglers": {"knowledge": "psychic"}}})").first ==
        "/threats/smugglers/knowledge");
  CHECK(load_error(R"({"threats": {"smugglers": {"group_size": [3, 1]}}})").first ==
        "/threats/smugglers/group_size");
  CHECK(load_error(
            R"({"threats": {"smugglers": {"organisations": 3, "organisation_weights": [1, 2]}}})")
            .first == "/threats/smugglers/organisation_weights");
  CHECK(load_error(
            R"({"threats": {"smugglers": {"cargo": {"drugs": 0, "weapons": 0, "people": 0}}}})")
            .first == "/threats/smugglers/cargo");
  CHECK(
      load_error(R"({"threats": {"infiltrators": {"origins": [{"along_border_km": [10, 700]}]}}})")
          .first == "/threats/infiltrators/origins/0/along_border_km/1");
  CHECK(load_error(R"({"threats": {"infiltrators": {"origins": [{"along_border_km": [10, 5]}]}}})")
            .first == "/threats/infiltrators/origins/0/along_border_km/1");
  CHECK(load_error(R"({"threats": {"infiltrators": {"origins": [{"weight": 1}]}}})").first ==
        "/threats/infiltrators/origins/0/along_border_km");
  CHECK(load_error(R"({"threats": {"smugglers": {"night_preference": 1.5}}})").first ==
        "/threats/smugglers/night_preference");
  CHECK(load_error(R"({"threats": {"smugglers": {"value_usd": {"gold": {"mean": 1}}}}})").first ==
        "/threats/smugglers/value_usd/gold");
}

TEST_CASE("land-cover overrides change only the keys given") {
  const auto loaded = load_scenario_text(R"({
    "land_cover": {"farmland": {"concealment": 0.5}, "road": {"clutter": 7, "foot_speed_factor": 1.3}}})",
                                         "cover.json");
  const Model model = build_model(loaded.base);
  const auto defaults = terrain::default_cover_table();
  const auto& farmland = terrain::properties(model.cover_table, terrain::LandCover::kFarmland);
  CHECK(farmland.concealment == 0.5);
  CHECK(farmland.clutter == terrain::properties(defaults, terrain::LandCover::kFarmland).clutter);
  const auto& road = terrain::properties(model.cover_table, terrain::LandCover::kRoad);
  CHECK(road.clutter == 7.0);
  CHECK(road.foot_speed_factor == 1.3);
  CHECK(road.vehicle_speed_factor ==
        terrain::properties(defaults, terrain::LandCover::kRoad).vehicle_speed_factor);
  CHECK(terrain::properties(model.cover_table, terrain::LandCover::kDesert).concealment ==
        terrain::properties(defaults, terrain::LandCover::kDesert).concealment);
}

TEST_CASE("a land-cover override out of range names its pointer") {
  try {
    load_scenario_text(R"({"land_cover": {"urban": {"concealment": 1.5}}})", "cover.json");
    FAIL("no error");
  } catch (const InputError& e) {
    CHECK(std::string(e.what()).find("/land_cover/urban/concealment") != std::string::npos);
  }
  try {
    load_scenario_text(R"({"land_cover": {"marsh": {"concealment": 0.5}}})", "cover.json");
    FAIL("no error");
  } catch (const InputError& e) {
    CHECK(std::string(e.what()).find("/land_cover/marsh") != std::string::npos);
  }
}
