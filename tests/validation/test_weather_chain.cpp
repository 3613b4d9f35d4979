// Weather that comes and goes, against theory and against the fixed-weather model:
// - the time a replication spends in each state matches the chain's stationary
//   distribution π (πQ = 0 solved here with Eigen, apart from the library's own solver),
//   and so does the state at t = 0 and at any later time (the chain starts stationary);
// - a chain of one state is the fixed weather it describes: the same extinction as a
//   camera's own extinction_per_km, the same sweep width, no sorties, give bit-identical
//   replications (the weather's stream moves no other draw);
// - a camera blinded by dust detects nobody while the dust lasts, and does once it clears;
// - crews' sighting in each state matches the barrier's closed form at that state's rate.
#include <doctest/doctest.h>
#include <fmt/format.h>

#include <Eigen/Dense>
#include <array>
#include <boost/math/quadrature/gauss_kronrod.hpp>
#include <cmath>

#include "../support/proportions.h"
#include "../support/record_equality.h"
#include "bordersim/run/batch.h"
#include "bordersim/run/sensor_service.h"
#include "bordersim/scenario/load.h"
#include "bordersim/sensors/weather.h"

using namespace bordersim;

namespace {

using bordersim::testing::kZ99;
constexpr Time kHour = 3600 * kTicksPerSecond;

// π from the generator: Qᵀπ = 0 with one row replaced by Σπ = 1, by Eigen's LU.
Eigen::VectorXd eigen_stationary(const sensors::WeatherChain& chain) {
  const auto q = sensors::generator_matrix(chain);
  const auto n = static_cast<Eigen::Index>(q.size());
  Eigen::MatrixXd a(n, n);
  for (Eigen::Index i = 0; i < n; ++i)
    for (Eigen::Index j = 0; j < n; ++j)
      a(i, j) = q[static_cast<std::size_t>(j)][static_cast<std::size_t>(i)] * 3600.0;  // per hour
  a.row(n - 1).setOnes();
  Eigen::VectorXd b = Eigen::VectorXd::Zero(n);
  b(n - 1) = 1.0;
  return a.fullPivLu().solve(b);
}

// Every crossing of two batches' first variants, bit for bit.
void check_identical(const BatchResult& a, const BatchResult& b) {
  const auto& ra = a.variants.at(0).replications;
  const auto& rb = b.variants.at(0).replications;
  REQUIRE(ra.size() == rb.size());
  for (std::size_t r = 0; r < ra.size(); ++r) {
    REQUIRE(ra[r].crossing_records.size() == rb[r].crossing_records.size());
    for (std::size_t c = 0; c < ra[r].crossing_records.size(); ++c)
      CHECK(testing::same(ra[r].crossing_records[c], rb[r].crossing_records[c]));
  }
}

std::size_t total_detected(const BatchResult& batch) {
  std::size_t n = 0;
  for (const auto& rep : batch.variants.at(0).replications) n += rep.detected;
  return n;
}

}  // namespace

TEST_CASE("weather chain: time in each state matches the stationary distribution of πQ = 0") {
  // clear (24 h) → haze 2, dust 1; haze (12 h) → clear 3, dust 1; dust (5 h) → haze, clear 1:1.
  const auto loaded = load_scenario_text(R"({
    "terrain": {"flat": {"length_km": 20}}, "duration_h": 400,
    "weather": {"states": {
      "clear": {"mean_duration_h": 24, "to": {"haze": 2, "dust": 1}},
      "haze": {"mean_duration_h": 12, "to": {"clear": 3, "dust": 1}},
      "dust": {"mean_duration_h": 5, "to": {"haze": 1, "clear": 1}}}}})",
                                         "chain.json");
  const Model model = build_model(loaded.base);
  const sensors::WeatherChain& chain = *model.weather;
  const Eigen::VectorXd pi = eigen_stationary(chain);
  for (std::size_t i = 0; i < 3; ++i)
    CHECK(chain.stationary[i] == doctest::Approx(pi(static_cast<Eigen::Index>(i))).epsilon(1e-10));

  // Independent replications: the share of [0, H) in each state is unbiased for π (the chain
  // starts stationary), and so is the state at 0 and at H / 2.
  constexpr int kReplications = 4000;
  const Time horizon = 400 * kHour;
  std::vector<double> sum(3, 0.0), sum2(3, 0.0), at0(3, 0.0), at_half(3, 0.0);
  for (int r = 0; r < kReplications; ++r) {
    const sensors::WeatherTimeline weather(
        chain, service_horizon(model),
        Stream({7, static_cast<std::uint64_t>(r), {EntityKind::kWeather, 0}, Purpose::kWeather}));
    const auto time = weather.time_in_states(0, horizon, 3);
    for (std::size_t i = 0; i < 3; ++i) {
      const double share = static_cast<double>(time[i]) / static_cast<double>(horizon);
      sum[i] += share;
      sum2[i] += share * share;
    }
    at0[weather.state_at(0)] += 1;
    at_half[weather.state_at(horizon / 2)] += 1;
  }
  const double n = kReplications;
  for (std::size_t i = 0; i < 3; ++i) {
    const double expected = pi(static_cast<Eigen::Index>(i));
    const double mean = sum[i] / n;
    const double sd = std::sqrt((sum2[i] - n * mean * mean) / (n - 1));
    const double binomial = kZ99 * std::sqrt(expected * (1 - expected) / n);
    MESSAGE(fmt::format(
        "{}: π {:.4f}, time share {:.4f} ± {:.4f}, at 0 {:.4f}, at H/2 {:.4f} (± {:.4f})",
        chain.states[i].name, expected, mean, kZ99 * sd / std::sqrt(n), at0[i] / n, at_half[i] / n,
        binomial));
    CHECK(std::abs(mean - expected) < kZ99 * sd / std::sqrt(n));
    CHECK(std::abs(at0[i] / n - expected) < binomial);
    CHECK(std::abs(at_half[i] / n - expected) < binomial);
  }
}

TEST_CASE("weather chain: one fixed state is the fixed-haze model, bit for bit") {
  // Visible and thermal cameras by day; a crew that sees nothing, so cameras decide.
  const auto scenario = [](double visible, double thermal, const std::string& extra) {
    return load_scenario_text(fmt::format(R"({{
      "seed": 12, "start": "2026-06-01T06:00:00", "duration_h": 12{},
      "terrain": {{"flat": {{"length_km": 40}}}},
      "sensors": {{"towers": {{"along_border": {{"spacing_m": 4000, "offset_m": 2000}}, "range_m": 3000,
                               "detection_rate_per_s": "none", "false_alarms_per_day": 0,
                               "cameras": [{{"kind": "visible", "extinction_per_km": {}}},
                                           {{"kind": "thermal", "pixels": 640, "pitch_um": 17,
                                             "extinction_per_km": {}}}]}}}},
      "threats": {{"infiltrators": {{"per_day": 200}}}},
      "batch": {{"replications": 4}}}})",
                                          extra, visible, thermal),
                              "haze.json");
  };
  // Thick haze: visible contrast gone beyond ln(15) / 5 = 0.54 km, thermal beyond ln(20) / 3 = 1
  // km.
  const BatchResult fixed = run_batch(scenario(5.0, 3.0, ""), 2);
  const BatchResult chain = run_batch(
      scenario(0.17, 0.2, R"(, "weather": {"states": {"haze": {"visible_extinction_per_km": 5.0,
                                                                 "thermal_extinction_per_km": 3.0}}})"),
      2);
  const BatchResult clear = run_batch(scenario(0.17, 0.2, ""), 2);
  check_identical(fixed, chain);
  MESSAGE(fmt::format("detected: haze {}, chain of one haze state {}, clear {}",
                      total_detected(fixed), total_detected(chain), total_detected(clear)));
  CHECK(total_detected(fixed) > 100);
  CHECK(total_detected(clear) > total_detected(fixed) + 50);  // the haze mattered
}

TEST_CASE("weather chain: one fixed state scales patrols' sweep and grounds sorties, bit for bit") {
  const auto scenario = [](double sweep_m, bool recon, const std::string& weather) {
    return load_scenario_text(
        fmt::format(R"({{
      "seed": 3, "duration_h": 24{},
      "terrain": {{"flat": {{"length_km": 60}}}},
      "sensors": {{"patrols": [{{"vehicles": 3, "speed_mps": 8, "sweep_width_m": {}, "respond": false}}]{}}},
      "threats": {{"infiltrators": {{"per_day": 150}}}},
      "batch": {{"replications": 4}}}})",
                    weather, sweep_m,
                    recon ? R"(, "air_recon": [{"every_h": 4, "duration_h": 2}])" : ""),
        "sweep.json");
  };
  const BatchResult narrow = run_batch(scenario(400, false, ""), 2);
  const BatchResult dusty = run_batch(
      scenario(800, true, R"(, "weather": {"states": {"dust": {"patrol_sweep_width_factor": 0.5,
                                                               "air_recon_flies": false}}})"),
      2);
  const BatchResult wide = run_batch(scenario(800, true, ""), 2);
  check_identical(narrow, dusty);
  MESSAGE(fmt::format(
      "detected: 400 m sweep {}, 800 m × 0.5 with sorties grounded {}, 800 m with sorties {}",
      total_detected(narrow), total_detected(dusty), total_detected(wide)));
  CHECK(total_detected(narrow) > 50);
  CHECK(total_detected(wide) > total_detected(narrow));
}

TEST_CASE("weather chain: a camera blinded by dust detects nobody while it lasts") {
  const auto loaded = load_scenario_text(R"({
    "seed": 21, "start": "2026-06-01T04:00:00", "duration_h": 16,
    "terrain": {"flat": {"length_km": 40}},
    "weather": {"states": {"clear": {"mean_duration_h": 3, "to": {"dust": 1}},
                           "dust": {"mean_duration_h": 3, "to": {"clear": 1},
                                    "visible_extinction_per_km": 500}}},
    "sensors": {"towers": {"along_border": {"spacing_m": 4000, "offset_m": 2000}, "range_m": 3000,
                           "detection_rate_per_s": "none", "false_alarms_per_day": 0,
                           "cameras": [{"kind": "visible"}]}},
    "threats": {"infiltrators": {"per_day": 300, "night_preference": 0}},
    "batch": {"replications": 4}})",
                                         "dust.json");
  const BatchResult batch = run_batch(loaded, 2);
  const Model model = build_model(loaded.base);
  std::size_t detected = 0;
  for (const auto& rep : batch.variants[0].replications) {
    const sensors::WeatherTimeline weather(
        *model.weather, service_horizon(model),
        Stream({21, rep.replication, {EntityKind::kWeather, 0}, Purpose::kWeather}));
    for (const auto& row : rep.crossing_records) {
      if (std::isnan(row.first_detection_s)) continue;
      ++detected;
      // Extinction 500/km: the apparent contrast is gone beyond 5 m.
      CHECK(model.weather->states[weather.state_at(seconds_to_time(row.first_detection_s))].name ==
            "clear");
    }
  }
  CHECK(detected > 100);
}

// Crews in weather that comes and goes: clear (factor 1) and dust (factor 0.25), spells of
// 48 h on average. A crossing that lies wholly inside one spell meets a constant hazard
// λ·f inside each tower's disc, so its detection probability is the barrier's closed form
// (2/s) ∫_0^R (1 − exp(−2 λ f √(R² − d²) / u)) dd with that state's f: the thinning that
// makes the changing hazard must give exactly this in each state.
TEST_CASE("weather chain: crews see through dust at crew_detection_factor times their rate") {
  constexpr double kSpacing = 4000, kRange = 1500, kRate = 0.004, kSpeed = 1.2;
  const auto loaded = load_scenario_text(
      fmt::format(R"({{
    "seed": 31, "duration_h": 480,
    "terrain": {{"flat": {{"length_km": 100}}}},
    "weather": {{"states": {{"clear": {{"mean_duration_h": 48, "to": {{"dust": 1}}}},
                             "dust": {{"mean_duration_h": 48, "to": {{"clear": 1}}, "crew_detection_factor": 0.25}}}}}},
    "sensors": {{"towers": {{"along_border": {{"spacing_m": {}, "offset_m": {}}}, "range_m": {},
                             "detection_rate_per_s": {}, "false_alarms_per_day": 0}}}},
    "threats": {{"infiltrators": {{"per_day": 400, "speed_mps": {}, "approach_m": {}, "goal_depth_km": {},
                                   "night_preference": null}}}},
    "batch": {{"replications": 4}}}})",
                  kSpacing, kSpacing / 2, kRange, kRate, kSpeed, kRange + 10, (kRange + 10) / 1000),
      "crews.json");
  const BatchResult batch = run_batch(loaded, 2);
  const Model model = build_model(loaded.base);
  const double crossing_s = 2 * (kRange + 10) / kSpeed;
  std::array<std::uint64_t, 2> detected{}, crossings{};
  for (const auto& rep : batch.variants[0].replications) {
    const sensors::WeatherTimeline weather(
        *model.weather, service_horizon(model),
        Stream({31, rep.replication, {EntityKind::kWeather, 0}, Purpose::kWeather}));
    for (const auto& row : rep.crossing_records) {
      const Time start = seconds_to_time(row.start_s);
      const Time end = start + seconds_to_time(crossing_s + 1);
      const auto state = weather.state_at(start);
      if (weather.time_in_states(start, end, 2)[state] != end - start)
        continue;  // the weather changed
      ++crossings[state];
      if (!std::isnan(row.first_detection_s)) ++detected[state];
    }
  }
  for (std::size_t s = 0; s < 2; ++s) {
    const double factor = model.weather->states[s].crew_detection_factor;
    const auto miss = [&](double d) {
      return 1.0 - std::exp(-2.0 * kRate * factor * std::sqrt(kRange * kRange - d * d) / kSpeed);
    };
    const double theory =
        2.0 / kSpacing *
        boost::math::quadrature::gauss_kronrod<double, 61>::integrate(miss, 0.0, kRange);
    MESSAGE(model.weather->states[s].name << " (factor " << factor << "):");
    CHECK(crossings[s] > 10000);
    testing::check_proportion(detected[s], crossings[s], theory);
  }
}
