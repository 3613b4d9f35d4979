// Patrols on routes of their own: a one-way circuit against the closed form of the
// barrier patrol, and contacts on a loop with shifts against brute-force sampling, through
// the whole model (scenario → model → replications) with fixed seeds.
#include <doctest/doctest.h>
#include <fmt/format.h>

#include <cmath>
#include <optional>
#include <vector>

#include "../support/batch_threads.h"
#include "../support/patrol_interceptions.h"
#include "../support/proportions.h"
#include "bordersim/movers/arrivals.h"
#include "bordersim/random/stream.h"
#include "bordersim/run/batch.h"
#include "bordersim/run/replication.h"

using namespace bordersim;

using testing::check_proportion;
using testing::kZ99;

// A one-way circuit of length L (out along a straight border at offset 0, back along a road
// 6 km behind it), n vehicles spread evenly over it at speed v with a definite range R,
// against crossers walking straight across at speed u from R before the line to R behind it,
// at uniform points of the middle of the out leg (farther than a + R from its corners) and
// uniform times. In the vehicle's frame a crosser moves at (−v, u): it comes within R iff
// the vehicle was within a = R·√(u² + v²)/u of the crossing point, along the route, when the
// crosser crossed. Each vehicle covers 2a of the cycle L, so P = min(1, 2a·n/L).
TEST_CASE("a one-way patrol circuit against perpendicular crossers matches P = min(1, 2an/L)") {
  struct Case {
    double patrol_mps, range_m, crosser_mps;
    std::int64_t vehicles;
    std::uint64_t seed;
  };
  const double length_m = 2.0 * 30000.0 + 2.0 * 6000.0;
  for (const Case& c : {Case{10.0, 400.0, 1.5, 3, 51}, Case{4.0, 300.0, 1.0, 5, 52},
                        Case{5.0, 300.0, 0.5, 14, 53}}) {
    CAPTURE(c.vehicles);
    const double a = c.range_m * std::hypot(c.crosser_mps, c.patrol_mps) / c.crosser_mps;
    const double theory = std::min(1.0, 2.0 * a * static_cast<double>(c.vehicles) / length_m);
    const std::string text = fmt::format(
        R"({{
      "seed": {}, "duration_h": 24,
      "terrain": {{"flat": {{"length_km": 30}}}},
      "sensors": {{"patrols": [{{"route_points": [[0, 0], [30, 0], [30, 6000], [0, 6000]], "drive": "loop",
                                 "vehicles": {}, "speed_mps": {}, "sweep_width_m": {}, "respond": false}}]}},
      "threats": {{"infiltrators": {{"per_day": 2500, "speed_mps": {}, "approach_m": {}, "goal_depth_km": {},
                                    "origins": [{{"along_border_km": [8, 22]}}]}}}},
      "batch": {{"replications": 10}}}})",
        c.seed, c.vehicles, c.patrol_mps, 2.0 * c.range_m, c.crosser_mps, c.range_m + 1.0,
        (c.range_m + 1.0) / 1000.0);
    const LoadedScenario loaded = load_scenario_text(text, "loop.json");
    const std::vector<Model> models = build_models(loaded);
    const BatchResult batch = run_batch(loaded, models, testing::on_threads(2));
    REQUIRE(models.at(0).patrols.at(0).route.to_m == doctest::Approx(length_m));
    std::uint64_t detected = 0, crossings = 0;
    for (const auto& r : batch.variants.at(0).replications) {
      detected += r.detected;
      crossings += r.crossings;
    }
    CHECK(crossings > 20000);
    if (theory == 1.0)
      CHECK(detected == crossings);
    else
      check_proportion(detected, crossings, theory);
  }
}

// Contacts solved piece by piece on a loop of slanting pieces, with shifts that cut passes
// in two, against brute force: the vehicles' places sampled every 0.5 s from the route's
// points (walked here, independently of the model's lane), kept only within the shifts.
TEST_CASE("contacts on a patrol loop with shifts agree with brute-force sampling") {
  const auto scenario = load_scenario_text(R"({
    "seed": 81, "duration_h": 24, "start": "2026-11-25T18:00:00",
    "terrain": {"flat": {"length_km": 60}},
    "sensors": {"patrols": [{"route_points": [[5, 0], [40, 0], [40, 3000], [20, 5000], [5, 3000]],
                             "drive": "loop", "vehicles": 3, "speed_mps": 12, "sweep_width_m": 1000,
                             "active_h": [[20, 2], [8, 12.5]], "respond": false}]},
    "threats": {"infiltrators": {"per_day": 300, "origins": [{"along_border_km": [0, 45]}]}},
    "batch": {"replications": 1}})",
                                           "shifts.json");
  const std::vector<Model> models = build_models(scenario);
  const BatchResult batch = run_batch(scenario, models, testing::on_threads(1));
  const Model& model = models[0];
  const auto& border = model.geography->border;
  const PatrolSite& patrol = model.patrols.at(0);

  std::vector<MapPoint> corners;
  for (const auto& p : std::vector<std::pair<double, double>>{
           {5, 0}, {40, 0}, {40, 3000}, {20, 5000}, {5, 3000}, {5, 0}})
    corners.push_back(behind_border(border, p.first * 1000.0, p.second));
  double length = 0.0;
  for (std::size_t j = 0; j + 1 < corners.size(); ++j)
    length += std::hypot(corners[j + 1].x - corners[j].x, corners[j + 1].y - corners[j].y);
  CHECK(patrol.route.to_m == doctest::Approx(length));
  const auto on_loop = [&](double s) {
    s = std::fmod(s, length);
    if (s < 0) s += length;
    for (std::size_t j = 0; j + 1 < corners.size(); ++j) {
      const MapPoint a = corners[j], b = corners[j + 1];
      const double d = std::hypot(b.x - a.x, b.y - a.y);
      if (s <= d) return MapPoint{a.x + (b.x - a.x) * s / d, a.y + (b.y - a.y) * s / d};
      s -= d;
    }
    return corners.back();
  };
  // Local hour at simulated time t: the run starts at 18:00.
  const auto on_shift = [](double t) {
    const double h = std::fmod(18.0 + t / 3600.0, 24.0);
    return h >= 20.0 || h < 2.0 || (h >= 8.0 && h < 12.5);
  };
  Stream phase({81, 0, {EntityKind::kPatrol, 0}, Purpose::kSchedulePhase});
  const double unfolded0 = uniform01(phase) * length;
  const auto patrol_close = [&](MapPoint c, double t) {
    if (!on_shift(t)) return false;
    for (std::int64_t k = 0; k < patrol.vehicles; ++k) {
      const MapPoint p =
          on_loop(unfolded0 + static_cast<double>(k) * length / 3.0 + patrol.speed_mps * t);
      if (std::hypot(p.x - c.x, p.y - c.y) <= patrol.range_m) return true;
    }
    return false;
  };

  const auto plans = plan_crossers(model.crossers, 81, 0);
  const auto& rows = batch.variants[0].replications[0].crossing_records;
  REQUIRE(rows.size() == plans.size());
  std::uint64_t detected = 0, agreed = 0, off_shift_misses = 0;
  for (std::size_t i = 0; i < plans.size(); ++i) {
    const CrosserPlan& p = plans[i];
    const MapPoint o = border.point_at(p.border_s), n = border.normal_at(p.border_s);
    const double t0 = time_to_seconds(p.start), t1 = t0 + (p.approach_m + p.goal_m) / p.speed_mps;
    const auto at = [&](double t) {
      const double y = -p.approach_m + p.speed_mps * (t - t0);
      return MapPoint{o.x + y * n.x, o.y + y * n.y};
    };
    std::optional<double> brute;
    bool near_off_shift = false;
    for (double t = t0; t < t1 && !brute; t += 0.5) {
      if (patrol_close(at(t), t)) brute = t;
    }
    const double model_s = rows[i].first_detection_s;
    detected += !std::isnan(model_s);
    CAPTURE(i);
    // As in the bending-border test: sampling finds a contact at most one step after it
    // begins; a contact the model finds earlier must be real, confirmed every millisecond.
    const auto real_contact_at = [&](double t) {
      for (double u = t; u <= t + 0.5; u += 0.001) {
        if (patrol_close(at(u), u)) return true;
      }
      return false;
    };
    if (brute) {
      REQUIRE(!std::isnan(model_s));
      CHECK(model_s <= *brute + 1e-3);
      if (model_s < *brute - 0.5) CHECK(real_contact_at(model_s));
      ++agreed;
    } else if (!std::isnan(model_s)) {
      CHECK(real_contact_at(model_s));
    }
    // Had the vehicles been out all day, would this crosser have been seen? (shifts matter)
    if (!brute) {
      for (double t = t0; t < t1 && !near_off_shift; t += 0.5) {
        const MapPoint c = at(t);
        for (std::int64_t k = 0; k < patrol.vehicles && !near_off_shift; ++k) {
          const MapPoint q =
              on_loop(unfolded0 + static_cast<double>(k) * length / 3.0 + patrol.speed_mps * t);
          near_off_shift = std::hypot(q.x - c.x, q.y - c.y) <= patrol.range_m;
        }
      }
      off_shift_misses += near_off_shift;
    }
  }
  MESSAGE(fmt::format("{} crossers, {} detected, {} agreed, {} passed a vehicle off shift",
                      plans.size(), detected, agreed, off_shift_misses));
  CHECK(detected > 20);
  CHECK(off_shift_misses > 20);  // the shifts did hide vehicles from crossers
}

// A loop patrol's vehicle sent after a crosser leaves from wherever its loop has taken it,
// and only on shift. The set-up of test_patrol_response.cpp's closed form: one crosser per
// replication is seen once by an "instant" tower on the border and the report reaches the
// post at a known time; the only responders are the vehicles of one patrol, here round a
// loop (out along a lane 5 km behind the border over 40–60 km, up to a road 9 km behind,
// back along it, down again: 48 km), sweeping nobody (a 1 cm sweep). Driving straight at
// V, a vehicle can meet the crosser before its goal G exactly when it is within V·T of G
// when sent (T: from the report to the crosser reaching G). The chance that some vehicle
// is that close, its phase uniform over the loop, is integrated here by walking the loop's
// corners. A shift that does not cover the report's time (the run starts at 18:00, the
// report comes at 18:23) leaves nobody to send.
TEST_CASE("a loop patrol's vehicles respond from where the loop has taken them, on shift only") {
  constexpr double kWalkMps = 1.2, kApproachM = 1000.0, kTowerRangeM = 30.0, kLatencyS = 60.0;
  constexpr double kGoalM = 3000.0, kResponseMps = 2.0;
  struct Case {
    double crossing_km;
    int vehicles;
    std::string shifts;  // active_h, or empty
    bool on_shift;
  };
  const std::vector<std::pair<double, double>> corners{
      {40000, 5000}, {60000, 5000}, {60000, 9000}, {40000, 9000}, {40000, 5000}};
  const double loop_m = 48000.0;
  const auto on_loop = [&](double s) {  // (along, behind) of arc length s
    s = std::fmod(s, loop_m);
    for (std::size_t j = 0; j + 1 < corners.size(); ++j) {
      const auto [ax, ay] = corners[j];
      const auto [bx, by] = corners[j + 1];
      const double d = std::hypot(bx - ax, by - ay);
      if (s <= d) return std::pair{ax + (bx - ax) * s / d, ay + (by - ay) * s / d};
      s -= d;
    }
    return corners.back();
  };
  const double report_from_border_m = -kTowerRangeM + kLatencyS * kWalkMps;
  const double reach_m = kResponseMps * (kGoalM - report_from_border_m) / kWalkMps;
  const auto theory = [&](const Case& c) {
    if (!c.on_shift) return 0.0;
    constexpr int kSteps = 200000;
    int hits = 0;
    for (int i = 0; i < kSteps; ++i) {
      const double u = (i + 0.5) / kSteps * loop_m;
      for (int k = 0; k < c.vehicles; ++k) {
        const auto [x, y] = on_loop(u + k * loop_m / c.vehicles);
        if (std::hypot(x - c.crossing_km * 1000.0, y - kGoalM) <= reach_m) {
          ++hits;
          break;
        }
      }
    }
    return static_cast<double>(hits) / kSteps;
  };
  for (const Case& c : {Case{50.0, 1, "", true}, Case{42.0, 2, "", true}, Case{59.0, 3, "", true},
                        Case{50.0, 2, R"(, "active_h": [[18, 19]])", true},
                        Case{50.0, 2, R"(, "active_h": [[19, 6]])", false}}) {
    CAPTURE(c.crossing_km);
    CAPTURE(c.vehicles);
    CAPTURE(c.shifts);
    const std::string text = fmt::format(
        R"({{
      "start": "2026-11-25T18:00:00",
      "terrain": {{"flat": {{"length_km": 100}}}},
      "sensors": {{
        "towers": {{"along_border": {{"spacing_m": 200000, "offset_m": {}}}, "range_m": {},
                    "detection_rate_per_s": "instant", "false_alarms_per_day": 0}},
        "patrols": [{{"route_points": [[40, 5000], [60, 5000], [60, 9000], [40, 9000]], "drive": "loop",
                      "vehicles": {}, "speed_mps": 10, "sweep_width_m": 0.01,
                      "response_speed_mps": {}, "on_scene_s": 0{}}}]}},
      "response": {{"report_latency_s": {}, "track_hold_s": 1e7}}}})",
        c.crossing_km * 1000.0, kTowerRangeM, c.vehicles, kResponseMps, c.shifts, kLatencyS);
    const Model model = build_model(load_scenario_text(text, "loop_response.json").base);
    CrosserPlan plan;
    plan.start = seconds_to_time(500.0);
    plan.border_s = c.crossing_km * 1000.0;
    plan.speed_mps = kWalkMps;
    plan.approach_m = kApproachM;
    plan.goal_m = kGoalM;
    constexpr std::uint32_t kReplications = 3000;
    const std::uint32_t intercepted = testing::patrol_interceptions(model, plan, kReplications);
    const double p = theory(c);
    const double rate = static_cast<double>(intercepted) / kReplications;
    MESSAGE(fmt::format("crossing at {} km, {} vehicle(s){}: intercepted {:.4f}, theory {:.4f}",
                        c.crossing_km, c.vehicles, c.shifts, rate, p));
    if (p == 0.0) {
      CHECK(intercepted == 0);
    } else {
      CHECK(p < 1.0);
      CHECK(std::abs(rate - p) <= kZ99 * std::sqrt(p * (1.0 - p) / kReplications));
    }
  }
}
