// One row per kind of sensor for its service (run/sensor_service.h, service_kinds.cpp), and
// the replication's timelines indexed by kind (sim/run/replica.h, ServiceTimelines): every
// sensor kind has a row, the rows are complete, and a kind in service with another (a
// radar with its tower) reads that one's timeline while drawing alarms of its own.
#include <doctest/doctest.h>

#include <cmath>
#include <stdexcept>

#include "../../sim/run/replica.h"
#include "bordersim/core/sensor_kinds.h"
#include "bordersim/run/replication.h"
#include "bordersim/run/sensor_service.h"
#include "bordersim/scenario/load.h"

using namespace bordersim;

namespace {

// Four towers that fail often, each with a radar that raises many false alarms.
constexpr const char* kRadarTowers = R"({
  "duration_h": 48,
  "terrain": {"flat": {"length_km": 40}},
  "sensors": {"towers": {"along_border": {"spacing_m": 10000}, "false_alarms_per_day": 5,
                         "availability": {"mtbf_h": 10, "mttr_h": 5},
                         "radar": {"false_alarms_per_day": 20}}}})";

}  // namespace

TEST_CASE("service kinds: every sensor kind has a complete row, in EntityKind order") {
  for (const SensorKind& kind : kSensorKinds) {
    CAPTURE(kind.name);
    CHECK_NOTHROW(service_kind(kind.entity));
  }
  const auto rows = service_kinds();
  for (std::size_t i = 0; i < rows.size(); ++i) {
    const ServiceKind& row = rows[i];
    CAPTURE(static_cast<int>(row.kind));
    if (i > 0) CHECK(rows[i - 1].kind < row.kind);
    CHECK(static_cast<bool>(row.sites));
    CHECK(static_cast<bool>(row.report_latency_s));
    CHECK(static_cast<bool>(row.build));
    if (row.false_alarms_per_s) CHECK(static_cast<bool>(row.alarm_area));
    if (row.in_service_with) {
      CHECK_FALSE(static_cast<bool>(row.availability));
      CHECK_NOTHROW(service_kind(*row.in_service_with));
    }
  }
  CHECK_THROWS_AS(service_kind(EntityKind::kCrosser), std::invalid_argument);
}

TEST_CASE("service kinds: a radar is in service when its tower is, with alarms of its own") {
  const Model m = build_model(load_scenario_text(kRadarTowers, "r.json").base, "r.json");
  REQUIRE(m.tower_radar);
  REQUIRE(service_kind(EntityKind::kRadar).sites(m) == m.towers.size());
  std::size_t downs = 0, alarms = 0;
  for (std::uint64_t r = 0; r < 5; ++r) {
    for (std::size_t t = 0; t < m.towers.size(); ++t) {
      const auto tower = sensor_availability(m, {EntityKind::kTower, t}, r);
      const auto radar = sensor_availability(m, {EntityKind::kRadar, t}, r);
      REQUIRE(radar.down_intervals().size() == tower.down_intervals().size());
      for (std::size_t k = 0; k < tower.down_intervals().size(); ++k) {
        CHECK(radar.down_intervals()[k].begin == tower.down_intervals()[k].begin);
        CHECK(radar.down_intervals()[k].end == tower.down_intervals()[k].end);
      }
      downs += tower.down_intervals().size();
      CHECK(sensor_report_latency_s(m, {EntityKind::kRadar, t}) ==
            sensor_report_latency_s(m, {EntityKind::kTower, t}));
      // Its alarms fall in its range, while its tower is up, from its own stream.
      const auto by_radar = sensor_false_alarms(m, {EntityKind::kRadar, t}, tower, r);
      const auto by_tower = sensor_false_alarms(m, {EntityKind::kTower, t}, tower, r);
      for (const auto& a : by_radar) {
        CHECK(tower.up(a.at));
        CHECK(service_kind(EntityKind::kRadar).looks_at(m, t, a.where));
        CHECK(std::hypot(a.where.x - m.towers[t].position.x, a.where.y - m.towers[t].position.y) <=
              m.tower_radar->spec.range_m);
      }
      if (!by_radar.empty() && !by_tower.empty()) CHECK(by_radar[0].at != by_tower[0].at);
      alarms += by_radar.size();
    }
  }
  CHECK(downs > 0);   // so that "the same timeline" says something
  CHECK(alarms > 0);  // and the alarms are checked

  // Without a radar there is no radar site to ask about.
  const Model plain = build_model(load_scenario_text(R"({
    "terrain": {"flat": {"length_km": 40}},
    "sensors": {"towers": {"along_border": {"spacing_m": 10000}}}})",
                                                     "p.json")
                                      .base,
                                  "p.json");
  CHECK(service_kind(EntityKind::kRadar).sites(plain) == 0);
  CHECK_THROWS_AS(sensor_report_latency_s(plain, {EntityKind::kRadar, 0}), std::out_of_range);
}

TEST_CASE("service kinds: the replication's timelines by kind, shared where a row says so") {
  using detail::ServiceTimelines;
  const Time hour = 3600 * kTicksPerSecond;
  ServiceTimelines service;
  std::vector<sensors::Availability> towers;
  towers.emplace_back();  // tower 0: always up
  towers.push_back(sensors::Availability::from_intervals({{hour, 2 * hour}}, 10 * hour));
  service.set(EntityKind::kTower, std::move(towers));
  service.share(EntityKind::kRadar, EntityKind::kTower);
  for (const EntityKind kind : {EntityKind::kTower, EntityKind::kRadar}) {
    CAPTURE(static_cast<int>(kind));
    CHECK(service.up(kind, 0, hour));
    CHECK(service.up(kind, 1, hour - 1));
    CHECK_FALSE(service.up(kind, 1, hour));
    CHECK(service.up(kind, 1, 2 * hour));
  }
  CHECK(service.of(EntityKind::kRadar).size() == 2);
  CHECK(service.up(EntityKind::kAirRecon, 3, hour));  // a kind without timelines: always up
}

TEST_CASE("service kinds: a drone's false alarms reach the post only while it is on station") {
  // One airframe on station about a third of the time (Sensing::watching, drone_sensing.h).
  const Model m = build_model(load_scenario_text(R"({
    "duration_h": 48,
    "terrain": {"flat": {"length_km": 20}},
    "sensors": {"drones": [{"base_km": 10, "orbit": {"along_border_km": [0, 20]},
                            "endurance_h": 4, "turnaround_h": 6, "airframes": 1,
                            "false_alarms_per_day": 100}]}})",
                                                 "d.json")
                                  .base,
                              "d.json");
  REQUIRE(m.drones.at(0).on_station < m.drones.at(0).slot);
  std::size_t raised = 0, reached = 0;
  for (std::uint32_t r = 0; r < 4; ++r) {
    const auto service = sensor_availability(m, {EntityKind::kDrone, 0}, r);
    raised += sensor_false_alarms(m, {EntityKind::kDrone, 0}, service, r).size();
    reached += simulate_replication(m, {}, m.seed, r).false_alarms;
  }
  MESSAGE(raised << " alarms raised, " << reached << " while on station");
  CHECK(reached > 0);
  CHECK(reached < raised);
}

// RadarKeys (scenario/tower_keys.h) and RadarSpec (sensors/radar.h, the law the closed-form
// tests use) each carry the radar's defaults: a radar keyed with none of them must get the
// law's, or the documented defaults and the validated ones have drifted apart.
TEST_CASE("service kinds: a radar keyed with no keys gets the law's defaults") {
  const Model m = build_model(
      load_scenario_text(
          R"({"terrain": {"flat": {"length_km": 40}}, "sensors": {"towers": {"radar": {}}}})",
          "r.json")
          .base,
      "r.json");
  REQUIRE(m.tower_radar);
  const sensors::RadarSpec law;
  const sensors::RadarSpec& keyed = m.tower_radar->spec;
  CHECK(keyed.range_m == law.range_m);
  CHECK(keyed.sector_centre_deg == law.sector_centre_deg);
  CHECK(keyed.sector_width_deg == law.sector_width_deg);
  CHECK(keyed.scan_period_s == law.scan_period_s);
  CHECK(keyed.pd0 == law.pd0);
  CHECK(keyed.walker_r0_m == law.walker_r0_m);
  CHECK(keyed.vehicle_r0_m == law.vehicle_r0_m);
  CHECK(keyed.falloff_exponent == law.falloff_exponent);
  for (std::size_t c = 0; c < law.cover_factor.size(); ++c) {
    CAPTURE(c);
    CHECK(keyed.cover_factor[c] == law.cover_factor[c]);
  }
}
