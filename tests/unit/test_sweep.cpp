// A scenario's sweep section (scenario/sweep.h): design points as variants, the design
// table, and every kind of bad input, named by its pointer.
#include <doctest/doctest.h>

#include <cmath>
#include <set>
#include <string>

#include "bordersim/core/error.h"
#include "bordersim/scenario/sweep.h"

using namespace bordersim;

namespace {

// A small flat scenario; `sweep` is the text of its sweep section.
std::string scenario_with(const std::string& sweep, const std::string& extra = "") {
  return R"({ "name": "sweep-test", "seed": 5, "duration_h": 12,
    "terrain": { "flat": { "length_km": 40, "depth_km": 20 } },
    "jurisdictions": [ { "name": "a" }, { "name": "b" } ],
    "sectors": { "split_along_border_km": [0, 20, 40], "jurisdiction": ["a", "b"], "handoff_delay_s": 600 },
    "sensors": { "towers": { "along_border": { "spacing_m": 4000 }, "range_m": 1500 } },
    "threats": { "infiltrators": { "per_day": 20 } },
    "response": { "qrf": { "bases_km": [10, 30], "teams_per_base": 1, "speed_mps": 10 } },
    "batch": { "replications": 3 }, )" +
         extra + R"( "sweep": )" + sweep + "}";
}

InputError error_of(const std::string& text) {
  try {
    load_sweep_text(text, "s.json");
  } catch (const InputError& e) {
    return e;
  }
  FAIL("expected an InputError");
  return InputError("", "", "");
}

}  // namespace

TEST_CASE("sweep: a factorial runs every combination as a variant, with its design table") {
  const LoadedScenario s = load_sweep_text(scenario_with(R"({ "design": "factorial", "factors": [
      { "pointer": "/sensors/towers/along_border/spacing_m", "min": 2000, "max": 6000, "steps": 3 },
      { "pointer": "/sectors/handoff", "levels": ["delayed", "joint"] },
      { "pointer": "/response/qrf/teams_per_base", "levels": [1, 3] } ] })"),
                                           "s.json");
  REQUIRE(s.variants.size() == 12);
  REQUIRE(s.design.has_value());
  const DesignTable& d = *s.design;
  CHECK(d.design == "factorial");
  CHECK(d.factors == std::vector<std::string>{"/sensors/towers/along_border/spacing_m",
                                              "/sectors/handoff", "/response/qrf/teams_per_base"});
  CHECK(d.variants.front() == "point-001");
  CHECK(d.variants.back() == "point-012");
  std::set<std::vector<double>> rows;
  for (std::size_t p = 0; p < 12; ++p) {
    CHECK(s.variants[p].name == d.variants[p]);
    const Scenario& v = s.variants[p].scenario;
    // The variant's scenario holds what the table says.
    CHECK(v.sensors.towers->along_border.spacing_m == d.at(p, 0));
    CHECK((v.sectors.handoff == "joint") == (d.at(p, 1) == 1.0));  // categorical: the level's index
    CHECK(v.response.qrf->teams_per_base == d.at(p, 2));           // numeric levels: the value
    rows.insert({d.at(p, 0), d.at(p, 1), d.at(p, 2)});
  }
  CHECK(rows.size() == 12);
  CHECK(d.at(0, 0) == 2000.0);
  CHECK(d.at(4, 0) == 4000.0);
  CHECK(d.at(11, 0) == 6000.0);
  // The definitions travel with the table; the resolved scenario keeps the section.
  CHECK(d.factors_json.find("\"levels\":[\"delayed\",\"joint\"]") != std::string::npos);
  CHECK(s.resolved.contains("sweep"));
  // Common random numbers: one seed and replication count for all points.
  CHECK(s.base.seed == 5);
}

TEST_CASE("sweep: a NOLH over numbers, integers and levels keeps each within its range") {
  const LoadedScenario s = load_sweep_text(scenario_with(R"({ "design": "nolh", "factors": [
      { "pointer": "/sensors/towers/along_border/spacing_m", "min": 2000, "max": 6000 },
      { "pointer": "/response/qrf/teams_per_base", "min": 1, "max": 4 },
      { "pointer": "/sectors/handoff_delay_s", "min": 0, "max": 3600, "integer": true },
      { "pointer": "/sectors/handoff", "levels": ["delayed", "never", "joint"] } ] })"),
                                           "s.json");
  REQUIRE(s.variants.size() == 17);
  const DesignTable& d = *s.design;
  std::set<double> spacings;
  for (std::size_t p = 0; p < 17; ++p) {
    const Scenario& v = s.variants[p].scenario;
    CHECK(d.at(p, 0) >= 2000.0);
    CHECK(d.at(p, 0) <= 6000.0);
    spacings.insert(d.at(p, 0));
    CHECK(v.response.qrf->teams_per_base == d.at(p, 1));
    CHECK(d.at(p, 1) == std::round(d.at(p, 1)));
    CHECK(d.at(p, 2) == std::round(d.at(p, 2)));
    CHECK(v.sectors.handoff_delay_s == d.at(p, 2));
    CHECK(d.at(p, 3) >= 0.0);
    CHECK(d.at(p, 3) <= 2.0);
  }
  CHECK(spacings.size() == 17);  // a Latin hypercube: 17 distinct levels
  CHECK(d.at(8, 0) == 4000.0);   // the centre run
  CHECK(d.design == "nolh");
}

TEST_CASE("sweep: LHS with its points and seed is stratified in the factor's own units") {
  const auto design = [](const std::string& seed) {
    return *load_sweep_text(
                scenario_with(R"({ "design": "lhs", "points": 12, "seed": )" + seed + R"(,
        "factors": [ { "pointer": "/sectors/handoff_delay_s", "min": 0, "max": 1200, "integer": false },
                     { "pointer": "/response/qrf/speed_mps", "min": 5, "max": 20 } ] })"),
                "s.json")
                .design;
  };
  const DesignTable d = design("3");
  REQUIRE(d.variants.size() == 12);
  std::set<int> strata;
  for (std::size_t p = 0; p < 12; ++p) strata.insert(static_cast<int>(d.at(p, 0) / 100.0));
  CHECK(strata.size() == 12);
  CHECK(design("3") == d);
  CHECK(design("4").values != d.values);
}

TEST_CASE("sweep: bad input names the pointer") {
  const auto pointer = [](const std::string& sweep, const std::string& extra = "") {
    return error_of(scenario_with(sweep, extra)).pointer();
  };
  const std::string spacing =
      R"({ "pointer": "/sensors/towers/along_border/spacing_m", "min": 2000, "max": 6000 })";
  CHECK(pointer(R"({ "design": "box-behnken", "factors": [)" + spacing + "] }") == "/sweep/design");
  CHECK(pointer(R"({ "factors": [)" + spacing + "] }") == "/sweep/design");
  CHECK(pointer(R"({ "design": "nolh", "factors": [] })") == "/sweep/factors");
  CHECK(pointer(R"({ "design": "nolh", "factors": [)" + spacing + "], \"colour\": 1 }") ==
        "/sweep/colour");
  CHECK(pointer(R"({ "design": "lhs", "factors": [)" + spacing + "] }") == "/sweep/points");
  CHECK(pointer(R"({ "design": "lhs", "points": 1, "factors": [)" + spacing + "] }") ==
        "/sweep/points");
  CHECK(pointer(R"({ "design": "nolh", "points": 9, "factors": [)" + spacing + "] }") ==
        "/sweep/points");
  CHECK(pointer(R"({ "design": "nolh", "seed": 9, "factors": [)" + spacing + "] }") ==
        "/sweep/seed");
  // Unknown pointer, bad pointer syntax, keys the variants share.
  CHECK(
      pointer(
          R"({ "design": "nolh", "factors": [ { "pointer": "/sensors/towers/no_such_key", "min": 1, "max": 2 } ] })") ==
      "/sweep/factors/0/pointer");
  CHECK(
      pointer(
          R"({ "design": "nolh", "factors": [ { "pointer": "sensors", "min": 1, "max": 2 } ] })") ==
      "/sweep/factors/0/pointer");
  CHECK(pointer(
            R"({ "design": "nolh", "factors": [ { "pointer": "/seed", "min": 1, "max": 2 } ] })") ==
        "/sweep/factors/0/pointer");
  CHECK(
      pointer(
          R"({ "design": "nolh", "factors": [ { "pointer": "/batch/replications", "min": 1, "max": 2 } ] })") ==
      "/sweep/factors/0/pointer");
  // Ranges and levels.
  CHECK(
      pointer(
          R"({ "design": "nolh", "factors": [ { "pointer": "/sectors/handoff_delay_s", "min": 10, "max": 5 } ] })") ==
      "/sweep/factors/0/max");
  CHECK(
      pointer(
          R"({ "design": "nolh", "factors": [ { "pointer": "/sectors/handoff_delay_s", "min": 0 } ] })") ==
      "/sweep/factors/0");
  CHECK(
      pointer(
          R"({ "design": "nolh", "factors": [ { "pointer": "/sectors/handoff", "min": 0, "max": 1 } ] })") ==
      "/sweep/factors/0/pointer");
  CHECK(
      pointer(
          R"({ "design": "nolh", "factors": [ { "pointer": "/sectors/handoff", "levels": [] } ] })") ==
      "/sweep/factors/0/levels");
  CHECK(
      pointer(
          R"({ "design": "nolh", "factors": [ { "pointer": "/sectors/handoff", "levels": ["joint", null] } ] })") ==
      "/sweep/factors/0/levels/1");
  CHECK(
      pointer(
          R"({ "design": "nolh", "factors": [ { "pointer": "/sectors/handoff", "levels": ["joint", "joint"] } ] })") ==
      "/sweep/factors/0/levels/1");
  CHECK(pointer(R"({ "design": "nolh", "factors": [)" + spacing + ", " + spacing + "] }") ==
        "/sweep/factors/1/pointer");
  CHECK(pointer(R"({ "design": "nolh", "factors": [)" + spacing +
                R"(, { "pointer": "/sensors/towers", "levels": [{}] } ] })") ==
        "/sweep/factors/1/pointer");
  CHECK(
      pointer(
          R"({ "design": "nolh", "factors": [ { "pointer": "/sectors/handoff_delay_s", "min": 0, "max": 1, "steps": 3 } ] })") ==
      "/sweep/factors/0/steps");
  // More factors than the largest NOLH has columns (22): counted before each is read.
  std::string many = R"({ "design": "nolh", "factors": [)" + spacing;
  for (int i = 1; i < 23; ++i) many += ", " + spacing;
  CHECK(pointer(many + "] }") == "/sweep/factors");
  // The sweep runs its points as the variants; a file with both is ambiguous.
  CHECK(pointer(R"({ "design": "nolh", "factors": [)" + spacing + "] }",
                R"("variants": { "x": {} },)") == "/variants");
  CHECK(error_of(R"({ "name": "plain" })").pointer() == "/sweep");
}

TEST_CASE(
    "sweep: a design point that makes the scenario invalid names the factor's pointer and the "
    "point") {
  const InputError e = error_of(scenario_with(R"({ "design": "factorial", "factors": [
      { "pointer": "/response/qrf/speed_mps", "min": 5, "max": 20 },
      { "pointer": "/sensors/towers/range_m", "levels": [1500, -10] } ] })"));
  CHECK(e.pointer() == "/sensors/towers/range_m");
  CHECK(e.problem().find("point-002") != std::string::npos);
  CHECK(e.problem().find("/sweep/factors/1") != std::string::npos);
  CHECK(e.problem().find("-10") != std::string::npos);
  // A check across keys (a base key made invalid by a factor's value) names the point's settings.
  const InputError across = error_of(scenario_with(R"({ "design": "factorial", "factors": [
      { "pointer": "/terrain/flat/length_km", "levels": [40, 35] } ] })"));
  CHECK(across.problem().find("point-002") != std::string::npos);
  CHECK(across.problem().find("/terrain/flat/length_km = 35") != std::string::npos);
}

TEST_CASE("sweep: a scenario with a sweep section still loads for run and validate") {
  const LoadedScenario s = load_scenario_text(
      scenario_with(
          R"({ "design": "nolh", "factors": [ { "pointer": "/sectors/handoff_delay_s", "min": 0, "max": 60 } ] })"),
      "s.json");
  CHECK(s.variants.size() == 1);
  CHECK(!s.design.has_value());
  CHECK(s.resolved["sweep"]["design"] == "nolh");
}

TEST_CASE("sweep: the resolved scenario of a sweep loads again to the same text") {
  // merge and --resume check that a file's scenario resolves to itself.
  const LoadedScenario s = load_sweep_text(scenario_with(R"({ "design": "lhs", "points": 5,
      "factors": [ { "pointer": "/sectors/handoff_delay_s", "min": 0, "max": 60 } ] })"),
                                           "s.json");
  const std::string text = s.resolved.dump(2);
  const LoadedScenario again = load_scenario_text(text, "s.json");
  CHECK(again.resolved.dump(2) == text);
  REQUIRE(again.variants.size() == 5);
  CHECK(again.variants[4].name == "point-005");
  CHECK(again.variants[4].scenario.sectors.handoff_delay_s == s.design->at(4, 0));
}
