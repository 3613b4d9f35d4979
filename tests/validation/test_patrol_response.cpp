// Patrols as responders (issue 4, item 4): a patrol's vehicle is sent from wherever its
// round has taken it, and while it is away it sweeps nobody.
//
// The closed form: one crosser per replication walks straight across flat ground at a
// known place and is seen once by an "instant" tower on the border (30 m range), so the
// post hears of it at a known time T before it reaches its goal G. No team waits at a
// base: the only responders are the vehicles of one patrol driving back and forth along a
// lane 5 km behind the border (beyond G, and with a sweep too narrow to see anyone). A
// vehicle drives straight at V, faster than the crosser walks, so it can meet the crosser
// before G exactly when it can be at G first: when it is within R = sqrt((V·T)² − d²) of
// G along the lane (d: G's distance from the lane). The vehicles' phase is uniform per
// replication, so the chance that a free vehicle is that close follows from where the
// patrol's n vehicles spread along their cycle (folded back and forth): integrated here
// over the phase, independently of the simulator's code. Tolerances: 99 % binomial.
#include <doctest/doctest.h>
#include <fmt/format.h>

#include <cmath>
#include <string>
#include <vector>

#include "../support/patrol_interceptions.h"
#include "../support/proportions.h"
#include "bordersim/core/time.h"
#include "bordersim/run/batch.h"
#include "bordersim/run/model.h"
#include "bordersim/run/replication.h"
#include "bordersim/scenario/load.h"

using namespace bordersim;

namespace {

using bordersim::testing::kZ99;
constexpr double kWalkMps = 1.2;
constexpr double kApproachM = 1000.0;
constexpr double kTowerRangeM = 30.0;
constexpr double kLatencyS = 60.0;
constexpr double kGoalM = 3000.0;
constexpr double kLaneM = 5000.0;  // the patrol's lane behind the border
constexpr double kLaneFromKm = 40.0, kLaneToKm = 60.0;
constexpr double kResponseMps = 2.0;

struct Case {
  double crossing_km;  // where the crosser crosses (a tower stands there)
  int vehicles;
  std::string handoff;  // "joint": one jurisdiction in effect; "never": split at 50 km
};

Model patrol_model(const Case& c) {
  const std::string text = fmt::format(
      R"({{
    "terrain": {{"flat": {{"length_km": 100}}}},
    "jurisdictions": [{{"name": "west"}}, {{"name": "east"}}],
    "sectors": {{"split_along_border_km": [0, 50, 100], "jurisdiction": ["west", "east"],
                 "handoff": "{}"}},
    "sensors": {{
      "towers": {{"along_border": {{"spacing_m": 200000, "offset_m": {}}}, "range_m": {},
                  "detection_rate_per_s": "instant", "false_alarms_per_day": 0}},
      "patrols": [{{"along_border_km": [{}, {}], "offset_m": {}, "vehicles": {}, "speed_mps": 10,
                    "sweep_width_m": 0.01, "response_speed_mps": {}, "on_scene_s": 0}}]}},
    "response": {{"report_latency_s": {}, "track_hold_s": 1e7}}}})",
      c.handoff, c.crossing_km * 1000.0, kTowerRangeM, kLaneFromKm, kLaneToKm, kLaneM, c.vehicles,
      kResponseMps, kLatencyS);
  return build_model(load_scenario_text(text, "patrol_response.json").base);
}

CrosserPlan walker(double border_s) {
  CrosserPlan plan;
  plan.id = 0;
  plan.key = plan.id;  // its streams: hand-made plans keep id and key equal
  plan.start = seconds_to_time(500.0);
  plan.border_s = border_s;
  plan.speed_mps = kWalkMps;
  plan.approach_m = kApproachM;
  plan.goal_m = kGoalM;
  return plan;
}

// Where along the lane a vehicle `unfolded` metres into its cycle is.
double folded(double unfolded, double length) {
  const double w = std::fmod(unfolded, 2.0 * length);
  return w <= length ? w : 2.0 * length - w;
}

// The chance that some vehicle is within R of the goal along the lane (and, handoff
// "never", in the west jurisdiction), the phase u uniform on the cycle.
double theory(const Case& c) {
  const double report_from_border_m = -kTowerRangeM + kLatencyS * kWalkMps;
  const double t_s = (kGoalM - report_from_border_m) / kWalkMps;
  const double d = kLaneM - kGoalM;
  const double reach = std::sqrt(std::pow(kResponseMps * t_s, 2) - d * d);
  const double from = kLaneFromKm * 1000.0, length = (kLaneToKm - kLaneFromKm) * 1000.0;
  const double goal = c.crossing_km * 1000.0;
  constexpr int kSteps = 200000;
  int hits = 0;
  for (int i = 0; i < kSteps; ++i) {
    const double u = (i + 0.5) / kSteps * 2.0 * length;
    for (int k = 0; k < c.vehicles; ++k) {
      const double x = from + folded(u + k * 2.0 * length / c.vehicles, length);
      const bool allowed = c.handoff != "never" || x < 50000.0;
      if (allowed && std::abs(x - goal) <= reach) {
        ++hits;
        break;
      }
    }
  }
  return static_cast<double>(hits) / kSteps;
}

}  // namespace

TEST_CASE("a patrol's vehicles respond from where their round has taken them") {
  // Two vehicles sit at mirror places on the lane: at its middle they are as good as one.
  for (const Case& c : {Case{50.0, 1, "joint"}, Case{42.0, 1, "joint"}, Case{42.0, 2, "joint"},
                        Case{50.0, 2, "joint"}, Case{59.0, 3, "joint"}, Case{50.0, 4, "joint"},
                        Case{45.0, 1, "never"}}) {
    CAPTURE(c.crossing_km);
    CAPTURE(c.vehicles);
    CAPTURE(c.handoff);
    const Model model = patrol_model(c);
    REQUIRE(model.responder_count() == static_cast<std::size_t>(c.vehicles));
    constexpr std::uint32_t kReplications = 3000;
    const std::uint32_t intercepted =
        testing::patrol_interceptions(model, walker(c.crossing_km * 1000.0), kReplications);
    const double p = theory(c);
    const double rate = static_cast<double>(intercepted) / kReplications;
    const double half_width = kZ99 * std::sqrt(p * (1.0 - p) / kReplications);
    MESSAGE(
        fmt::format("crossing at {} km, {} vehicle(s), {}: intercepted {:.4f}, theory {:.4f} "
                    "± {:.4f}",
                    c.crossing_km, c.vehicles, c.handoff, rate, p, half_width));
    CHECK(std::abs(rate - p) <= half_width);
  }
}

// One fast vehicle sweeping a 20 km lane; crossers from 30 km out walk across it. The
// first crosser, seen near the lane, sends the vehicle away for as long as `on_scene_s`: a
// crosser whose contact with it was planned before it left, and one that sets off after,
// are then seen by nobody, nor is one long after unless the vehicle is back by then;
// without `respond` the vehicle sees them all.
TEST_CASE("a patrol's vehicle sent after a crosser sweeps nobody else meanwhile") {
  const auto run = [](bool respond, double on_scene_s, std::vector<CrosserPlan> extra = {}) {
    const std::string text = fmt::format(
        R"({{
      "terrain": {{"flat": {{"length_km": 100}}}},
      "sensors": {{
        "towers": {{"along_border": {{"spacing_m": 200000, "offset_m": 45000}}, "range_m": 30,
                    "detection_rate_per_s": "instant", "false_alarms_per_day": 0}},
        "patrols": [{{"along_border_km": [40, 60], "offset_m": 500, "vehicles": 1, "speed_mps": 100,
                      "sweep_width_m": 2000, "on_scene_s": {}, "respond": {}}}]}},
      "response": {{"report_latency_s": 60, "track_hold_s": 1e7}}}})",
        on_scene_s, respond);
    const Model model = build_model(load_scenario_text(text, "patrol_away.json").base);
    CrosserPlan seen = walker(45000.0);
    seen.start = seconds_to_time(20000.0);  // within the sweep from 20417 s, at the tower 20808 s
    CrosserPlan planned_before = walker(52000.0);
    planned_before.id = 1;
    planned_before.key = planned_before.id;
    planned_before.start = seconds_to_time(100.0);
    planned_before.approach_m = 30000.0;  // near the lane after 24 000 s
    CrosserPlan set_off_after = planned_before;
    set_off_after.id = 2;
    set_off_after.key = set_off_after.id;
    set_off_after.border_s = 55000.0;
    set_off_after.start = seconds_to_time(21000.0);
    CrosserPlan long_after = set_off_after;
    long_after.id = 3;
    long_after.key = long_after.id;
    long_after.start = seconds_to_time(50000.0);
    std::vector plans{seen, planned_before, set_off_after, long_after};
    plans.insert(plans.end(), extra.begin(), extra.end());
    return simulate_replication(model, plans, 3, 0);
  };
  const ReplicationRecord away = run(true, 1e6);
  CHECK(away.crossing_records[0].outcome == Outcome::kIntercepted);
  CHECK(away.crossing_records[0].interceptor == Responder::kPatrol);
  CHECK(away.crossing_records[1].outcome == Outcome::kUndetected);
  CHECK(away.crossing_records[2].outcome == Outcome::kUndetected);
  CHECK(away.crossing_records[3].outcome == Outcome::kUndetected);
  CHECK(away.responder_dispatches == 1);
  // Busy from its dispatch to the end of the run's 24 h (not the 1e6 s on scene).
  CHECK(away.responder_available_s == 86400.0);
  CHECK(away.responder_busy_s ==
        doctest::Approx(86400.0 - away.crossing_records[0].first_dispatch_s).epsilon(1e-9));

  const ReplicationRecord back = run(true, 0.0);
  CHECK(back.crossing_records[0].interceptor == Responder::kPatrol);
  for (std::size_t c = 1; c < 4; ++c) {  // back on its round within minutes
    CHECK(back.crossing_records[c].outcome == Outcome::kIntercepted);
    CHECK(back.crossing_records[c].first_detector == Detector::kPatrol);
  }

  // A crosser setting off while the vehicle drives to the first (its one straight leg
  // planned without it) is swept once the vehicle is back on its round, 1000 s later.
  const CrossingRecord& first = back.crossing_records[0];
  REQUIRE(first.interception_s > first.first_dispatch_s);
  CrosserPlan en_route = walker(58000.0);
  en_route.id = 4;
  en_route.key = en_route.id;
  en_route.start = seconds_to_time(0.5 * (first.first_dispatch_s + first.interception_s));
  en_route.approach_m = 30000.0;
  const ReplicationRecord returned = run(true, 1000.0, {en_route});
  CHECK(returned.crossing_records[0].interception_s == first.interception_s);
  CHECK(returned.crossing_records[4].first_detector == Detector::kPatrol);

  const ReplicationRecord looking = run(false, 1e6);
  CHECK(looking.crossing_records[0].outcome == Outcome::kDetectedNotIntercepted);
  for (std::size_t c = 1; c < 4; ++c)
    CHECK(looking.crossing_records[c].first_detector == Detector::kPatrol);
  CHECK(looking.responder_dispatches == 0);
}

// On ground with a routing grid a vehicle drives its road to the place from which the
// crosser is soonest reached, then by road and terrain (the road's field). Two vehicles
// on a 40 km road meet some of the crossers that towers see walking straight in: every
// interception is a patrol's, slower driving across the ground meets fewer, and without
// `respond` nobody is met.
TEST_CASE("over terrain a patrol's vehicles respond by their road and the ground") {
  const auto run = [](bool respond, double response_speed_mps) {
    const std::string text = fmt::format(R"({{
      "seed": 9, "duration_h": 24,
      "terrain": {{"synthetic": {{"length_km": 60, "depth_km": 15, "foreign_depth_km": 5, "seed": 4}},
                   "cell_m": 100}},
      "routing": {{"crossers": "straight"}},
      "sensors": {{
        "towers": {{"along_border": {{"spacing_m": 2000}}, "range_m": 3000,
                    "detection_rate_per_s": "instant", "false_alarms_per_day": 0}},
        "patrols": [{{"along_border_km": [10, 50], "offset_m": 2000, "vehicles": 2, "speed_mps": 10,
                      "sweep_width_m": 0.01, "on_scene_s": 0, "respond": {},
                      "response_speed_mps": {}}}]}},
      "threats": {{"infiltrators": {{"per_day": 40, "goal_depth_km": 8, "reactions":
                   {{"abort": 0, "hide": 0, "run": 0}}, "origins": [{{"along_border_km": [15, 45]}}]}}}},
      "response": {{"report_latency_s": 60, "track_hold_s": 1e7}},
      "batch": {{"replications": 20}}}})",
                                         respond, response_speed_mps);
    return run_batch(load_scenario_text(text, "patrol_terrain.json"), 1);
  };
  const auto count = [](const BatchResult& batch) {
    std::uint64_t crossings = 0, intercepted = 0;
    for (const ReplicationRecord& r : batch.variants.at(0).replications) {
      for (const CrossingRecord& c : r.crossing_records) {
        ++crossings;
        if (c.outcome != Outcome::kIntercepted) continue;
        ++intercepted;
        CHECK(c.interceptor == Responder::kPatrol);
        CHECK(c.interception_s >= c.first_dispatch_s);
      }
    }
    return std::pair{crossings, intercepted};
  };
  const auto [crossings, fast] = count(run(true, 10.0));
  const auto [same_crossings, slow] = count(run(true, 2.0));
  MESSAGE(fmt::format(
      "over terrain, of {} crossers patrols intercept {} driving 10 m/s, {} driving 2 m/s",
      crossings, fast, slow));
  CHECK(same_crossings == crossings);
  CHECK(crossings > 300);
  CHECK(fast > crossings / 10);
  CHECK(fast < crossings);
  CHECK(slow < fast);
  CHECK(count(run(false, 10.0)).second == 0);
}
