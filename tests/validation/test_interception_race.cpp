// The race between a crosser and the command chain, with certain detection and fixed times.
#include <doctest/doctest.h>

#include <cmath>

#include "bordersim/run/batch.h"
#include "bordersim/run/replication.h"

using namespace bordersim;

TEST_CASE("interception happens exactly when the response is faster than the crosser") {
  // Overlapping instant towers: every crosser is detected when it enters range, carries on
  // whatever happens, and the track is never lost. So many
  // teams wait at one base that one is always free; the team drives faster than the
  // crosser walks, so it can meet the crosser before the goal exactly when it could reach
  // the goal point first: t_detect + latency + |base − goal|/v < t_goal.
  const auto loaded = load_scenario_text(R"({
    "seed": 5, "duration_h": 48,
    "terrain": {"flat": {"length_km": 100}},
    "sensors": {"towers": {"along_border": {"spacing_m": 1000, "offset_m": 500},
                           "range_m": 600, "detection_rate_per_s": "instant"}},
    "threats": {"infiltrators": {"per_day": 300, "speed_mps": 1.2, "approach_m": 1000, "goal_depth_km": 4,
                                 "reactions": {"abort": 0, "hide": 0, "run": 0}}},
    "response": {"qrf": {"bases_km": [50], "setback_m": 3000, "teams_per_base": 400,
                         "speed_mps": 10, "on_scene_s": 0}, "report_latency_s": 60,
                 "track_hold_s": 1e6},
    "batch": {"replications": 3}})",
                                         "race.json");
  const BatchResult batch = run_batch(loaded, 2);
  std::size_t intercepted = 0, escaped = 0, checked = 0;
  for (const auto& replication : batch.variants[0].replications) {
    for (const auto& row : replication.crossing_records) {
      REQUIRE(std::isfinite(row.first_detection_s));
      const double goal_time = row.start_s + (1000.0 + 4000.0) / 1.2;
      const double drive_s = std::hypot(row.border_x_m - 50000.0, 4000.0 - 3000.0) / 10.0;
      const double margin = goal_time - (row.first_detection_s + 60.0 + drive_s);
      if (std::abs(margin) < 0.01) continue;  // within the engine's millisecond rounding
      ++checked;
      const bool expect_intercept = margin > 0;
      CHECK(expect_intercept == (row.outcome == Outcome::kIntercepted));
      if (row.outcome == Outcome::kIntercepted) {
        ++intercepted;
        CHECK(row.interception_s < goal_time);
        CHECK(row.interception_s >= row.first_detection_s + 60.0);
      } else {
        ++escaped;
        CHECK(row.outcome == Outcome::kDetectedNotIntercepted);
        CHECK(std::isnan(row.interception_s));
      }
    }
  }
  CHECK(checked > 500);
  CHECK(intercepted > 100);  // both outcomes occur, so the test can tell them apart
  CHECK(escaped > 100);
}

TEST_CASE("a busy team: 'queue' serves the waiting report later, 'drop' gives it up") {
  const auto scenario = [](const char* when_busy) {
    return load_scenario_text(std::string(R"({
      "terrain": {"flat": {"length_km": 100}},
      "sensors": {"towers": {"along_border": {"spacing_m": 1000, "offset_m": 500},
                             "range_m": 600, "detection_rate_per_s": "instant"}},
      "response": {"qrf": {"bases_km": [50], "setback_m": 1000, "teams_per_base": 1,
                           "speed_mps": 30, "on_scene_s": 1800}, "report_latency_s": 60,
                   "track_hold_s": 1e6,
                   "when_busy": ")") +
                                  when_busy + R"("}})",
                              "busy.json");
  };
  // Two crossers set off together; the one at 50.1 km is seen first and takes the team.
  std::vector<CrosserPlan> plans(2);
  plans[0] = {0, 0, CrosserKind::kInfiltrator, 0, 50000.0, 1, 1.0, 1000.0, 20000.0};
  plans[1] = {1, 1, CrosserKind::kInfiltrator, 0, 50100.0, 1, 1.0, 1000.0, 20000.0};

  const Model queue_model = build_model(scenario("queue").base);
  const auto queued = simulate_replication(queue_model, plans, 1, 0);
  CHECK(queued.crossing_records[1].outcome == Outcome::kIntercepted);
  CHECK(queued.crossing_records[0].outcome == Outcome::kIntercepted);
  // The second interception waited for the team's return: on scene 1800 s, then back. By
  // then the crosser has long left the towers' sight (at 1600 s): only the queued report
  // can send the team; with "drop" no later report comes.
  CHECK(queued.crossing_records[0].interception_s >
        queued.crossing_records[1].interception_s + 1800.0);

  const Model drop_model = build_model(scenario("drop").base);
  const auto dropped = simulate_replication(drop_model, plans, 1, 0);
  CHECK(dropped.crossing_records[1].outcome == Outcome::kIntercepted);
  CHECK(dropped.crossing_records[0].outcome == Outcome::kDetectedNotIntercepted);
  CHECK(dropped.intercepted == 1);
  CHECK(dropped.responder_busy_s > 1800.0);
}
