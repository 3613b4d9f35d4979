// Crossers that differ (issue 15, item 2): the distribution keys of speed, goal depth and
// group size (scenario/distribution.h), their errors, and the draws' common random
// numbers (movers/crosser_variety.h). Their statistics are in
// tests/validation/test_crosser_variety.cpp.
#include <doctest/doctest.h>

#include <algorithm>
#include <cmath>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "../support/scenario_errors.h"
#include "bordersim/movers/arrivals.h"
#include "bordersim/run/model.h"
#include "bordersim/scenario/load.h"

using namespace bordersim;

namespace {

// Flat ground, both kinds; `infiltrators` and `smugglers` are extra JSON members.
std::string two_kinds(const std::string& infiltrators, const std::string& smugglers = "") {
  return R"({"duration_h": 48, "threats": {"infiltrators": {"per_day": 60)" +
         (infiltrators.empty() ? "" : ", " + infiltrators) + R"(}, "smugglers": {"per_day": 60)" +
         (smugglers.empty() ? "" : ", " + smugglers) + "}}}";
}

std::vector<CrosserPlan> plans_of(const std::string& text, std::uint32_t replication = 2) {
  const auto loaded = load_scenario_text(text, "variety.json");
  return plan_crossers(build_model(loaded.base).crossers, 17, replication);
}

std::string error_of(const std::string& text) { return testing::pointer_of_error(text); }

}  // namespace

TEST_CASE(
    "crosser variety: a number is fixed, objects name a family, and the resolved form reads back") {
  const auto loaded = load_scenario_text(
      two_kinds(R"("speed_mps": {"family": "lognormal", "mean": 1.1, "cv": 0.3},
      "goal_depth_km": {"family": "exponential", "mean": 4}, "group_size": {"family": "fixed", "value": 3})",
                R"("vehicle_speed_mps": {"family": "uniform", "min": 5, "max": 11})"),
      "variety.json");
  const Json& inf = loaded.resolved["threats"]["infiltrators"];
  CHECK(inf["speed_mps"] == Json{{"family", "lognormal"}, {"mean", 1.1}, {"cv", 0.3}});
  CHECK(inf["goal_depth_km"] == Json{{"family", "exponential"}, {"mean", 4.0}});
  CHECK(inf["group_size"] == Json{{"family", "fixed"}, {"value", 3}});
  const Json& smu = loaded.resolved["threats"]["smugglers"];
  CHECK(smu["foot_speed_mps"] == 1.3);              // today's form stays a number
  CHECK(smu["group_size"] == Json::array({1, 4}));  // and [min, max]
  CHECK(smu["vehicle_speed_mps"]["family"] == "uniform");
  // What validate --resolved prints loads to the same scenario.
  Json again = loaded.resolved;
  again.erase("variants");
  const auto reloaded = load_scenario_text(again.dump(), "again.json");
  CHECK(reloaded.resolved["threats"] == loaded.resolved["threats"]);
  CHECK(reloaded.base.threats.infiltrators->speed_mps.cv == 0.3);
}

TEST_CASE("crosser variety: bad parameters are errors at their pointer") {
  const std::string inf = "/threats/infiltrators";
  CHECK(error_of(two_kinds(R"("speed_mps": -1)")) == inf + "/speed_mps");
  CHECK(error_of(two_kinds(R"("speed_mps": {"family": "uniform", "min": -1, "max": 2})")) ==
        inf + "/speed_mps/min");
  CHECK(error_of(two_kinds(R"("speed_mps": {"family": "uniform", "min": 2, "max": 1})")) ==
        inf + "/speed_mps/max");
  CHECK(error_of(two_kinds(R"("speed_mps": {"family": "lognormal", "mean": 1, "cv": -0.1})")) ==
        inf + "/speed_mps/cv");
  CHECK(error_of(two_kinds(R"("speed_mps": {"family": "lognormal", "mean": 1})")) ==
        inf + "/speed_mps/cv");
  CHECK(error_of(two_kinds(R"("speed_mps": {"family": "exponential", "mean": 1})")) ==
        inf + "/speed_mps/family");
  CHECK(error_of(two_kinds(R"("speed_mps": {"family": "gamma", "mean": 1})")) ==
        inf + "/speed_mps/family");
  CHECK(error_of(two_kinds(R"("speed_mps": {"mean": 1})")) == inf + "/speed_mps/family");
  CHECK(error_of(two_kinds(R"("speed_mps": {"family": "fixed", "value": 1, "cv": 2})")) ==
        inf + "/speed_mps/cv");
  CHECK(error_of(two_kinds(R"("speed_mps": "fast")")) == inf + "/speed_mps");
  // Below the slowest speed the millisecond clock allows (scenario/limits.h), in any form.
  CHECK(error_of(two_kinds(R"("speed_mps": 0.0005)")) == inf + "/speed_mps");
  CHECK(error_of(two_kinds(R"("speed_mps": {"family": "uniform", "min": 0.0005, "max": 1})")) ==
        inf + "/speed_mps/min");
  CHECK(error_of(two_kinds(R"("speed_mps": {"family": "lognormal", "mean": 0.0001, "cv": 1})")) ==
        inf + "/speed_mps/mean");
  // (a fixed value is the key's plain number once read: the error names the key)
  CHECK(error_of(two_kinds("", R"("vehicle_speed_mps": {"family": "fixed", "value": 0.0002})")) ==
        "/threats/smugglers/vehicle_speed_mps");
  // Goals on the ground: a uniform's max, the others' mean within the corridor (60 km).
  CHECK(error_of(two_kinds(R"("goal_depth_km": {"family": "uniform", "min": 1, "max": 70})")) ==
        inf + "/goal_depth_km/max");
  CHECK(error_of(two_kinds(R"("goal_depth_km": {"family": "exponential", "mean": 61})")) ==
        inf + "/goal_depth_km/mean");
  CHECK(error_of(two_kinds(R"("goal_depth_km": {"family": "exponential", "mean": 0})")) ==
        inf + "/goal_depth_km/mean");
  // Group sizes: whole people within [1, 10000]; no exponential.
  CHECK(error_of(two_kinds(R"("group_size": {"family": "fixed", "value": 2.5})")) ==
        inf + "/group_size/value");
  CHECK(error_of(two_kinds(R"("group_size": {"family": "uniform", "min": 0, "max": 3})")) ==
        inf + "/group_size/min");
  CHECK(error_of(two_kinds(R"("group_size": {"family": "exponential", "mean": 3})")) ==
        inf + "/group_size/family");
  CHECK(error_of(two_kinds(R"("group_size": [3])")) == inf + "/group_size");
  // Planned routes on terrain follow a cost field built for one goal depth.
  const std::string terrain =
      R"({"terrain": {"synthetic": {"length_km": 40, "depth_km": 20}, "cell_m": 200},
      "threats": {"infiltrators": {"goal_depth_km": {"family": "uniform", "min": 2, "max": 6}}}})";
  CHECK(error_of(terrain) == inf + "/goal_depth_km");
  std::string straight = terrain;
  straight.insert(1, R"("routing": {"crossers": "straight"}, )");
  CHECK_NOTHROW(load_scenario_text(straight, "straight.json"));
}

TEST_CASE("crosser variety: fixed draws nothing, and each attribute has its own stream") {
  const auto base = plans_of(two_kinds(""));
  REQUIRE(base.size() > 150);
  // The explicit forms of today's values draw exactly today's crossers.
  const auto spelled = plans_of(two_kinds(R"("speed_mps": {"family": "fixed", "value": 1.2},
      "group_size": {"family": "uniform", "min": 2, "max": 8})"));
  REQUIRE(spelled.size() == base.size());
  for (std::size_t i = 0; i < base.size(); ++i) {
    CHECK(spelled[i].group_size == base[i].group_size);
    CHECK(spelled[i].speed_mps == base[i].speed_mps);
  }

  // Speeds that vary: everything else of every crosser stays, goal depths included.
  const auto fast =
      plans_of(two_kinds(R"("speed_mps": {"family": "lognormal", "mean": 1.2, "cv": 0.3})",
                         R"("vehicle_speed_mps": {"family": "uniform", "min": 6, "max": 10})"));
  const auto wide =
      plans_of(two_kinds(R"("speed_mps": {"family": "lognormal", "mean": 1.2, "cv": 0.6},
      "goal_depth_km": {"family": "exponential", "mean": 5})",
                         R"("vehicle_speed_mps": {"family": "uniform", "min": 6, "max": 10})"));
  REQUIRE(fast.size() == base.size());
  REQUIRE(wide.size() == base.size());
  std::size_t varied = 0, vehicles = 0, deeper = 0;
  for (std::size_t i = 0; i < base.size(); ++i) {
    CHECK(fast[i].key == base[i].key);
    CHECK(fast[i].start == base[i].start);
    CHECK(fast[i].border_s == base[i].border_s);
    CHECK(fast[i].group_size == base[i].group_size);
    CHECK(fast[i].reaction == base[i].reaction);
    CHECK(fast[i].mover == base[i].mover);
    CHECK(fast[i].cargo_value_usd == base[i].cargo_value_usd);
    CHECK(fast[i].goal_m == base[i].goal_m);
    const bool smuggler_on_foot =
        base[i].kind == CrosserKind::kSmuggler && base[i].mover == Mover::kFoot;
    if (smuggler_on_foot) {
      CHECK(fast[i].speed_mps == base[i].speed_mps);  // foot_speed_mps left fixed
    } else {
      varied += fast[i].speed_mps != base[i].speed_mps;
    }
    if (base[i].mover == Mover::kVehicle) {
      ++vehicles;
      CHECK(fast[i].speed_mps >= 6.0);
      CHECK(fast[i].speed_mps < 10.0);
    }
    // A wider spread keeps each crosser on its side of the median (same uniform, same
    // quantile): the lognormal's median is mean / sqrt(1 + cv^2).
    if (base[i].kind == CrosserKind::kInfiltrator) {
      CHECK((fast[i].speed_mps > 1.2 / std::sqrt(1.09)) ==
            (wide[i].speed_mps > 1.2 / std::sqrt(1.36)));
      deeper += wide[i].goal_m != base[i].goal_m;
    } else {
      CHECK(wide[i].goal_m == base[i].goal_m);  // the smugglers' goal is still fixed
    }
  }
  CHECK(varied > 100);
  CHECK(vehicles > 5);
  CHECK(deeper > 50);
}

TEST_CASE("crosser variety: scenarios/race-variety.json loads with its four variants") {
  std::ifstream in(BORDERSIM_SOURCE_DIR "/scenarios/race-variety.json");
  REQUIRE(in);
  std::stringstream text;
  text << in.rdbuf();
  const auto loaded = load_scenario_text(text.str(), "race-variety.json");
  REQUIRE(loaded.variants.size() == 4);
  CHECK(loaded.variants[1].scenario.threats.infiltrators->goal_depth_km.family ==
        DistributionFamily::kExponential);
  CHECK(loaded.variants[2].scenario.threats.infiltrators->speed_mps.family ==
        DistributionFamily::kLognormal);
  CHECK(!loaded.base.threats.infiltrators->night_preference.share);
}
