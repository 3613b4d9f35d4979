// Scenario keys of availability, false alarms, report latency and ground sensors:
// defaults, checks with the JSON pointer of the key to fix, latencies that fall back on
// response.report_latency_s, and what the model makes of them.
#include <doctest/doctest.h>

#include "../support/scenario_errors.h"
#include "bordersim/core/error.h"
#include "bordersim/run/sensor_service.h"
#include "bordersim/scenario/load.h"

using namespace bordersim;
using testing::pointer_of_error;

namespace {

constexpr const char* kAllSensors = R"({
  "terrain": {"flat": {"length_km": 100, "depth_km": 20}},
  "sensors": {"towers": {"along_border": {"spacing_m": 10000}},
              "drones": [{"orbit": {"along_border_km": [10, 30]}}], "patrols": [{}], "air_recon": [{}],
              "ground_sensors": [{"along_border_km": [0, 1]}]},
  "response": {"report_latency_s": 45}})";

}  // namespace

TEST_CASE("sensor service keys: documented defaults") {
  const auto loaded = load_scenario_text(kAllSensors, "s.json");
  const SensorsSpec& s = loaded.base.sensors;
  const TowersSpec& t = *s.towers;
  CHECK(t.availability.mtbf_h == 0.0);
  CHECK(t.availability.mttr_h == 4.0);
  CHECK(t.availability.downtime.empty());
  CHECK(t.false_alarms_per_day == 0.5);
  CHECK_FALSE(t.report_latency_s.has_value());
  CHECK(s.drones[0].false_alarms_per_day == 1.0);
  CHECK_FALSE(s.drones[0].report_latency_s.has_value());
  CHECK_FALSE(s.patrols[0].report_latency_s.has_value());
  CHECK_FALSE(s.air_recon[0].report_latency_s.has_value());
  const GroundSensorLineSpec& g = s.ground_sensors.at(0);
  CHECK(g.spacing_m == 500.0);
  CHECK(g.setback_m == 100.0);
  CHECK(g.radius_m == 30.0);
  CHECK(g.detection_probability == 0.8);
  CHECK(g.false_alarms_per_day == 2.0);
  CHECK(g.report_latency_s == 30.0);
  CHECK(g.availability.mtbf_h == 0.0);
  // An absent latency stays absent in the resolved scenario, so that a variant changing
  // response.report_latency_s still changes it.
  CHECK_FALSE(loaded.resolved["sensors"]["towers"].contains("report_latency_s"));
  CHECK(loaded.resolved["sensors"]["ground_sensors"][0]["availability"]["mttr_h"] == 4.0);
}

TEST_CASE("sensor service keys: the model resolves latencies and rates and availability") {
  const auto loaded = load_scenario_text(kAllSensors, "s.json");
  const Model m = build_model(loaded.base, "s.json");
  REQUIRE(m.towers.size() == 10);
  for (const EntityKind kind :
       {EntityKind::kTower, EntityKind::kDrone, EntityKind::kPatrol, EntityKind::kAirRecon})
    CHECK(sensor_report_latency_s(m, {kind, 0}) == 45.0);
  CHECK(sensor_report_latency_s(m, {EntityKind::kGroundSensor, 0}) == 30.0);
  CHECK(m.ground_sensors.size() == 3);  // 0, 500 and 1000 m
  // Flat ground has clutter 1 everywhere.
  CHECK(m.towers[0].clutter == 1.0);
  CHECK(m.towers[0].false_alarms_per_s == doctest::Approx(0.5 / 86400));
  CHECK(m.drones[0].false_alarms_per_s == doctest::Approx(1.0 / 86400));
  CHECK(m.towers[0].availability.always_up());
  CHECK(sensor_availability(m, {EntityKind::kTower, 3}, 0).down_intervals().empty());
  CHECK(sensor_false_alarms(m, {EntityKind::kPatrol, 0}, {}, 0).empty());

  const auto set = load_scenario_text(R"({
    "terrain": {"flat": {"length_km": 100, "depth_km": 20}},
    "sensors": {"towers": {"along_border": {"spacing_m": 10000}, "report_latency_s": 5,
                           "availability": {"mtbf_h": 100, "mttr_h": 10,
                                            "downtime": [{"first_at_h": 2, "every_h": 24, "duration_h": 1}]}},
                "drones": [{"orbit": {"along_border_km": [10, 30]}, "report_latency_s": 120,
                            "availability": {"downtime": [{"duration_h": 3}]}}],
                "patrols": [{"report_latency_s": 0, "availability": {"mtbf_h": 12, "mttr_h": 1}}],
                "air_recon": [{"report_latency_s": 600}]}})",
                                      "s.json");
  const Model ms = build_model(set.base, "s.json");
  CHECK(sensor_report_latency_s(ms, {EntityKind::kTower, 0}) == 5.0);
  CHECK(sensor_report_latency_s(ms, {EntityKind::kDrone, 0}) == 120.0);
  CHECK(sensor_report_latency_s(ms, {EntityKind::kPatrol, 0}) == 0.0);
  CHECK(sensor_report_latency_s(ms, {EntityKind::kAirRecon, 0}) == 600.0);
  const auto& a = ms.towers[4].availability;
  CHECK(a.mtbf_s == 360000.0);
  CHECK(a.mttr_s == 36000.0);
  REQUIRE(a.downtime.size() == 1);
  CHECK(a.downtime[0].first_at_s == 7200.0);
  CHECK(a.downtime[0].every_s == 86400.0);
  CHECK(a.downtime[0].duration_s == 3600.0);
  // The drone's one-off window: down from 0 to 3 h in every replication.
  const auto drone = sensor_availability(ms, {EntityKind::kDrone, 0}, 5);
  REQUIRE(drone.down_intervals().size() == 1);
  CHECK(drone.down_intervals()[0].begin == 0);
  CHECK(drone.down_intervals()[0].end == 3 * 3600 * kTicksPerSecond);
  // Keyed by sensor and replication, the same in every build of the model.
  const Model again = build_model(set.base, "s.json");
  const auto t1 = sensor_availability(ms, {EntityKind::kTower, 2}, 7);
  const auto t2 = sensor_availability(again, {EntityKind::kTower, 2}, 7);
  REQUIRE(t1.down_intervals().size() == t2.down_intervals().size());
  for (std::size_t i = 0; i < t1.down_intervals().size(); ++i)
    CHECK(t1.down_intervals()[i].begin == t2.down_intervals()[i].begin);
  CHECK(service_horizon(ms) == ms.duration + 72 * 3600 * kTicksPerSecond);
}

TEST_CASE(
    "sensor service keys: a variant's response.report_latency_s reaches sensors without their "
    "own") {
  const auto loaded = load_scenario_text(R"({
    "terrain": {"flat": {"length_km": 100, "depth_km": 20}},
    "sensors": {"towers": {"along_border": {"spacing_m": 10000}},
                "patrols": [{"report_latency_s": 20}]},
    "variants": {"slow": {}, "fast": {"response": {"report_latency_s": 5}}}})",
                                         "s.json");
  REQUIRE(loaded.variants.size() == 2);
  const Model slow = build_model(loaded.variants[0].scenario, "s.json");
  const Model fast = build_model(loaded.variants[1].scenario, "s.json");
  CHECK(sensor_report_latency_s(slow, {EntityKind::kTower, 0}) == 60.0);
  CHECK(sensor_report_latency_s(fast, {EntityKind::kTower, 0}) == 5.0);
  CHECK(sensor_report_latency_s(slow, {EntityKind::kPatrol, 0}) == 20.0);
  CHECK(sensor_report_latency_s(fast, {EntityKind::kPatrol, 0}) == 20.0);
}

TEST_CASE("sensor service keys: errors name the key to fix") {
  const std::string head =
      R"({"terrain": {"flat": {"length_km": 100, "depth_km": 20}}, "sensors": )";
  CHECK(pointer_of_error(head + R"({"towers": {"availability": {"mttr_h": 0}}}})") ==
        "/sensors/towers/availability/mttr_h");
  CHECK(pointer_of_error(
            head +
            R"({"towers": {"availability": {"downtime": [{"every_h": 4, "duration_h": 5}]}}}})") ==
        "/sensors/towers/availability/downtime/0/duration_h");
  CHECK(
      pointer_of_error(head + R"({"towers": {"availability": {"downtime": [{"every_h": 4}]}}}})") ==
      "/sensors/towers/availability/downtime/0/duration_h");
  CHECK(pointer_of_error(head + R"({"towers": {"availability": {"mtbf": 4}}}})") ==
        "/sensors/towers/availability/mtbf");
  CHECK(pointer_of_error(head + R"({"towers": {"false_alarms_per_day": -1}}})") ==
        "/sensors/towers/false_alarms_per_day");
  CHECK(pointer_of_error(head + R"({"towers": {"report_latency_s": -1}}})") ==
        "/sensors/towers/report_latency_s");
  CHECK(
      pointer_of_error(
          head +
          R"({"patrols": [{"availability": {"downtime": [{"every_h": 1, "duration_h": 2}]}}]}})") ==
      "/sensors/patrols/0/availability/downtime/0/duration_h");
  CHECK(pointer_of_error(head + R"({"air_recon": [{"report_latency_s": "fast"}]}})") ==
        "/sensors/air_recon/0/report_latency_s");
  CHECK(pointer_of_error(head + R"({"ground_sensors": [{"along_border_km": [10, 200]}]}})") ==
        "/sensors/ground_sensors/0/along_border_km/1");
  CHECK(pointer_of_error(head + R"({"ground_sensors": [{"detection_probability": 1.5}]}})") ==
        "/sensors/ground_sensors/0/detection_probability");
  CHECK(pointer_of_error(head + R"({"ground_sensors": [{"radius_m": 0}]}})") ==
        "/sensors/ground_sensors/0/radius_m");
  CHECK(pointer_of_error(head + R"({"ground_sensors": [{"spacing_m": 0.5}]}})") ==
        "/sensors/ground_sensors/0/spacing_m");
  CHECK(
      pointer_of_error(
          head +
          R"({"drones": [{"orbit": {"along_border_km": [1, 2]}, "availability": {"downtime": [{"every_h": 1, "duration_h": 2}]}}]}})") ==
      "/sensors/drones/0/availability/downtime/0/duration_h");
}
