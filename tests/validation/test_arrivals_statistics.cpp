// Arrivals against their closed forms: Poisson counts, the night share, origin weights,
// cargo shares and mean values, organisations, vehicles and reactions, each within the
// 99% interval of its binomial or normal approximation over fixed seeds.
#include <doctest/doctest.h>

#include <cmath>
#include <string>
#include <vector>

#include "../support/proportions.h"
#include "bordersim/movers/arrivals.h"
#include "bordersim/movers/night_table.h"
#include "bordersim/run/model.h"
#include "bordersim/scenario/load.h"

using namespace bordersim;

namespace {

using bordersim::testing::kZ99;

Model model_of(const std::string& json) {
  const auto loaded = load_scenario_text(json, "arrivals.json");
  return build_model(loaded.variants.front().scenario);
}

std::vector<CrosserPlan> plans_over(const Model& model, std::uint32_t replications,
                                    std::uint64_t seed) {
  std::vector<CrosserPlan> all;
  for (std::uint32_t r = 0; r < replications; ++r) {
    const auto plans = plan_crossers(model.crossers, seed, r);
    all.insert(all.end(), plans.begin(), plans.end());
  }
  return all;
}

// k successes in n trials against probability p: within the 99% normal interval.
void check_share(std::size_t k, std::size_t n, double p, const char* what) {
  INFO(what << ": " << k << " of " << n << " against " << p);
  REQUIRE(n > 0);
  const double share = static_cast<double>(k) / static_cast<double>(n);
  CHECK(std::abs(share - p) <= kZ99 * std::sqrt(p * (1.0 - p) / static_cast<double>(n)));
}

template <class Predicate>
std::size_t count_if(const std::vector<CrosserPlan>& plans, Predicate keep) {
  std::size_t k = 0;
  for (const CrosserPlan& p : plans) k += keep(p) ? 1 : 0;
  return k;
}

}  // namespace

TEST_CASE("arrivals: the count per day is Poisson with mean per_day and night gets its share") {
  for (const double preference : {0.9, 0.2}) {
    CAPTURE(preference);
    const Model model = model_of(R"({"duration_h": 48, "start": "2026-06-01T12:00:00",
      "threats": {"infiltrators": {"per_day": 100, "night_preference": )" +
                                 std::to_string(preference) + "}}}");
    const std::uint32_t replications = 100;
    const auto plans = plans_over(model, replications, 11);
    // Poisson: mean = variance = per_day × days × replications.
    const double expected = 100.0 * 2.0 * replications;
    CHECK(std::abs(static_cast<double>(plans.size()) - expected) <= kZ99 * std::sqrt(expected));
    const NightTable& nights = model.crossers.nights;
    // A June night at 34.5° N is short: the preference has to lift the rate a lot.
    CHECK(nights.night_fraction() > 0.3);
    CHECK(nights.night_fraction() < 0.5);
    check_share(count_if(plans, [&](const CrosserPlan& p) { return nights.is_night(p.start); }),
                plans.size(), preference, "night share");
  }
}

TEST_CASE("arrivals: origin areas get rate per_day × weight / sum of weights and stay inside") {
  const Model model = model_of(R"({"threats": {"infiltrators": {"per_day": 200, "origins": [
      {"along_border_km": [0, 100], "weight": 1}, {"along_border_km": [300, 310], "weight": 3}]}}})");
  const auto plans = plans_over(model, 50, 12);
  for (const CrosserPlan& p : plans) {
    INFO("crosser at " << p.border_s << " m from origin " << p.origin);
    if (p.origin == 0) CHECK((p.border_s >= 0.0 && p.border_s <= 100e3));
    if (p.origin == 1) CHECK((p.border_s >= 300e3 && p.border_s <= 310e3));
  }
  check_share(count_if(plans, [](const CrosserPlan& p) { return p.origin == 1; }), plans.size(),
              0.75, "second origin");
  // Uniform inside its area: the lower half of [0, 100] km holds half of the first origin.
  check_share(
      count_if(plans, [](const CrosserPlan& p) { return p.origin == 0 && p.border_s < 50e3; }),
      count_if(plans, [](const CrosserPlan& p) { return p.origin == 0; }), 0.5, "lower half");
}

TEST_CASE("arrivals: smugglers' cargo shares and mean values and organisations and vehicles") {
  const Model model = model_of(R"({"threats": {"smugglers": {"per_day": 400, "vehicle_share": 0.25,
      "organisations": 4, "cargo": {"drugs": 5, "weapons": 2, "people": 3},
      "value_usd": {"drugs": {"mean": 10000, "cv": 1.0}, "weapons": {"mean": 20000, "cv": 0.5},
                    "people": {"mean": 3000, "cv": 0}}}}})");
  const auto plans = plans_over(model, 40, 13);
  REQUIRE(plans.size() > 10000);
  const std::size_t n = plans.size();
  struct Kind {
    CargoKind cargo;
    double share, mean, cv;
  };
  for (const Kind& k :
       {Kind{CargoKind::kDrugs, 0.5, 10000, 1.0}, Kind{CargoKind::kWeapons, 0.2, 20000, 0.5},
        Kind{CargoKind::kPeople, 0.3, 3000, 0.0}}) {
    CAPTURE(to_string(k.cargo));
    double sum = 0.0;
    std::size_t count = 0;
    for (const CrosserPlan& p : plans) {
      if (p.cargo != k.cargo) continue;
      sum += p.cargo_value_usd;
      ++count;
    }
    check_share(count, n, k.share, "cargo share");
    const double mean = sum / static_cast<double>(count);
    if (k.cv == 0.0) {
      CHECK(mean == doctest::Approx(k.mean));
    } else {
      CHECK(std::abs(mean - k.mean) <=
            kZ99 * k.mean * k.cv / std::sqrt(static_cast<double>(count)));
    }
  }
  check_share(count_if(plans, [](const CrosserPlan& p) { return p.mover == Mover::kVehicle; }), n,
              0.25, "vehicles");
  for (const CrosserPlan& p : plans) {
    CHECK(p.kind == CrosserKind::kSmuggler);
    CHECK(p.speed_mps == (p.mover == Mover::kVehicle ? 8.0 : 1.3));
    REQUIRE((p.organisation >= 1 && p.organisation <= 4));
  }
  for (std::uint16_t org = 1; org <= 4; ++org) {
    check_share(count_if(plans, [&](const CrosserPlan& p) { return p.organisation == org; }), n,
                0.25, "organisation");
  }
}

TEST_CASE("arrivals: weighted organisations and reaction shares") {
  const Model model = model_of(R"({"threats": {
      "infiltrators": {"per_day": 300, "reactions": {"abort": 0.1, "hide": 0.25, "run": 0.4}},
      "smugglers": {"per_day": 300, "organisations": 3, "organisation_weights": [1, 0, 3]}}})");
  const auto plans = plans_over(model, 100, 14);
  std::vector<CrosserPlan> infiltrators, smugglers;
  for (const CrosserPlan& p : plans)
    (p.kind == CrosserKind::kSmuggler ? smugglers : infiltrators).push_back(p);
  const std::size_t ni = infiltrators.size(), ns = smugglers.size();
  check_share(
      count_if(infiltrators, [](const CrosserPlan& p) { return p.reaction == Reaction::kAbort; }),
      ni, 0.1, "abort");
  check_share(
      count_if(infiltrators, [](const CrosserPlan& p) { return p.reaction == Reaction::kHide; }),
      ni, 0.25, "hide");
  check_share(
      count_if(infiltrators, [](const CrosserPlan& p) { return p.reaction == Reaction::kRun; }), ni,
      0.4, "run");
  check_share(count_if(smugglers, [](const CrosserPlan& p) { return p.organisation == 3; }), ns,
              0.75, "organisation 3");
  CHECK(count_if(smugglers, [](const CrosserPlan& p) { return p.organisation == 2; }) == 0);
  // Smugglers' default reactions: abort 0.3, hide 0.2, run 0.2.
  check_share(
      count_if(smugglers, [](const CrosserPlan& p) { return p.reaction == Reaction::kNone; }), ns,
      0.3, "carry on");
}
