// Ground sensors: the window a straight leg spends inside a disc, mean clutter over a disc
// or a box, sensor lines laid along the border, and the passes a crossing makes.
#include <doctest/doctest.h>

#include <cmath>
#include <optional>

#include "bordersim/run/sensor_service.h"
#include "bordersim/scenario/load.h"
#include "bordersim/sensors/motion.h"
#include "bordersim/terrain/clutter.h"

using namespace bordersim;
using namespace bordersim::sensors;

TEST_CASE("window_within: the roots of the leg's quadratic clipped to the leg") {
  // Along x through the centre at 1 m/s from −100 to 100 over [0, 200] s, r = 30.
  auto w = window_within({0, 0}, 30, {-100, 0}, 0, {100, 0}, 200);
  REQUIRE(w);
  CHECK(w->first == doctest::Approx(70.0));
  CHECK(w->second == doctest::Approx(130.0));
  // A chord 18 m off the centre: half-length √(30² − 18²) = 24.
  w = window_within({0, 18}, 30, {-100, 0}, 10, {100, 0}, 210);
  REQUIRE(w);
  CHECK(w->first == doctest::Approx(86.0));
  CHECK(w->second == doctest::Approx(134.0));
  // Starting inside: the window opens at ta; ending inside: it closes at tb.
  w = window_within({0, 0}, 30, {10, 0}, 5, {100, 0}, 95);
  REQUIRE(w);
  CHECK(w->first == 5.0);
  CHECK(w->second == doctest::Approx(25.0));
  w = window_within({0, 0}, 30, {-100, 0}, 0, {0, 0}, 100);
  REQUIRE(w);
  CHECK(w->first == doctest::Approx(70.0));
  CHECK(w->second == 100.0);
  // Farther than r, or a leg that stops short of or starts beyond the disc.
  CHECK_FALSE(window_within({0, 31}, 30, {-100, 0}, 0, {100, 0}, 200));
  CHECK_FALSE(window_within({0, 0}, 30, {-100, 0}, 0, {-40, 0}, 60));
  CHECK_FALSE(window_within({0, 0}, 30, {40, 0}, 0, {100, 0}, 60));
  // Standing still: inside or not.
  w = window_within({0, 0}, 30, {10, 10}, 7, {10, 10}, 9);
  REQUIRE(w);
  CHECK((w->first == 7.0 && w->second == 9.0));
  CHECK_FALSE(window_within({0, 0}, 30, {40, 0}, 7, {40, 0}, 9));
  // Tangent: a single instant.
  w = window_within({0, 30}, 30, {-100, 0}, 0, {100, 0}, 200);
  REQUIRE(w);
  CHECK(w->first == doctest::Approx(100.0));
  CHECK(w->second == doctest::Approx(100.0));
}

TEST_CASE("window_within agrees with sampling the leg") {
  Stream rng({5, 0, {EntityKind::kBenchmark, 4}, Purpose::kBenchmark});
  for (int i = 0; i < 2000; ++i) {
    const MapPoint c{400 * uniform01(rng) - 200, 400 * uniform01(rng) - 200};
    const double r = 150 * uniform01(rng);
    const MapPoint a{400 * uniform01(rng) - 200, 400 * uniform01(rng) - 200};
    const MapPoint b{400 * uniform01(rng) - 200, 400 * uniform01(rng) - 200};
    const double ta = 100 * uniform01(rng), tb = ta + 10 + 100 * uniform01(rng);
    const auto w = window_within(c, r, a, ta, b, tb);
    std::optional<double> first, last;
    const int steps = 20000;
    for (int k = 0; k <= steps; ++k) {
      const double u = static_cast<double>(k) / steps;
      const double x = a.x + u * (b.x - a.x), y = a.y + u * (b.y - a.y);
      if (std::hypot(x - c.x, y - c.y) <= r) {
        const double t = ta + u * (tb - ta);
        if (!first) first = t;
        last = t;
      }
    }
    const double dt = (tb - ta) / steps;
    if (first) {
      REQUIRE(w.has_value());
      CHECK(std::abs(w->first - *first) <= dt);
      CHECK(std::abs(w->second - *last) <= dt);
    } else if (w) {
      CHECK(w->second - w->first <= dt);  // a window thinner than a step may be missed
    }
  }
}

TEST_CASE("clutter: means over a disc and a box on a cover grid") {
  // 10 × 10 cells of 100 m, west half desert (clutter 1), east half urban (5).
  terrain::GridGeometry g{10, 10, 0.0, 1000.0, 100.0, 100.0};
  terrain::CoverGrid cover(g, "", terrain::LandCover::kDesert);
  for (int r = 0; r < 10; ++r) {
    for (int c = 5; c < 10; ++c) cover.at({c, r}) = terrain::LandCover::kUrban;
  }
  const auto table = terrain::default_cover_table();
  const double desert = properties(table, terrain::LandCover::kDesert).clutter;
  const double urban = properties(table, terrain::LandCover::kUrban).clutter;
  CHECK(terrain::max_clutter(table) == urban);
  CHECK(terrain::clutter_at(cover, table, {50, 50}) == desert);
  CHECK(terrain::clutter_at(cover, table, {950, 50}) == urban);
  CHECK(terrain::clutter_at(cover, table, {-50, 50}) == 1.0);  // off the grid
  // A disc centred on the boundary holds as many cells each side.
  CHECK(terrain::mean_clutter_in_disc(cover, table, {500, 500}, 300) ==
        doctest::Approx((desert + urban) / 2));
  // Wholly in the east; smaller than a cell (its own cell).
  CHECK(terrain::mean_clutter_in_disc(cover, table, {850, 500}, 120) == doctest::Approx(urban));
  CHECK(terrain::mean_clutter_in_disc(cover, table, {120, 520}, 10) == doctest::Approx(desert));
  // A box of 3 desert columns and 1 urban: centres at x = 250, 350, 450, 550.
  CHECK(terrain::mean_clutter_in_box(cover, table, {200, 200}, {600, 600}) ==
        doctest::Approx((3 * desert + urban) / 4));
  // Without a cover grid (flat ground): the baseline 1.
  const terrain::CoverGrid none;
  CHECK(terrain::mean_clutter_in_disc(none, table, {0, 0}, 500) == 1.0);
  CHECK(terrain::mean_clutter_in_box(none, table, {0, 0}, {1, 1}) == 1.0);
}

namespace {

Model flat_model(const std::string& sensors) {
  const auto loaded = load_scenario_text(
      R"({"terrain": {"flat": {"length_km": 20, "depth_km": 10}}, "sensors": {"ground_sensors": [)" +
          sensors + "]}}",
      "g.json");
  return build_model(loaded.base, "g.json");
}

}  // namespace

TEST_CASE("ground sensor lines: positions along the border and keys and index and passes") {
  const Model m = flat_model(
      R"({"along_border_km": [2, 3], "spacing_m": 250, "setback_m": 40, "radius_m": 25},
         {"spacing_m": 5000, "detection_probability": 0.5, "report_latency_s": 12})");
  // Line 0: 2000, 2250, ..., 3000 (5 sensors); line 1: 0, 5000, ..., 20000 (5 sensors).
  REQUIRE(m.ground_sensors.size() == 10);
  for (std::size_t k = 0; k < 5; ++k) {
    const GroundSensorSite& g = m.ground_sensors[k];
    CHECK(g.position.x == doctest::Approx(2000.0 + 250.0 * static_cast<double>(k)));
    CHECK(g.position.y == doctest::Approx(40.0));  // behind the border: +y on flat ground
    CHECK(g.radius_m == 25.0);
    CHECK(g.detection_probability == 0.8);
    CHECK(g.report_latency_s == 30.0);
    CHECK(g.clutter == 1.0);
    CHECK(g.false_alarms_per_s == doctest::Approx(2.0 / 86400.0));
    CHECK(g.key == k);
  }
  CHECK(m.ground_sensors[5].key == (std::uint64_t{1} << 32));
  CHECK(m.ground_sensors[9].position.x == doctest::Approx(20000.0));
  CHECK(m.ground_sensors[9].detection_probability == 0.5);
  CHECK(sensor_report_latency_s(m, {EntityKind::kGroundSensor, 9}) == 12.0);

  // A crosser walking north at 1.2 m/s along x = 2250 passes through sensor 1's disc:
  // from y = 40 − 25 to 40 + 25, and no other.
  const auto passes = ground_sensor_passes(m, {2250, -3000}, 0.0, {2250, 5000}, 8000 / 1.2);
  REQUIRE(passes.size() == 1);
  CHECK(passes[0].sensor == 1);
  CHECK(passes[0].enter_s == doctest::Approx((3000 + 15) / 1.2));
  CHECK(passes[0].leave_s == doctest::Approx((3000 + 65) / 1.2));
  // Along line 0 from x = 1900 to 3100: each of its discs in turn, none of line 1's.
  const auto along = ground_sensor_passes(m, {1900, 40}, 0.0, {3100, 40}, 1200.0);
  REQUIRE(along.size() == 5);
  for (std::size_t k = 0; k < 5; ++k)
    CHECK(along[k].enter_s == doctest::Approx(75.0 + 250.0 * static_cast<double>(k)));
  CHECK_FALSE(along[0].starts_inside);
  CHECK(ground_sensor_passes(m, {2100, -3000}, 0.0, {2100, 5000}, 100.0).empty());
  // A leg that starts inside sensor 0's disc continues a pass begun on the leg before.
  const auto inside = ground_sensor_passes(m, {2010, 40}, 50.0, {2010, 500}, 450.0);
  REQUIRE(inside.size() == 1);
  CHECK(inside[0].starts_inside);
  CHECK(inside[0].enter_s == 50.0);
}
