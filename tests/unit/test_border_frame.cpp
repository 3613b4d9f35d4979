// Arc-length coordinates along the border: point_at / normal_at / project and their
// round trips, on a straight line, a bent line, a wiggly one and the real Iraq-Syria line.
#include <doctest/doctest.h>

#include <algorithm>
#include <cmath>
#include <limits>
#include <stdexcept>
#include <string>
#include <vector>

#include "../support/polyline_distance.h"
#include "bordersim/terrain/gdal_io.h"
#include "bordersim/terrain/terrain.h"

namespace bt = bordersim::terrain;
using bordersim::testing::brute_distance;

namespace {

bt::MapPoint offset_point(const bt::BorderFrame& f, double s, double d) {
  const bt::MapPoint p = f.point_at(s);
  const bt::MapPoint n = f.normal_at(s);
  return {p.x + d * n.x, p.y + d * n.y};
}

}  // namespace

TEST_CASE("border frame: straight border, home to the left") {
  // Running east: home is north (y > 0), as in the synthetic terrain.
  const bt::BorderFrame f(bt::Polyline{{{0.0, 0.0}, {1000.0, 0.0}, {1000.0, 0.0}, {3000.0, 0.0}}});
  CHECK(f.length() == doctest::Approx(3000.0));
  CHECK(f.vertices().size() == 3);  // the repeated vertex is dropped
  CHECK(f.point_at(250.0).x == doctest::Approx(250.0));
  CHECK(f.point_at(-5.0).x == doctest::Approx(0.0));  // clamped
  CHECK(f.point_at(1e9).x == doctest::Approx(3000.0));
  CHECK(f.normal_at(250.0).x == doctest::Approx(0.0));
  CHECK(f.normal_at(250.0).y == doctest::Approx(1.0));
  CHECK(f.normal_at(1000.0).y == doctest::Approx(1.0));  // a straight vertex
  CHECK(f.tangent_at(2000.0).x == doctest::Approx(1.0));

  const bt::BorderPosition home = f.project({1250.0, 30.0});
  CHECK(home.s == doctest::Approx(1250.0));
  CHECK(home.offset == doctest::Approx(30.0));
  const bt::BorderPosition foreign = f.project({2500.0, -40.0});
  CHECK(foreign.s == doctest::Approx(2500.0));
  CHECK(foreign.offset == doctest::Approx(-40.0));
  // Beyond the ends: clamped to the end, distance to it, side from the end's normal.
  const bt::BorderPosition past = f.project({3300.0, 400.0});
  CHECK(past.s == doctest::Approx(3000.0));
  CHECK(past.offset == doctest::Approx(500.0));

  for (double s = 0.0; s <= 3000.0; s += 137.0) {
    for (const double d : {-500.0, -3.0, 0.0, 2.0, 750.0}) {
      const bt::BorderPosition back = f.project(offset_point(f, s, d));
      CHECK(back.s == doctest::Approx(s));
      CHECK(back.offset == doctest::Approx(d));
    }
  }
}

TEST_CASE("border frame: a bent border keeps arc length and sides") {
  // East 1000 m, then north 1000 m (a left turn): the home side is inside the bend.
  const bt::Polyline line{{{0.0, 0.0}, {1000.0, 0.0}, {1000.0, 1000.0}}};
  const bt::BorderFrame f(line);
  CHECK(f.length() == doctest::Approx(2000.0));
  CHECK(f.point_at(1500.0).x == doctest::Approx(1000.0));
  CHECK(f.point_at(1500.0).y == doctest::Approx(500.0));
  CHECK(f.normal_at(1500.0).x == doctest::Approx(-1.0));  // left of north is west
  CHECK(f.normal_at(1500.0).y == doctest::Approx(0.0));
  // At the vertex: the bisector of the two normals.
  CHECK(f.normal_at(1000.0).x == doctest::Approx(-std::sqrt(0.5)));
  CHECK(f.normal_at(1000.0).y == doctest::Approx(std::sqrt(0.5)));

  // Round trips wherever the nearest border point is inside a segment.
  for (const double s : {50.0, 300.0, 700.0, 1300.0, 1650.0, 1950.0}) {
    for (const double d : {-80.0, -20.0, 0.0, 35.0, 45.0}) {
      const bt::MapPoint p = offset_point(f, s, d);
      const bt::BorderPosition back = f.project(p);
      CHECK(back.s == doctest::Approx(s));
      CHECK(back.offset == doctest::Approx(d));
      const bt::MapPoint again = offset_point(f, back.s, back.offset);
      CHECK(again.x == doctest::Approx(p.x));
      CHECK(again.y == doctest::Approx(p.y));
    }
  }
  // Inside the bend, equidistant from both legs: the first in arc length wins.
  const bt::BorderPosition inside = f.project({900.0, 100.0});
  CHECK(inside.s == doctest::Approx(900.0));
  CHECK(inside.offset == doctest::Approx(100.0));
  // Outside the bend the nearest point is the vertex; the offset is the distance to it,
  // on the foreign side.
  const bt::BorderPosition outside = f.project({1100.0, -100.0});
  CHECK(outside.s == doctest::Approx(1000.0));
  CHECK(outside.offset == doctest::Approx(-std::hypot(100.0, 100.0)));
}

TEST_CASE("border frame: projection on a long wiggly border matches brute force") {
  // 600 vertices: exercises the skipping of far runs of segments.
  bt::Polyline line;
  for (int i = 0; i < 600; ++i) {
    const double x = 100.0 * i;
    line.points.push_back({x, 800.0 * std::sin(x / 3000.0) + 150.0 * std::sin(x / 370.0)});
  }
  const bt::BorderFrame f(line);
  int checked = 0;
  for (double x = -2000.0; x <= 62000.0; x += 1733.0) {
    for (double y = -3000.0; y <= 3000.0; y += 611.0) {
      const bt::MapPoint p{x, y};
      const bt::BorderPosition pos = f.project(p);
      const double want = brute_distance(line, p);
      CHECK(std::abs(pos.offset) == doctest::Approx(want).epsilon(1e-9));
      const bt::MapPoint q = f.point_at(pos.s);
      CHECK(std::hypot(q.x - p.x, q.y - p.y) == doctest::Approx(want).epsilon(1e-9));
      ++checked;
    }
  }
  CHECK(checked > 300);
  // Small offsets from any point of the line come back to it.
  for (double s = 10.0; s < f.length(); s += 997.0) {
    const bt::BorderPosition back = f.project(offset_point(f, s, 7.5));
    CHECK(back.s == doctest::Approx(s).epsilon(1e-9));
    CHECK(back.offset == doctest::Approx(7.5));
  }
}

TEST_CASE("border frame: orientation and degenerate lines") {
  const bt::Polyline west{{{1000.0, 0.0}, {0.0, 0.0}}};  // running west: home would be south
  const bt::Polyline oriented = bt::orient_border(west, {500.0, 200.0});
  REQUIRE(oriented.points.size() == 2);
  CHECK(oriented.points[0].x == 0.0);
  CHECK(bt::BorderFrame(oriented).project({500.0, 200.0}).offset == doctest::Approx(200.0));
  CHECK(bt::orient_border(west, {500.0, -200.0}).points[0].x == 1000.0);  // already right
  CHECK_THROWS_AS(bt::orient_border(west, {500.0, 0.0}), std::invalid_argument);
  CHECK_THROWS_AS(bt::BorderFrame(bt::Polyline{}), std::invalid_argument);
  CHECK_THROWS_AS(bt::BorderFrame(bt::Polyline{{{1.0, 2.0}, {1.0, 2.0}}}), std::invalid_argument);
}

TEST_CASE("border frame: the Iraq-Syria boundary in its UTM zone is 598.9 km long") {
  const bt::LineSet set =
      bt::read_lines(std::string(BORDERSIM_SOURCE_DIR) +
                     "/data/real/vector/iraq_syria_boundary_ne10m_line.geojson");
  REQUIRE(set.lines.size() == 1);
  const bt::BorderFrame f(set.lines[0]);
  CHECK(f.length() / 1000.0 == doctest::Approx(598.9).epsilon(0.005));
  CHECK(f.length() == doctest::Approx(bt::length(set.lines[0])));
  // Points 1 km either side of the line, away from its vertices, come back.
  int checked = 0;
  for (std::size_t v = 0; v + 1 < f.vertices().size(); ++v) {
    const double mid = (f.vertex_s()[v] + f.vertex_s()[v + 1]) / 2.0;
    if (f.vertex_s()[v + 1] - f.vertex_s()[v] < 4000.0) continue;
    for (const double d : {-1000.0, 1000.0}) {
      const bt::BorderPosition back = f.project(offset_point(f, mid, d));
      CHECK(back.s == doctest::Approx(mid));
      CHECK(back.offset == doctest::Approx(d));
      ++checked;
    }
  }
  CHECK(checked > 20);
}
