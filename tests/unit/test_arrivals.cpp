// Arrivals: ids, order, common random numbers across variants and threads, reactions.
#include <doctest/doctest.h>
#include <tbb/parallel_for.h>

#include <algorithm>
#include <cstring>
#include <set>
#include <tuple>
#include <vector>

#include "bordersim/movers/arrivals.h"
#include "bordersim/run/model.h"
#include "bordersim/scenario/load.h"

using namespace bordersim;

namespace {

constexpr const char* kTwoKinds = R"({
  "threats": {
    "infiltrators": {"per_day": 30, "origins": [{"along_border_km": [0, 200]}, {"along_border_km": [400, 600], "weight": 2}]},
    "smugglers": {"per_day": 20}
  },
  "variants": {
    "baseline": {},
    "towers": {"sensors": {"towers": {"along_border": {"spacing_m": 15000}, "cameras": [{"kind": "thermal"}]}}},
    "more-smugglers": {"threats": {"smugglers": {"per_day": 40}}}
  }
})";

bool same_plan(const CrosserPlan& a, const CrosserPlan& b) {
  return a.id == b.id && a.kind == b.kind && a.start == b.start &&
         std::memcmp(&a.border_s, &b.border_s, sizeof a.border_s) == 0 &&
         a.group_size == b.group_size && a.speed_mps == b.speed_mps &&
         a.approach_m == b.approach_m && a.goal_m == b.goal_m && a.mover == b.mover &&
         a.cargo == b.cargo &&
         std::memcmp(&a.cargo_value_usd, &b.cargo_value_usd, sizeof(double)) == 0 &&
         a.organisation == b.organisation && a.origin == b.origin && a.knowledge == b.knowledge &&
         a.risk_aversion_s == b.risk_aversion_s && a.reaction == b.reaction &&
         a.hide_s == b.hide_s && a.run_speed_factor == b.run_speed_factor;
}

}  // namespace

TEST_CASE("arrivals: ids are 0 to n-1 in start order across kinds and origins") {
  const auto loaded = load_scenario_text(kTwoKinds, "t.json");
  const Model model = build_model(loaded.variants[0].scenario);
  const auto plans = plan_crossers(model.crossers, 5, 3);
  REQUIRE(plans.size() > 20);
  std::set<CrosserKind> kinds;
  std::set<std::uint16_t> origins;
  for (std::size_t i = 0; i < plans.size(); ++i) {
    CHECK(plans[i].id == i);
    if (i > 0) CHECK(plans[i - 1].start <= plans[i].start);
    CHECK(plans[i].start < model.duration);
    kinds.insert(plans[i].kind);
    if (plans[i].kind == CrosserKind::kInfiltrator) origins.insert(plans[i].origin);
    const bool smuggler = plans[i].kind == CrosserKind::kSmuggler;
    CHECK((plans[i].cargo != CargoKind::kNone) == smuggler);
    CHECK((plans[i].organisation != 0) == smuggler);
    CHECK(plans[i].knowledge == (smuggler ? Knowledge::kInformed : Knowledge::kNaive));
  }
  CHECK(kinds.size() == 2);
  CHECK(origins.size() == 2);
}

TEST_CASE("arrivals: every variant that leaves the threats alone meets the same crossers") {
  const auto loaded = load_scenario_text(kTwoKinds, "t.json");
  const Model base = build_model(loaded.variants[0].scenario);
  const Model towers = build_model(loaded.variants[1].scenario);
  // Cameras give the model a light table; the night of arrivals must not change with it.
  REQUIRE(!towers.light.empty());
  REQUIRE(base.light.empty());
  for (std::uint32_t r = 0; r < 5; ++r) {
    const auto a = plan_crossers(base.crossers, 9, r), b = plan_crossers(towers.crossers, 9, r);
    REQUIRE(a.size() == b.size());
    for (std::size_t i = 0; i < a.size(); ++i) CHECK(same_plan(a[i], b[i]));
  }
  // Other replications and seeds meet other crossers.
  CHECK(plan_crossers(base.crossers, 9, 0).front().start !=
        plan_crossers(base.crossers, 9, 1).front().start);
  CHECK(plan_crossers(base.crossers, 9, 0).front().start !=
        plan_crossers(base.crossers, 10, 0).front().start);
}

TEST_CASE("arrivals: more smugglers leave the infiltrators' draws alone") {
  const auto loaded = load_scenario_text(kTwoKinds, "t.json");
  const Model base = build_model(loaded.variants[0].scenario);
  const Model more = build_model(loaded.variants[2].scenario);
  using Key = std::tuple<Time, double, std::uint16_t, Reaction, std::uint16_t>;
  const auto infiltrators = [](const std::vector<CrosserPlan>& plans) {
    std::vector<Key> keys;
    for (const CrosserPlan& p : plans) {
      if (p.kind == CrosserKind::kInfiltrator)
        keys.emplace_back(p.start, p.border_s, p.group_size, p.reaction, p.origin);
    }
    return keys;
  };
  const auto a = plan_crossers(base.crossers, 4, 0), b = plan_crossers(more.crossers, 4, 0);
  CHECK(infiltrators(a) == infiltrators(b));
  CHECK(b.size() > a.size());
}

TEST_CASE("arrivals: the same plans on any number of threads") {
  const auto loaded = load_scenario_text(kTwoKinds, "t.json");
  const Model model = build_model(loaded.variants[0].scenario);
  constexpr std::uint32_t kReplications = 16;
  std::vector<std::vector<CrosserPlan>> serial(kReplications), parallel(kReplications);
  for (std::uint32_t r = 0; r < kReplications; ++r)
    serial[r] = plan_crossers(model.crossers, 77, r);
  tbb::parallel_for(std::uint32_t{0}, kReplications,
                    [&](std::uint32_t r) { parallel[r] = plan_crossers(model.crossers, 77, r); });
  for (std::uint32_t r = 0; r < kReplications; ++r) {
    REQUIRE(serial[r].size() == parallel[r].size());
    for (std::size_t i = 0; i < serial[r].size(); ++i)
      CHECK(same_plan(serial[r][i], parallel[r][i]));
  }
}

TEST_CASE("draw_reaction: abort then hide then run then carry on") {
  const ReactionsSpec r{0.1, 0.2, 0.3, 60.0, 2.0};
  CHECK(draw_reaction(r, 0.0) == Reaction::kAbort);
  CHECK(draw_reaction(r, 0.0999) == Reaction::kAbort);
  CHECK(draw_reaction(r, 0.1) == Reaction::kHide);
  CHECK(draw_reaction(r, 0.2999) == Reaction::kHide);
  CHECK(draw_reaction(r, 0.3001) == Reaction::kRun);
  CHECK(draw_reaction(r, 0.5999) == Reaction::kRun);
  CHECK(draw_reaction(r, 0.6001) == Reaction::kNone);
  CHECK(draw_reaction(ReactionsSpec{0.0, 0.0, 0.0, 0.0, 1.0}, 0.0) == Reaction::kNone);
}

TEST_CASE("arrivals: no threats, no crossers") {
  const auto loaded = load_scenario_text(R"({"threats": {}})", "t.json");
  CHECK(plan_crossers(build_model(loaded.variants[0].scenario).crossers, 1, 0).empty());
}

// threats.*.knowledge is resolved once when the model is built (CrossingParams), not per
// crosser: each word names its own enum, and every plan of a kind carries its kind's.
TEST_CASE("arrivals: knowledge is resolved from its word once, for every crosser of a kind") {
  for (const Knowledge k : {Knowledge::kNaive, Knowledge::kInformed, Knowledge::kAdaptive})
    CHECK(knowledge_named(to_string(k)) == k);
  const auto loaded = load_scenario_text(
      R"({"threats": {"infiltrators": {"per_day": 30, "knowledge": "adaptive"},
                      "smugglers": {"per_day": 20, "knowledge": "naive"}}})",
      "t.json");
  const Model model = build_model(loaded.variants[0].scenario);
  CHECK(model.crossers.infiltrators_knowledge == Knowledge::kAdaptive);
  CHECK(model.crossers.smugglers_knowledge == Knowledge::kNaive);
  const auto plans = plan_crossers(model.crossers, 5, 0);
  REQUIRE(plans.size() > 10);
  for (const CrosserPlan& plan : plans)
    CHECK(plan.knowledge ==
          (plan.kind == CrosserKind::kInfiltrator ? Knowledge::kAdaptive : Knowledge::kNaive));
}
