// Same scenario and seed ⇒ identical results, whatever the thread count.
#include <doctest/doctest.h>

#include <cstring>

#include "bordersim/run/batch.h"
#include "bordersim/scenario/default_scenario.h"

using namespace bordersim;

namespace {

// Bitwise equality of doubles, so that NaN == NaN and -0.0 != 0.0.
bool same_bits(double a, double b) { return std::memcmp(&a, &b, sizeof a) == 0; }

bool same(const CrossingRecord& a, const CrossingRecord& b) {
  return a.replication == b.replication && a.crosser == b.crosser && a.kind == b.kind &&
         a.group_size == b.group_size && a.sector == b.sector && a.outcome == b.outcome &&
         same_bits(a.start_s, b.start_s) && same_bits(a.first_detection_s, b.first_detection_s) &&
         same_bits(a.interception_s, b.interception_s) && same_bits(a.border_x_m, b.border_x_m) &&
         same_bits(a.border_y_m, b.border_y_m) && same_bits(a.cargo_value_usd, b.cargo_value_usd);
}

void check_identical(const BatchResult& a, const BatchResult& b) {
  REQUIRE(a.variants.size() == b.variants.size());
  for (std::size_t v = 0; v < a.variants.size(); ++v) {
    const auto& ra = a.variants[v].replications;
    const auto& rb = b.variants[v].replications;
    REQUIRE(ra.size() == rb.size());
    for (std::size_t r = 0; r < ra.size(); ++r) {
      CHECK(ra[r].crossings == rb[r].crossings);
      CHECK(ra[r].detected == rb[r].detected);
      CHECK(ra[r].intercepted == rb[r].intercepted);
      CHECK(ra[r].events == rb[r].events);
      CHECK(same_bits(ra[r].responder_busy_s, rb[r].responder_busy_s));
      REQUIRE(ra[r].crossing_records.size() == rb[r].crossing_records.size());
      for (std::size_t c = 0; c < ra[r].crossing_records.size(); ++c)
        CHECK(same(ra[r].crossing_records[c], rb[r].crossing_records[c]));
    }
  }
}

}  // namespace

TEST_CASE("-j 1, -j 2 and -j 7 give identical replications") {
  ScenarioOverrides overrides;
  overrides.replications = 24;
  const auto scenario = load_scenario_text(std::string(default_scenario_json()), "default", overrides);
  const BatchResult one = run_batch(scenario, 1);
  CHECK(one.variants.at(0).replications.at(0).crossings > 0);
  check_identical(one, run_batch(scenario, 2));
  check_identical(one, run_batch(scenario, 7));
}

TEST_CASE("variants meet the same crossers (common random numbers)") {
  ScenarioOverrides overrides;
  overrides.replications = 3;
  const auto scenario = load_scenario_text(std::string(default_scenario_json()), "default", overrides);
  const BatchResult batch = run_batch(scenario, 2);
  REQUIRE(batch.variants.size() >= 2);
  for (std::size_t r = 0; r < 3; ++r) {
    const auto& a = batch.variants[0].replications[r].crossing_records;
    const auto& b = batch.variants[1].replications[r].crossing_records;
    REQUIRE(a.size() == b.size());
    for (std::size_t c = 0; c < a.size(); ++c) {
      CHECK(same_bits(a[c].start_s, b[c].start_s));
      CHECK(same_bits(a[c].border_x_m, b[c].border_x_m));
      CHECK(a[c].group_size == b[c].group_size);
    }
  }
}

TEST_CASE("a different seed gives different crossers") {
  ScenarioOverrides a, b;
  a.replications = b.replications = 1;
  a.seed = 1;
  b.seed = 2;
  const auto text = std::string(default_scenario_json());
  const auto ra = run_batch(load_scenario_text(text, "d", a), 1).variants[0].replications[0];
  const auto rb = run_batch(load_scenario_text(text, "d", b), 1).variants[0].replications[0];
  CHECK_FALSE(same_bits(ra.crossing_records.at(0).border_x_m, rb.crossing_records.at(0).border_x_m));
}
