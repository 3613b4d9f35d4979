// Sensing on real and synthetic ground: viewsheds shape what towers see, and crossers
// cross a border that bends.
#include <doctest/doctest.h>
#include <fmt/format.h>

#include <cmath>

#include "../support/batch_threads.h"
#include "bordersim/random/stream.h"
#include "bordersim/run/batch.h"
#include "bordersim/run/replication.h"
#include "bordersim/terrain/line_of_sight.h"

using namespace bordersim;

namespace {

// A 60 km synthetic corridor with tall instant towers, many crossers and no responders.
LoadedScenario synthetic_scenario(double spacing_m, double range_m) {
  return load_scenario_text(fmt::format(R"({{
    "seed": 3, "duration_h": 24,
    "terrain": {{"synthetic": {{"length_km": 60, "depth_km": 10, "foreign_depth_km": 5, "seed": 11}}, "cell_m": 100}},
    "routing": {{"crossers": "straight"}},
    "sensors": {{"towers": {{"along_border": {{"spacing_m": {}, "offset_m": 500}}, "height_m": 10,
                             "range_m": {}, "detection_rate_per_s": "instant"}}}},
    "threats": {{"infiltrators": {{"per_day": 400, "approach_m": 3000, "goal_depth_km": 3}}}},
    "batch": {{"replications": 2}}}})",
                                        spacing_m, range_m),
                            "synthetic.json");
}

}  // namespace

TEST_CASE("tower viewsheds agree with ray casting on synthetic terrain") {
  const auto scenario = synthetic_scenario(5000, 6000);
  const Model model = build_model(scenario.base);
  REQUIRE(model.geography->has_elevation());
  const auto& dem = model.geography->terrain.elevation;
  const terrain::SightGeometry sight{10.0, 1.7, scenario.base.terrain.refraction_coefficient,
                                     terrain::kEarthRadiusM};
  Stream draws({1, 0, {EntityKind::kTower, 0}, Purpose::kAttributes});
  int agree = 0, seen = 0, hidden = 0;
  constexpr int kSamples = 4000;
  for (int i = 0; i < kSamples; ++i) {
    const std::size_t t =
        static_cast<std::size_t>(uniform01(draws) * static_cast<double>(model.towers.size()));
    const double angle = 2 * M_PI * uniform01(draws);
    const double r = 6000.0 * std::sqrt(uniform01(draws));
    const MapPoint p{model.towers[t].position.x + r * std::cos(angle),
                     model.towers[t].position.y + r * std::sin(angle)};
    if (!dem.cell_of(p)) continue;
    // Ray casting from the tower's cell centre to the target's, as the viewshed sees them.
    const MapPoint from = dem.cell_centre(*dem.cell_of(model.towers[t].position));
    const MapPoint to = dem.cell_centre(*dem.cell_of(p));
    const bool exact = terrain::line_of_sight(dem, from, to, sight);
    const bool model_sees = model.tower_sees(t, p);
    agree += exact == model_sees;
    seen += model_sees;
    hidden += !model_sees;
  }
  MESSAGE("viewshed vs ray casting: " << agree << " of " << seen + hidden << " agree; " << seen
                                      << " seen");
  CHECK(seen > 200);    // the terrain neither hides everything
  CHECK(hidden > 200);  // nor nothing
  CHECK(static_cast<double>(agree) >= 0.95 * (seen + hidden));
}

TEST_CASE("on terrain a crosser is detected exactly where a tower first sees it") {
  const auto scenario = synthetic_scenario(6000, 2000);
  const std::vector<Model> models = build_models(scenario);
  const BatchResult batch = run_batch(scenario, models, testing::on_threads(2));
  const Model& model = models[0];
  const auto& border = model.geography->border;
  const auto& infiltrators = *scenario.base.threats.infiltrators;
  std::size_t detected = 0, undetected = 0;
  for (const auto& replication : batch.variants[0].replications) {
    for (const auto& row : replication.crossing_records) {
      const auto where = border.project({row.border_x_m, row.border_y_m});
      CHECK(std::abs(where.offset) < 1e-6);  // the crossing point lies on the border
      const MapPoint n = border.normal_at(where.s);
      const auto seen_at = [&](double y) {
        const MapPoint p{row.border_x_m + y * n.x, row.border_y_m + y * n.y};
        for (std::size_t t = 0; t < model.towers.size(); ++t)
          if (model.tower_sees(t, p)) return true;
        return false;
      };
      // Walk the path in 10 m steps: before the detection point no tower sees it (the
      // model walks the cells exactly, so only millisecond rounding separates the two).
      const double end_y =
          std::isnan(row.first_detection_s)
              ? infiltrators.goal_depth_km.value * 1000.0
              : -infiltrators.approach_m +
                    infiltrators.speed_mps.value * (row.first_detection_s - row.start_s);
      bool seen_before = false;
      for (double y = -infiltrators.approach_m; y < end_y - 0.05; y += 10.0)
        seen_before |= seen_at(y);
      CHECK_FALSE(seen_before);
      if (std::isnan(row.first_detection_s)) {
        ++undetected;
      } else {
        ++detected;
        CHECK(seen_at(end_y + 0.05));
      }
    }
  }
  CHECK(detected > 100);
  CHECK(undetected > 20);
}

TEST_CASE("the Iraq-Syria border from Natural Earth: length and crossings along it") {
  const auto scenario =
      load_scenario_text(R"({
    "terrain": {"files": {"border": ")" BORDERSIM_SOURCE_DIR
                         R"(/data/real/vector/iraq_syria_boundary_ne10m_line.geojson",
                          "home_point_lonlat": [43.0, 35.0]}},
    "sectors": {"split_along_border_km": [0, 180, 599], "names": ["north", "south"]},
    "threats": {"infiltrators": {"per_day": 200}},
    "batch": {"replications": 1}})",
                         "iraq-syria-test.json");
  const std::vector<Model> models = build_models(scenario);
  const BatchResult batch = run_batch(scenario, models, testing::on_threads(1));
  const Model& model = models[0];
  CHECK(model.border_length_m == doctest::Approx(598'889.0).epsilon(0.005));
  // Home is Iraq, east of the border: at the middle of the border the normal points east.
  CHECK(model.geography->border.normal_at(model.border_length_m / 2).x > 0.5);
  const auto& rows = batch.variants[0].replications[0].crossing_records;
  REQUIRE(rows.size() > 100);
  for (const auto& row : rows) {
    const auto where = model.geography->border.project({row.border_x_m, row.border_y_m});
    CHECK(std::abs(where.offset) < 1e-6);
    CHECK(row.sector == (where.s < 180'000.0 ? 0 : 1));
  }
}
