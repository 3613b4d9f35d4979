// Command realism (issue 14) against closed forms: assessment by a tower camera as a
// thinning of the false-alarm stream (dispatches to false alarms = sum over alarms of
// 1 - q, q the chance that the camera's looks settle the alarm), and the maximum response
// time (no team sent where it cannot be before the predicted escape).
//
// One tower with a thermal camera on flat ground raises false alarms in its disc; no
// crossers; the post takes every unassessed alarm for a target (p = 1); 100 teams wait at
// one base, so a free one always exists.
#include <doctest/doctest.h>

#include <cmath>
#include <string>
#include <vector>

#include "bordersim/run/model.h"
#include "bordersim/run/replication.h"
#include "bordersim/run/sensor_service.h"
#include "bordersim/scenario/load.h"

using namespace bordersim;

namespace {

Model alarm_model(const std::string& response, double base_km = 90.0) {
  const std::string text = R"({
    "terrain": {"flat": {"length_km": 100}},
    "sensors": {"towers": {"along_border": {"spacing_m": 200000, "offset_m": 90000},
                           "range_m": 3000, "detection_rate_per_s": "none",
                           "cameras": [{"kind": "thermal"}],
                           "false_alarms_per_day": 200}},
    "response": {"qrf": {"bases_km": [)" +
                           std::to_string(base_km) +
                           R"(], "setback_m": 3000, "teams_per_base": 100, "speed_mps": 5,
                                 "on_scene_s": 0},
                 "p_target_given_false_alarm": 1)" +
                           response + "}}";
  return build_model(load_scenario_text(text, "realism.json").base);
}

}  // namespace

TEST_CASE("assessment thins the false alarms that send a team by 1 - q") {
  const Model model = alarm_model(R"(, "assessment": "tower_camera", "assessment_s": 60,
                                       "assessment_looks": 2)");
  REQUIRE(model.towers.size() == 1);
  const SensorRef tower{EntityKind::kTower, 0};
  const double latency_s = sensor_report_latency_s(model, tower);
  double expected = 0.0, variance = 0.0;
  std::size_t alarms = 0, dispatched = 0, confirmed = 0, dismissed = 0, unsettled = 0;
  for (std::uint32_t replication = 0; replication < 20; ++replication) {
    const auto service = sensor_availability(model, tower, replication);
    for (const auto& alarm : sensor_false_alarms(model, tower, service, replication)) {
      const Time looked = alarm.at + seconds_to_time(latency_s + 60.0);
      double q = 0.0;
      if (service.up(looked)) {
        const MapPoint t = model.towers[0].position;
        const double range = std::hypot(alarm.where.x - t.x, alarm.where.y - t.y);
        const double g =
            sensors::glimpse_probability(model.tower_cameras[0], range, 0.0, model.sun_at(looked));
        q = 1.0 - (1.0 - g) * (1.0 - g);
      }
      expected += 1.0 - q;
      variance += q * (1.0 - q);
    }
    const ReplicationRecord record = simulate_replication(model, {}, model.seed, replication);
    alarms += record.false_alarms;
    dispatched += record.false_alarm_dispatches;
    confirmed += record.assessments_confirmed;
    dismissed += record.assessments_dismissed;
    unsettled += record.assessments_unsettled;
  }
  INFO("alarms " << alarms << ", dispatched " << dispatched << ", expected " << expected
                 << ", dismissed " << dismissed << ", unsettled " << unsettled);
  REQUIRE(alarms > 500);
  CHECK(expected < 0.9 * static_cast<double>(alarms));  // the camera settles a fair share
  CHECK(std::abs(static_cast<double>(dispatched) - expected) < 3.3 * std::sqrt(variance) + 1.0);
  // The record's counts: every alarm is assessed once; those dismissed are the thinning
  // (expected alarms - expected), the unsettled ones each send a team, no crosser to confirm.
  CHECK(dismissed + unsettled == alarms);
  CHECK(unsettled == dispatched);
  CHECK(confirmed == 0);
  CHECK(std::abs(static_cast<double>(dismissed) - (static_cast<double>(alarms) - expected)) <
        3.3 * std::sqrt(variance) + 1.0);
}

TEST_CASE(
    "without assessment every false alarm sends a team; with a maximum response time none too "
    "far") {
  // The base at 0 km is 90 km from the tower; teams drive 5 m/s: 18 000 s and more, longer than a
  // foot crosser's walk of at most 8 km at 1.2 m/s from the alarm's place to its goal depth (5 km);
  // from a base at 90 km a team needs at most 6 km, 1200 s, less than the shortest such walk (2
  // km).
  const auto run = [](const Model& model) {
    std::size_t alarms = 0, dispatched = 0;
    for (std::uint32_t replication = 0; replication < 5; ++replication) {
      const auto record = simulate_replication(model, {}, model.seed, replication);
      alarms += record.false_alarms;
      dispatched += record.false_alarm_dispatches;
    }
    return std::pair{alarms, dispatched};
  };
  const auto [alarms, all] = run(alarm_model("", 0.0));
  CHECK(all == alarms);
  const auto [same, none] = run(alarm_model(R"(, "max_response_margin_s": 0)", 0.0));
  CHECK(same == alarms);
  CHECK(none == 0);
  // A base near enough: the rule lets them all go.
  const auto [near, sent] = run(alarm_model(R"(, "max_response_margin_s": 0)", 90.0));
  CHECK(sent == near);
}

namespace {

struct Waiting {
  Mover mover;
  double cargo_value_usd;
};

// One team, kept on scene 5000 s by a first crosser, while two more smugglers are
// reported, `earlier` then (1000 s later) `later`. Flat ground, an instant tower with a
// 30 m range at each crossing point, goals 100 km deep (they are still walking when the
// team comes back). Returns the two waiting crossers' first dispatch times.
std::pair<double, double> waiting_dispatches(const std::string& priority, Waiting earlier,
                                             Waiting later) {
  const std::string text = R"({
    "terrain": {"flat": {"length_km": 100}},
    "sensors": {"towers": {"along_border": {"spacing_m": 500, "offset_m": 250}, "range_m": 30,
                           "detection_rate_per_s": "instant", "false_alarms_per_day": 0}},
    "response": {"qrf": {"bases_km": [50], "setback_m": 3000, "teams_per_base": 1,
                         "speed_mps": 10, "on_scene_s": 5000},
                 "track_hold_s": 1e7, "priority": ")" +
                           priority + R"("}})";
  const Model model = build_model(load_scenario_text(text, "priority.json").base);
  const auto plan = [](std::uint32_t id, double start_s, double border_s, Waiting w) {
    CrosserPlan p;
    p.id = id;
    p.key = id;  // its streams: hand-made plans keep id and key equal
    p.kind = CrosserKind::kSmuggler;
    p.mover = w.mover;
    p.cargo_value_usd = w.cargo_value_usd;
    p.start = seconds_to_time(start_s);
    p.border_s = border_s;
    p.speed_mps = 1.2;
    p.approach_m = 1000.0;
    p.goal_m = 100000.0;
    return p;
  };
  const std::vector<CrosserPlan> plans = {plan(0, 0.0, 50250.0, {Mover::kFoot, 0.0}),
                                          plan(1, 1000.0, 50750.0, earlier),
                                          plan(2, 2000.0, 49750.0, later)};
  const auto record = simulate_replication(model, plans, 1, 0);
  REQUIRE(record.crossing_records.at(0).outcome == Outcome::kIntercepted);
  return {record.crossing_records.at(1).first_dispatch_s,
          record.crossing_records.at(2).first_dispatch_s};
}

}  // namespace

TEST_CASE("priority: a freed team takes the oldest report, or the vehicle first by kind") {
  const Waiting foot_smuggler{Mover::kFoot, 0.0}, vehicle_smuggler{Mover::kVehicle, 0.0};
  const auto [foot, vehicle] = waiting_dispatches("first_come", foot_smuggler, vehicle_smuggler);
  REQUIRE(std::isfinite(foot));
  REQUIRE(std::isfinite(vehicle));
  CHECK(foot < vehicle);
  const auto [foot2, vehicle2] = waiting_dispatches("kind", foot_smuggler, vehicle_smuggler);
  REQUIRE(std::isfinite(foot2));
  REQUIRE(std::isfinite(vehicle2));
  CHECK(vehicle2 < foot2);
}

// The earlier report is a vehicle carrying little, the later one a foot group carrying
// much: "first_come" and "kind" both serve the vehicle first, "cargo_value" the foot group.
TEST_CASE("priority: by cargo value a freed team takes the richest waiting report") {
  const Waiting cheap_vehicle{Mover::kVehicle, 1000.0}, rich_foot{Mover::kFoot, 50000.0};
  for (const char* other : {"first_come", "kind"}) {
    CAPTURE(other);
    const auto [vehicle, foot] = waiting_dispatches(other, cheap_vehicle, rich_foot);
    REQUIRE(std::isfinite(foot));
    REQUIRE(std::isfinite(vehicle));
    CHECK(vehicle < foot);
  }
  const auto [vehicle, foot] = waiting_dispatches("cargo_value", cheap_vehicle, rich_foot);
  REQUIRE(std::isfinite(foot));
  REQUIRE(std::isfinite(vehicle));
  CHECK(foot < vehicle);
}

// One team at 90 km; towers at 10 km and 90 km raise false alarms 200 times a day, each
// taken for a target: the team spends most of the day driving 80 km to alarms at 10 km.
// Crossers cross at the 90 km tower (an instant crew, 3 km range) every 2000 s, with goals
// 20 km deep. Turned back from an alarm, the team meets more of them.
TEST_CASE("re-tasking a team on its way to a false alarm intercepts more crossers") {
  const auto intercepted = [](bool retask) {
    const std::string text = R"({
      "terrain": {"flat": {"length_km": 100}},
      "sensors": {"towers": {"along_border": {"spacing_m": 80000, "offset_m": 10000},
                             "range_m": 3000, "detection_rate_per_s": "instant",
                             "false_alarms_per_day": 200}},
      "response": {"qrf": {"bases_km": [90], "setback_m": 3000, "teams_per_base": 1,
                           "speed_mps": 5, "on_scene_s": 0},
                   "p_target_given_false_alarm": 1, "when_busy": "drop",
                   "retask_from_false_alarms": )" +
                             std::string(retask ? "true" : "false") + "}}";
    const Model model = build_model(load_scenario_text(text, "retask.json").base);
    std::size_t count = 0, retaskings = 0;
    for (std::uint32_t replication = 0; replication < 5; ++replication) {
      std::vector<CrosserPlan> plans;
      for (std::uint32_t i = 0; i < 40; ++i) {
        CrosserPlan p;
        p.id = i;
        p.key = i;
        p.start = seconds_to_time(2000.0 * i);
        p.border_s = 90000.0;
        p.speed_mps = 1.2;
        p.approach_m = 4000.0;
        p.goal_m = 20000.0;
        plans.push_back(p);
      }
      const ReplicationRecord record = simulate_replication(model, plans, 1, replication);
      count += record.intercepted;
      retaskings += record.retaskings;
    }
    return std::pair{count, retaskings};
  };
  const auto [without, none] = intercepted(false);
  const auto [with, retasked] = intercepted(true);
  INFO("intercepted without re-tasking " << without << ", with " << with << " (" << retasked
                                         << " re-taskings)");
  CHECK(with > without + 10);
  CHECK(none == 0);
  CHECK(retasked > 0);
}

// A new report while the team is on its way moves its goal (World::retarget). One foot
// crosser walks straight in under an instant tower crew that sees it all the way (6 km
// range, a report every 60 s); the one team, 20 km away at 10 m/s, is sent to where it was
// last seen ("last_seen"). Its first goal, where the crosser was first seen, is 2.5 km
// behind the crosser by the time the team could be there, beyond the 500 m search disc; a
// team that kept that goal would search in vain and be back at base after the crosser
// reached its goal. Moved to each newer sighting, it arrives within two reports of the
// crosser and finds it.
TEST_CASE("a new report moves the goal of a team on its way, which then finds the crosser") {
  const std::string text = R"({
    "terrain": {"flat": {"length_km": 100}},
    "sensors": {"towers": {"along_border": {"spacing_m": 100000, "offset_m": 50000},
                           "range_m": 6000, "detection_rate_per_s": "instant",
                           "false_alarms_per_day": 0}},
    "response": {"qrf": {"bases_km": [30], "setback_m": 0, "teams_per_base": 1,
                         "speed_mps": 10, "on_scene_s": 0},
                 "prediction": "last_seen"}})";
  const Model model = build_model(load_scenario_text(text, "retarget.json").base);
  CrosserPlan p;
  p.start = 0;
  p.border_s = 50000.0;
  p.speed_mps = 1.2;
  p.approach_m = 1000.0;
  p.goal_m = 5000.0;
  const std::vector<CrosserPlan> plans = {p};
  const auto record = simulate_replication(model, plans, 1, 0);
  const CrossingRecord& row = record.crossing_records.at(0);
  REQUIRE(row.first_detection_s == 0.0);
  REQUIRE(row.outcome == Outcome::kIntercepted);
  const double walked_m = std::hypot(row.interception_x_m - row.detection_x_m,
                                     row.interception_y_m - row.detection_y_m);
  INFO("intercepted at " << row.interception_s << " s, " << walked_m
                         << " m from where it was first seen");
  // Met well past the first sighting, walking on.
  CHECK(walked_m > 2000.0);
  CHECK(record.missed_arrivals == 0);
}
