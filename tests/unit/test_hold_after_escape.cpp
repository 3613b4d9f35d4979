// response.hold_after_escape_s: outside "exact", how long after a crosser's projected escape
// the post's picture of it holds still, so how late a team may arrive and still be sent.
// One slow team far from every crossing: it can never be there before the predicted
// escape, so with no hold it is never sent, and with the default 12 h it is sent to every
// crosser it is free for.
#include <doctest/doctest.h>

#include <string>

#include "../support/scenario_errors.h"
#include "bordersim/run/batch.h"

using namespace bordersim;

namespace {

// `hold`: the key and its value, or nothing for the default.
std::uint64_t dispatches(const std::string& hold) {
  const std::string text = R"({
    "seed": 3, "duration_h": 24,
    "terrain": {"flat": {"length_km": 60, "depth_km": 20}},
    "sensors": {"towers": {"along_border": {"spacing_m": 2000, "setback_m": 300},
                           "range_m": 2500, "detection_rate_per_s": 0.01, "cameras": [],
                           "false_alarms_per_day": 0}},
    "threats": {"infiltrators": {"per_day": 20, "knowledge": "naive", "goal_depth_km": 2,
                                 "reactions": {"abort": 0, "hide": 0, "run": 0},
                                 "origins": [{"along_border_km": [45, 55]}]}},
    "response": {"qrf": {"bases_km": [2], "setback_m": 5000, "teams_per_base": 1,
                         "speed_mps": 1.5, "on_scene_s": 0},
                 "prediction": "last_seen")" +
                           hold + R"(},
    "batch": {"replications": 4}})";
  const BatchResult batch = run_batch(load_scenario_text(text, "hold.json"), 1);
  std::uint64_t sent = 0, detected = 0;
  for (const ReplicationRecord& rep : batch.variants.at(0).replications) {
    sent += rep.responder_dispatches;
    detected += rep.detected;
  }
  REQUIRE(detected > 20);  // the post had reports to act on
  return sent;
}

}  // namespace

TEST_CASE("hold after escape: no hold sends no team that cannot beat the escape; 12 h does") {
  // The team drives 43 to 54 km at 1.5 m/s (8 to 10 h): within 12 h of the report, but
  // never within the crosser's walk of about 2 km to its goal (under an hour).
  CHECK(dispatches(R"(, "hold_after_escape_s": 0)") == 0);
  CHECK(dispatches("") > 0);  // the default hold, 43200 s
  CHECK(dispatches(R"(, "hold_after_escape_s": 3600)") == 0);
}

TEST_CASE("hold after escape: bad values name the key") {
  CHECK(testing::pointer_of_error(R"({"response": {"hold_after_escape_s": -1}})") ==
        "/response/hold_after_escape_s");
  CHECK(testing::pointer_of_error(R"({"response": {"hold_after_escape_s": 1e8}})") ==
        "/response/hold_after_escape_s");
}
