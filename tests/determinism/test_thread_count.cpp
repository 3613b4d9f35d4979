// Same scenario and seed ⇒ identical results, whatever the thread count.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "../support/batch_equality.h"
#include "bordersim/run/batch.h"
#include "bordersim/scenario/default_scenario.h"

using namespace bordersim;

namespace {

using testing::same_bits;

}  // namespace

// The default's simplest layout and the one with the most machinery (drones, joint
// command): building every variant's route fields would dominate these tests under the
// sanitizers.
const std::vector<std::string> kTwoLayouts = {"towers-only", "drones-joint"};

TEST_CASE("1 or 2 or 7 threads give identical replications") {
  ScenarioOverrides overrides;
  overrides.replications = 24;
  overrides.only_variants = kTwoLayouts;
  const auto scenario =
      load_scenario_text(std::string(default_scenario_json()), "default", overrides);
  const BatchResult one = run_batch(scenario, 1);
  CHECK(one.variants.at(0).replications.at(0).crossings > 0);
  testing::check_same_batch(one, run_batch(scenario, 2));
  testing::check_same_batch(one, run_batch(scenario, 7));
}

TEST_CASE("variants meet the same crossers (common random numbers)") {
  ScenarioOverrides overrides;
  overrides.replications = 3;
  overrides.only_variants = kTwoLayouts;
  // "adaptive" crossers pick their corridor from the outcomes so far in the replication,
  // and "informed" ones route round the layout's coverage: both differ between layouts by
  // design. Naive crossers keep their start and, on the same ground, their way.
  Json text = Json::parse(default_scenario_json());
  for (auto& [kind, threat] : text["threats"].items()) threat["knowledge"] = "naive";
  const auto scenario = load_scenario_text(text.dump(), "default", overrides);
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
  a.only_variants = b.only_variants = {"towers-only"};
  a.seed = 1;
  b.seed = 2;
  const auto text = std::string(default_scenario_json());
  const auto ra = run_batch(load_scenario_text(text, "d", a), 1).variants[0].replications[0];
  const auto rb = run_batch(load_scenario_text(text, "d", b), 1).variants[0].replications[0];
  CHECK_FALSE(
      same_bits(ra.crossing_records.at(0).border_x_m, rb.crossing_records.at(0).border_x_m));
}
