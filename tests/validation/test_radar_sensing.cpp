// Radars on towers in the running model (sensors/radar.h, world/radar_sensing.cpp): a crosser
// walking (or driving) a straight line across the radar's view at known speed is detected
// with probability 1 − Π_k (1 − Pd(r_k)·factor·[in sector at t_k]) over the scans t_k =
// phase + k·T it is inside the range, averaged over the phase (uniform: crossers start at
// uniform times, independently of the radar's phase). Computed from the geometry alone, and
// compared within the 99 % binomial interval.
#include <doctest/doctest.h>
#include <fmt/format.h>

#include <cmath>

#include "../support/proportions.h"
#include "../support/scenario_errors.h"
#include "bordersim/core/error.h"
#include "bordersim/random/stream.h"
#include "bordersim/run/replication.h"
#include "bordersim/scenario/load.h"
#include "bordersim/sensors/radar.h"

using namespace bordersim;

namespace {

constexpr double kAcross = 3000.0;  // crossers pass this far from the tower, along the border
constexpr double kApproach = 6000.0;
constexpr double kGoal = 4000.0;

// One tower at 10 km on a flat 20 km border, 500 m behind it, with nothing but a radar.
Model radar_model(const std::string& radar) {
  const auto loaded = load_scenario_text(fmt::format(R"({{
    "duration_h": 48,
    "terrain": {{"flat": {{"length_km": 20}}}},
    "sensors": {{"towers": {{"along_border": {{"spacing_m": 20000, "offset_m": 10000,
                                               "setback_m": 500}},
                             "detection_rate_per_s": "none", "false_alarms_per_day": 0,
                             "radar": {}}}}}}})",
                                                     radar),
                                         "radar.json");
  return build_model(loaded.base);
}

// Crossers straight across the border at 10 km + kAcross, starting at uniform times.
std::vector<CrosserPlan> crossers(std::size_t count, Mover mover, double speed_mps) {
  Stream times({11, 0, {EntityKind::kThreatSource, 0}, Purpose::kArrivals});
  std::vector<CrosserPlan> plans(count);
  for (std::uint32_t i = 0; i < count; ++i) {
    plans[i] = {i,
                i,
                CrosserKind::kSmuggler,
                seconds_to_time(uniform01(times) * 24.0 * 3600.0),
                10000.0 + kAcross,
                1,
                speed_mps,
                kApproach,
                kGoal};
    plans[i].mover = mover;
  }
  return plans;
}

// The closed form: the walk from the start point to the goal at constant speed, scans
// every T from a phase u, averaged over u on a fine grid (the error of the midpoint rule
// is far below the tolerance).
double theory(const Model& model, const sensors::RadarSpec& radar, sensors::RadarTarget target,
              double speed_mps) {
  const auto& border = model.geography->border;
  const TowerSite& tower = model.towers[0];
  const MapPoint a = behind_border(border, 10000.0 + kAcross, -kApproach);
  const MapPoint b = behind_border(border, 10000.0 + kAcross, kGoal);
  const double walk_s = (kApproach + kGoal) / speed_mps;
  const int phases = 4000;
  double sum = 0.0;
  for (int i = 0; i < phases; ++i) {
    const double u = (i + 0.5) / phases * radar.scan_period_s;
    double missed = 1.0;
    for (double t = u; t < walk_s; t += radar.scan_period_s) {
      const double f = t / walk_s;
      const MapPoint p{a.x + f * (b.x - a.x), a.y + f * (b.y - a.y)};
      const double dx = p.x - tower.position.x, dy = p.y - tower.position.y;
      if (!sensors::in_radar_sector(radar, tower.facing_deg, std::atan2(dx, dy) * 180 / M_PI))
        continue;
      missed *= 1.0 - sensors::radar_scan_probability(radar, target, std::hypot(dx, dy),
                                                      terrain::LandCover::kDesert);
    }
    sum += 1.0 - missed;
  }
  return sum / phases;
}

struct Count {
  std::uint64_t detected = 0;
  std::uint64_t crossings = 0;
  double share() const { return static_cast<double>(detected) / static_cast<double>(crossings); }
};

Count detected(const Model& model, std::span<const CrosserPlan> plans, std::uint32_t replications) {
  Count count;
  for (std::uint32_t r = 0; r < replications; ++r) {
    const auto record = simulate_replication(model, plans, 23, r);
    count.detected += record.detected;
    count.crossings += record.crossings;
  }
  return count;
}

}  // namespace

TEST_CASE("radar: a straight crossing is detected with 1 - prod(1 - Pd(r_k)) over its scans") {
  // Scans far apart and a steep law, so that P is well inside (0, 1); a sector of 120°
  // facing the foreign side, so that the walk leaves it before passing the tower.
  const std::string keys = R"({"range_m": 6000, "sector_width_deg": 120, "scan_period_s": 400,
                               "pd0": 0.35, "walker_r0_m": 3500, "vehicle_r0_m": 5000,
                               "cover_factor": {"desert": 0.8}})";
  const Model model = radar_model(keys);
  REQUIRE(model.tower_radar);
  const sensors::RadarSpec& radar = model.tower_radar->spec;
  CHECK(radar.cover_factor[0] == 0.8);
  struct Case {
    Mover mover;
    sensors::RadarTarget target;
    double speed_mps;
  };
  for (const Case& c : {Case{Mover::kFoot, sensors::RadarTarget::kWalker, 1.2},
                        Case{Mover::kVehicle, sensors::RadarTarget::kVehicle, 4.0}}) {
    const auto plans = crossers(500, c.mover, c.speed_mps);
    const double p = theory(model, radar, c.target, c.speed_mps);
    INFO(to_string(c.mover));
    CHECK(p > 0.2);
    CHECK(p < 0.9);
    const Count count = detected(model, plans, 8);
    testing::check_proportion(count.detected, count.crossings, p);
  }
}

TEST_CASE("radar: a crossing that never enters the sector is never detected") {
  // The sector looks home (180° from the foreign side), 60° wide: a walk 3 km to the side
  // that ends 3.5 km behind the tower stays outside it (it would need 5.2 km).
  const auto plans = crossers(300, Mover::kFoot, 1.2);
  const Model away = radar_model(R"({"sector_centre_deg": 180, "sector_width_deg": 60,
                                     "scan_period_s": 10})");
  CHECK(detected(away, plans, 2).detected == 0);
  // The same radar all round sees nearly all of them.
  const Model round = radar_model(R"({"scan_period_s": 10})");
  CHECK(detected(round, plans, 2).share() > 0.99);
}

TEST_CASE("radar: bad keys name the file and the pointer") {
  const auto pointer = [](const std::string& radar) {
    return testing::load_error_of(R"({"sensors": {"towers": {"radar": )" + radar + "}}}").first;
  };
  const std::string at = "/sensors/towers/radar/";
  CHECK(pointer(R"({"pd0": 1.5})") == at + "pd0");
  CHECK(pointer(R"({"sector_width_deg": 0})") == at + "sector_width_deg");
  CHECK(pointer(R"({"sector_centre_deg": 400})") == at + "sector_centre_deg");
  CHECK(pointer(R"({"range_m": 60000})") == at + "range_m");
  CHECK(pointer(R"({"scan_period_s": 0})") == at + "scan_period_s");
  CHECK(pointer(R"({"walker_r0_m": 0})") == at + "walker_r0_m");
  CHECK(pointer(R"({"falloff_exponent": 0.1})") == at + "falloff_exponent");
  CHECK(pointer(R"({"report_interval_s": 0})") == at + "report_interval_s");
  CHECK(pointer(R"({"false_alarms_per_day": -1})") == at + "false_alarms_per_day");
  CHECK(pointer(R"({"cover_factor": {"urban": -0.1}})") == at + "cover_factor/urban");
  CHECK(pointer(R"({"cover_factor": {"forest": 0.5}})") == at + "cover_factor/forest");
  // The message names the file, as the CLI prints it.
  CHECK_THROWS_WITH_AS(
      load_scenario_text(R"({"sensors": {"towers": {"radar": {"pd0": 2}}}})", "r.json"),
      doctest::Contains("r.json: /sensors/towers/radar/pd0"), InputError);
}
