// batch.stop_when_halfwidth: blocks of kStopBlock replications until every variant's 95 %
// intervals of detection and interception rate are narrower than the half-width. The
// stop must fall where the records say, whatever the thread count.
#include <doctest/doctest.h>

#include <algorithm>

#include "../support/record_equality.h"
#include "bordersim/core/error.h"
#include "bordersim/run/batch.h"
#include "bordersim/scenario/default_scenario.h"
#include "bordersim/stats/intervals.h"

using namespace bordersim;

namespace {

LoadedScenario scenario(std::int64_t replications, std::optional<double> halfwidth) {
  Json text = Json::parse(default_scenario_json());
  text["batch"]["replications"] = replications;
  if (halfwidth) text["batch"]["stop_when_halfwidth"] = *halfwidth;
  ScenarioOverrides overrides;
  overrides.only_variants = {"towers-only", "drones-joint"};
  return load_scenario_text(text.dump(), "stopping.json", overrides);
}

// The widest half-width of either rate of any variant over its first k replications,
// computed here from the records, independently of the batch's running totals.
double widest(const BatchResult& batch, std::size_t k) {
  double widest = 0.0;
  for (const VariantResult& v : batch.variants) {
    std::uint64_t crossings = 0, detected = 0, intercepted = 0;
    for (std::size_t r = 0; r < k; ++r) {
      crossings += v.replications[r].crossings;
      detected += v.replications[r].detected;
      intercepted += v.replications[r].intercepted;
    }
    for (const Interval& i :
         {wilson_interval(detected, crossings), wilson_interval(intercepted, crossings)})
      widest = std::max(widest, (i.upper - i.lower) / 2);
  }
  return widest;
}

}  // namespace

TEST_CASE("the stopping rule stops at the first block narrow enough, for -j 1 and -j 2 alike") {
  const BatchResult full = run_batch(scenario(250, std::nullopt), 2);
  CHECK(full.stop_reason == "replications");
  // A half-width between those after 100 and 150 replications: the rule must stop at 150.
  const double at_100 = widest(full, 100), at_150 = widest(full, 150);
  REQUIRE(at_150 < at_100);
  const double halfwidth = (at_100 + at_150) / 2;
  std::size_t expected = 0;
  for (std::size_t k = kStopBlock; k <= 250 && !expected; k += kStopBlock)
    if (widest(full, k) < halfwidth) expected = k;
  REQUIRE(expected == 150);

  const LoadedScenario stopping = scenario(250, halfwidth);
  const BatchResult one = run_batch(stopping, 1);
  const BatchResult two = run_batch(stopping, 2);
  for (const BatchResult* batch : {&one, &two}) {
    CHECK(batch->stop_reason == "halfwidth");
    CHECK(batch->held.count == expected);
    for (std::size_t v = 0; v < batch->variants.size(); ++v) {
      REQUIRE(batch->variants[v].replications.size() == expected);
      for (std::size_t r = 0; r < expected; ++r)
        CHECK(testing::same_totals(batch->variants[v].replications[r],
                                   full.variants[v].replications[r]));
    }
  }

  // Never narrow enough: every replication runs, and the file will say so.
  const BatchResult all = run_batch(scenario(100, 1e-6), 2);
  CHECK(all.stop_reason == "replications");
  CHECK(all.held.count == 100);
}

TEST_CASE("stop_when_halfwidth must be above 0 and at most 0.5") {
  CHECK_THROWS_AS(scenario(10, 0.0), InputError);
  CHECK_THROWS_AS(scenario(10, 0.7), InputError);
}
