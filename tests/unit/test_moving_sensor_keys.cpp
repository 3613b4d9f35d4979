// Scenario keys of drones, patrols, air reconnaissance and weather: defaults, ranges,
// checks across keys (with the JSON pointer of the key to fix), and runs that do not
// depend on the thread count.
#include <doctest/doctest.h>

#include "../support/batch_equality.h"
#include "../support/scenario_errors.h"
#include "bordersim/core/error.h"
#include "bordersim/run/batch.h"
#include "bordersim/scenario/load.h"

using namespace bordersim;
using testing::pointer_of_error;

TEST_CASE("moving sensors: documented defaults") {
  const auto loaded = load_scenario_text(R"({"sensors": {
      "drones": [{"orbit": {"along_border_km": [250, 350]}}], "patrols": [{}], "air_recon": [{}]}})",
                                         "s.json");
  const SensorsSpec& s = loaded.base.sensors;
  REQUIRE(s.drones.size() == 1);
  const DroneSpec& d = s.drones[0];
  CHECK(d.base_km == 0.0);
  CHECK(d.base_setback_m == 10000.0);
  CHECK(d.orbit.offset_m == 0.0);
  CHECK(d.orbit.pattern == "line");
  CHECK(d.orbit.depth_m == 10000.0);
  CHECK(d.orbit.leg_km == 20.0);
  CHECK(d.altitude_m == 1500.0);
  CHECK(d.speed_mps == 40.0);
  CHECK(d.endurance_h == 14.0);
  CHECK(d.turnaround_h == 4.0);
  CHECK(d.airframes == 3);
  CHECK(d.min_ceiling_m == 0.0);
  CHECK(d.sensor.law == "inverse_cube");
  CHECK(d.sensor.range_m == 5000.0);
  CHECK(d.sensor.k_m2_per_s == 20000.0);
  CHECK(d.sensor.glimpse_period_s == 5.0);
  const PatrolSpec& p = s.patrols.at(0);
  CHECK(p.route == "border_road");
  CHECK(p.along_border_km.empty());
  CHECK(p.offset_m == 500.0);
  CHECK(p.vehicles == 1);
  CHECK(p.speed_mps == 10.0);
  CHECK(p.sweep_width_m == 800.0);
  CHECK(p.respond);
  CHECK(!p.response_speed_mps);
  CHECK(p.on_scene_s == 900.0);
  const AirReconSpec& a = s.air_recon.at(0);
  CHECK(a.sectors.empty());
  CHECK(a.first_at_h == 0.0);
  CHECK(a.every_h == 12.0);
  CHECK(a.duration_h == 2.0);
  CHECK(a.speed_mps == 60.0);
  CHECK(a.sweep_width_m == 2000.0);
  CHECK(a.strip_m == std::vector<double>{-2000.0, 2000.0});
  CHECK_FALSE(loaded.base.weather.has_value());
  // The resolved scenario writes them all and loads back to the same values.
  const auto again = load_scenario_text(loaded.resolved.dump(), "s.json");
  CHECK(again.resolved == loaded.resolved);
  CHECK(loaded.resolved["sensors"]["drones"][0]["sensor"]["law"] == "inverse_cube");
}

TEST_CASE("moving sensors: the design's sketch of drones and patrols loads") {
  const auto loaded = load_scenario_text(R"({"sensors": {
    "drones":  [ { "base_km": 300, "orbit": { "along_border_km": [250, 350] }, "altitude_m": 1500,
                   "speed_mps": 40, "endurance_h": 14, "turnaround_h": 4, "airframes": 3 } ],
    "patrols": [ { "route": "border_road", "vehicles": 20, "speed_mps": 12, "sweep_width_m": 800 } ]}})",
                                         "s.json");
  const Model model = build_model(loaded.base);
  REQUIRE(model.drones.size() == 1);
  // 10 km from base to orbit at 40 m/s: 250 s each way; 3 × (14 h − 500 s) > 18 h: continuous.
  CHECK(model.drones[0].slot == model.drones[0].on_station);
  CHECK(model.patrols.at(0).route.to_m == doctest::Approx(610000.0));
}

TEST_CASE("moving sensors: bad values and contradictions name the key to fix") {
  const auto drone = [](const std::string& fields) {
    return R"({"sensors": {"drones": [{"orbit": {"along_border_km": [250, 350]})" + fields + "}]}}";
  };
  CHECK(pointer_of_error(R"({"sensors": {"drones": [{}]}})") == "/sensors/drones/0/orbit");
  CHECK(pointer_of_error(R"({"sensors": {"drones": [{"orbit": {}}]}})") ==
        "/sensors/drones/0/orbit/along_border_km");
  CHECK(pointer_of_error(R"({"sensors": {"drones": [{"orbit": {"along_border_km": [250]}}]}})") ==
        "/sensors/drones/0/orbit/along_border_km");
  CHECK(pointer_of_error(
            R"({"sensors": {"drones": [{"orbit": {"along_border_km": [350, 250]}}]}})") ==
        "/sensors/drones/0/orbit/along_border_km/1");
  CHECK(pointer_of_error(
            R"({"sensors": {"drones": [{"orbit": {"along_border_km": [250, 700]}}]}})") ==
        "/sensors/drones/0/orbit/along_border_km/1");
  CHECK(
      pointer_of_error(
          R"({"sensors": {"drones": [{"orbit": {"along_border_km": [250, 350], "pattern": "spiral"}}]}})") ==
      "/sensors/drones/0/orbit/pattern");
  CHECK(pointer_of_error(drone(R"(, "base_km": 611)")) == "/sensors/drones/0/base_km");
  CHECK(pointer_of_error(drone(R"(, "airframes": 0)")) == "/sensors/drones/0/airframes");
  CHECK(pointer_of_error(drone(R"(, "speed_mps": 0)")) == "/sensors/drones/0/speed_mps");
  CHECK(pointer_of_error(drone(R"(, "turnaround_h": -1)")) == "/sensors/drones/0/turnaround_h");
  CHECK(pointer_of_error(drone(R"(, "sensor": {"law": "magic"})")) ==
        "/sensors/drones/0/sensor/law");
  CHECK(pointer_of_error(drone(R"(, "sensor": {"glimpse_period_s": 0})")) ==
        "/sensors/drones/0/sensor/glimpse_period_s");
  CHECK(pointer_of_error(drone(R"(, "sensor": {"k": 3})")) == "/sensors/drones/0/sensor/k");
  // 100 km from base to orbit at 40 m/s is 0.69 h each way: a 1 h endurance leaves nothing.
  CHECK(pointer_of_error(drone(R"(, "base_km": 0, "base_setback_m": 0, "endurance_h": 1)")) ==
        "/sensors/drones/0/endurance_h");
  CHECK(pointer_of_error(R"({"sensors": {"patrols": [{"along_border_km": [100, 50]}]}})") ==
        "/sensors/patrols/0/along_border_km/1");
  CHECK(pointer_of_error(R"({"sensors": {"patrols": [{"route": "river"}]}})") ==
        "/sensors/patrols/0/route");
  CHECK(pointer_of_error(R"({"sensors": {"patrols": [{"sweep_width_m": 0}]}})") ==
        "/sensors/patrols/0/sweep_width_m");
  CHECK(pointer_of_error(R"({"sensors": {"patrols": [{"respond": 1}]}})") ==
        "/sensors/patrols/0/respond");
  CHECK(pointer_of_error(R"({"sensors": {"patrols": [{"response_speed_mps": 0}]}})") ==
        "/sensors/patrols/0/response_speed_mps");
  CHECK(pointer_of_error(R"({"sensors": {"patrols": [{"on_scene_s": -1}]}})") ==
        "/sensors/patrols/0/on_scene_s");
  CHECK(pointer_of_error(R"({"sensors": {"air_recon": [{"sectors": ["north"]}]}})") ==
        "/sensors/air_recon/0/sectors/0");
  CHECK(pointer_of_error(R"({"sectors": {"split_along_border_km": [0, 300, 610]},
                            "sensors": {"air_recon": [{"sectors": ["S2", "S2"]}]}})") ==
        "/sensors/air_recon/0/sectors/1");
  CHECK(pointer_of_error(R"({"sensors": {"air_recon": [{"strip_m": [1000, -1000]}]}})") ==
        "/sensors/air_recon/0/strip_m/1");
  CHECK(pointer_of_error(R"({"sensors": {"air_recon": [{"strip_m": [0]}]}})") ==
        "/sensors/air_recon/0/strip_m");
  CHECK(pointer_of_error(R"({"sensors": {"air_recon": [{"every_h": 2, "duration_h": 3}]}})") ==
        "/sensors/air_recon/0/duration_h");
  CHECK(pointer_of_error(R"({"weather": {"cloud_base_m": -5}})") == "/weather/cloud_base_m");
  // A variant's patch that breaks a key points into the patch.
  CHECK(
      pointer_of_error(
          R"({"sensors": {"patrols": [{}]}, "variants": {"v": {"sensors": {"patrols": [{"vehicles": 0}]}}}})") ==
      "/variants/v/sensors/patrols/0/vehicles");
}

TEST_CASE(
    "moving sensors: a low cloud base grounds drones and sorties, or brings drones down under it") {
  const std::string sensors = R"("sensors": {
      "drones": [{"orbit": {"along_border_km": [250, 350]}, "min_ceiling_m": 500}],
      "air_recon": [{"min_ceiling_m": 1000}]})";
  const Model clear = build_model(load_scenario_text("{" + sensors + "}", "s.json").base);
  CHECK_FALSE(clear.drones[0].grounded);
  CHECK(clear.drones[0].altitude_m == 1500.0);
  const Model low = build_model(
      load_scenario_text(R"({"weather": {"cloud_base_m": 800}, )" + sensors + "}", "s.json").base);
  CHECK_FALSE(low.drones[0].grounded);
  CHECK(low.drones[0].altitude_m == 800.0);
  CHECK(low.air_recon[0].grounded);
  const Model fog = build_model(
      load_scenario_text(R"({"weather": {"cloud_base_m": 300}, )" + sensors + "}", "s.json").base);
  CHECK(fog.drones[0].grounded);
}

TEST_CASE("moving sensors: runs do not depend on the thread count") {
  ScenarioOverrides overrides;
  overrides.replications = 12;
  const auto scenario = load_scenario_text(R"({
    "seed": 5, "duration_h": 24,
    "terrain": {"synthetic": {"length_km": 200, "depth_km": 20}, "cell_m": 500},
    "sectors": {"split_along_border_km": [0, 100, 200]},
    "sensors": {
      "towers": {"along_border": {"spacing_m": 8000}, "detection_rate_per_s": 0.002},
      "drones": [{"base_km": 50, "orbit": {"along_border_km": [20, 80]}, "airframes": 2},
                 {"base_km": 150, "orbit": {"along_border_km": [110, 190], "pattern": "random"},
                  "sensor": {"law": "definite", "range_m": 1500}}],
      "patrols": [{"vehicles": 5, "speed_mps": 12, "respond": false}],
      "air_recon": [{"sectors": ["S2"], "every_h": 6, "duration_h": 2}]},
    "threats": {"infiltrators": {"per_day": 150}},
    "response": {"qrf": {"bases_km": [50, 150]}},
    "variants": {"all": {}, "no-drones": {"sensors": {"drones": []}}}})",
                                           "mixed.json", overrides);
  const BatchResult one = run_batch(scenario, 1);
  const BatchResult three = run_batch(scenario, 3);
  std::uint64_t detected = 0, detected_without = 0;
  for (std::size_t v = 0; v < one.variants.size(); ++v) {
    for (std::size_t r = 0; r < one.variants[v].replications.size(); ++r) {
      const auto& a = one.variants[v].replications[r];
      const auto& b = three.variants[v].replications[r];
      testing::check_same_replication(a, b);
      (v == 0 ? detected : detected_without) += a.detected;
    }
  }
  // Drones add detections, and their draws come from streams of their own: taking them
  // away detects no crosser that the drones' variant missed (while patrols only look: a
  // vehicle sent after a drone's detection would sweep nobody else meanwhile).
  CHECK(detected > detected_without);
  for (std::size_t r = 0; r < one.variants[0].replications.size(); ++r) {
    const auto& with = one.variants[0].replications[r].crossing_records;
    const auto& without = one.variants[1].replications[r].crossing_records;
    REQUIRE(with.size() == without.size());
    for (std::size_t c = 0; c < with.size(); ++c) {
      if (!std::isnan(without[c].first_detection_s))
        CHECK(with[c].first_detection_s <= without[c].first_detection_s);
    }
  }
}
