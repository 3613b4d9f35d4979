// Ground sensors, availability and false alarms as the simulator uses them: a line of
// ground sensors is a barrier with a known detection probability, a tower that is down
// sees nothing, and false alarms reach the command post and send responders.
#include <doctest/doctest.h>
#include <fmt/format.h>

#include <cmath>

#include "../support/proportions.h"
#include "bordersim/run/batch.h"

using namespace bordersim;

namespace {

// Half-width of the 99 % normal interval of a proportion p over n trials.
double half_width_99(double p, double n) {
  return bordersim::testing::kZ99 * std::sqrt(p * (1.0 - p) / n);
}

}  // namespace

TEST_CASE(
    "a line of ground sensors detects a straight crosser with probability pd 2r over spacing") {
  // 40 m discs every 400 m across the crossers' paths, pd 0.7: a crosser walking along the
  // border's normal at a uniform point passes through a disc with probability 2r/spacing.
  const auto loaded = load_scenario_text(R"({
    "seed": 17, "duration_h": 24,
    "terrain": {"flat": {"length_km": 200}},
    "sensors": {"ground_sensors": [{"spacing_m": 400, "setback_m": 300, "radius_m": 40,
                                    "detection_probability": 0.7, "false_alarms_per_day": 0}]},
    "threats": {"infiltrators": {"per_day": 3000}},
    "batch": {"replications": 2}})",
                                         "ground.json");
  const BatchResult batch = run_batch(loaded, 2);
  double crossings = 0, detected = 0;
  for (const auto& rep : batch.variants[0].replications) {
    crossings += static_cast<double>(rep.crossings);
    for (const auto& row : rep.crossing_records) {
      if (std::isnan(row.first_detection_s)) continue;
      ++detected;
      CHECK(row.first_detector == Detector::kGroundSensor);
    }
  }
  const double expected = 0.7 * 2.0 * 40.0 / 400.0;
  MESSAGE(fmt::format("{} of {} detected; expected share {}", detected, crossings, expected));
  REQUIRE(crossings > 4000);
  CHECK(std::abs(detected / crossings - expected) < half_width_99(expected, crossings));
}

TEST_CASE("towers down for maintenance detect nobody until they are back") {
  const auto scenario = [](const char* downtime) {
    return load_scenario_text(fmt::format(R"({{
      "seed": 4, "duration_h": 24,
      "terrain": {{"flat": {{"length_km": 100}}}},
      "sensors": {{"towers": {{"along_border": {{"spacing_m": 2000, "offset_m": 1000}}, "range_m": 1500,
                               "detection_rate_per_s": "instant", "false_alarms_per_day": 0,
                               "availability": {{"downtime": [{}]}}}}}},
      "threats": {{"infiltrators": {{"per_day": 400}}}},
      "batch": {{"replications": 2}}}})",
                                          downtime),
                              "down.json");
  };
  // Down over [0, 12 h): no detection before 12 h, plenty after.
  const BatchResult half = run_batch(scenario(R"({"duration_h": 12})"), 2);
  std::size_t after = 0;
  for (const auto& rep : half.variants[0].replications) {
    for (const auto& row : rep.crossing_records) {
      if (std::isnan(row.first_detection_s)) continue;
      CHECK(row.first_detection_s >= 12 * 3600.0);
      ++after;
    }
  }
  CHECK(after > 100);
  // Down for longer than anyone walks: nobody is ever seen.
  const BatchResult down = run_batch(scenario(R"({"duration_h": 200})"), 2);
  for (const auto& rep : down.variants[0].replications) CHECK(rep.detected == 0);
}

TEST_CASE("false alarms reach the post and send responders when taken for targets") {
  const auto scenario = [](double p_target) {
    return load_scenario_text(fmt::format(R"({{
      "seed": 9, "duration_h": 48,
      "terrain": {{"flat": {{"length_km": 100}}}},
      "sensors": {{"towers": {{"along_border": {{"spacing_m": 5000, "offset_m": 2500}}, "range_m": 1500,
                               "detection_rate_per_s": "instant", "false_alarms_per_day": 3}}}},
      "threats": {{"infiltrators": {{"per_day": 0.001}}}},
      "response": {{"qrf": {{"bases_km": [50], "setback_m": 2000, "teams_per_base": 50, "on_scene_s": 600}},
                   "p_target_given_false_alarm": {}}},
      "batch": {{"replications": 40}}}})",
                                          p_target),
                              "alarms.json");
  };
  // 20 towers × 3 a day × 2 days on clutter-1 ground: Poisson with mean 120 a replication.
  const BatchResult all = run_batch(scenario(1.0), 2);
  double alarms = 0, sent = 0;
  for (const auto& rep : all.variants[0].replications) {
    alarms += static_cast<double>(rep.false_alarms);
    sent += static_cast<double>(rep.false_alarm_dispatches);
    CHECK(rep.responder_busy_s > 0.0);
  }
  const double reps = 40.0, mean = 120.0;
  CHECK(std::abs(alarms / reps - mean) < bordersim::testing::kZ99 * std::sqrt(mean / reps));
  CHECK(sent == alarms);  // 50 teams: one is always free, every alarm is acted on
  const BatchResult none = run_batch(scenario(0.0), 2);
  for (const auto& rep : none.variants[0].replications) {
    CHECK(rep.false_alarms > 0);
    CHECK(rep.false_alarm_dispatches == 0);
  }
}

TEST_CASE(
    "on planned routes over terrain a ground sensor line still catches about 2r over spacing") {
  // Routes run through routing-cell centres; a line whose spacing is a multiple of the
  // routing cell would see all crossers or none if routes stayed on that lattice. They keep
  // their start's offset inside the cell, so about 2r/spacing pass through a disc (more
  // where a route runs slantwise through the line).
  const auto loaded = load_scenario_text(R"({
    "seed": 12, "duration_h": 24,
    "terrain": {"synthetic": {"length_km": 60, "depth_km": 10, "foreign_depth_km": 5, "seed": 11}, "cell_m": 100},
    "sensors": {"ground_sensors": [{"spacing_m": 250, "setback_m": 1000, "radius_m": 30,
                                    "detection_probability": 1, "false_alarms_per_day": 0}]},
    "threats": {"infiltrators": {"per_day": 400, "goal_depth_km": 3, "reactions": {"abort": 0, "hide": 0, "run": 0}}},
    "batch": {"replications": 2}})",
                                         "ground-terrain.json");
  const BatchResult batch = run_batch(loaded, 2);
  double crossings = 0, detected = 0;
  for (const auto& rep : batch.variants[0].replications) {
    crossings += static_cast<double>(rep.crossings);
    detected += static_cast<double>(rep.detected);
  }
  const double share = detected / crossings, nominal = 2.0 * 30.0 / 250.0;
  MESSAGE(fmt::format("{} of {} detected: {:.3f} against 2r/spacing = {:.3f}", detected, crossings,
                      share, nominal));
  CHECK(share > 0.5 * nominal);
  CHECK(share < 2.0 * nominal);
}
