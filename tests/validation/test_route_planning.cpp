// Route planning against what it must reproduce: straight-line times on uniform ground
// within the 8-connected grid's known excess, river crossings and bridges, the trench and
// its gaps, Tobler's slope factor on an inclined plane, risk aversion, road travel times.
#include <doctest/doctest.h>

#include <algorithm>
#include <cmath>
#include <numbers>
#include <vector>

#include "../support/route_test_ground.h"
#include "bordersim/routes/cost_field.h"
#include "bordersim/routes/cost_surface.h"
#include "bordersim/terrain/synthetic.h"

namespace br = bordersim::routes;
namespace bt = bordersim::terrain;
using bordersim::route_test::desert_ground;
using bordersim::route_test::flat_ground;
using br::Mover;
using br::Obstacle;

namespace {

int count_legs(const br::Route& r, Obstacle o) {
  int n = 0;
  for (const br::RouteLeg& leg : r.legs) n += leg.obstacle == o ? 1 : 0;
  return n;
}

// The points a route passes through, its start included.
std::vector<bt::MapPoint> points(const br::Route& r) {
  std::vector<bt::MapPoint> out{r.start};
  for (const br::RouteLeg& leg : r.legs) out.push_back(leg.to);
  return out;
}

double min_distance_to(const br::Route& r, bt::MapPoint q) {
  double best = 1e300;
  bt::MapPoint a = r.start;
  for (const br::RouteLeg& leg : r.legs) {
    const bt::MapPoint b = leg.to;
    const double dx = b.x - a.x, dy = b.y - a.y, len2 = dx * dx + dy * dy;
    const double t =
        len2 > 0 ? std::clamp(((q.x - a.x) * dx + (q.y - a.y) * dy) / len2, 0.0, 1.0) : 0.0;
    best = std::min(best, std::hypot(a.x + t * dx - q.x, a.y + t * dy - q.y));
    a = b;
  }
  return best;
}

// The worst excess of an 8-connected path over the straight line: at 22.5°,
// (1 + (√2 − 1) tan 22.5°) / sec 22.5° = 1.0824.
const double kOctileExcess = std::sqrt(4.0 - 2.0 * std::sqrt(2.0));

}  // namespace

TEST_CASE(
    "route_planning: on uniform ground a route to depth goes straight across at the walking "
    "speed") {
  const bt::Terrain t = flat_ground(20000.0);
  const bt::BorderFrame border(t.border);
  br::SurfaceOptions o;
  o.flat_margin_m = 10000.0;
  const br::CostSurface s =
      br::CostSurface::build(t, bt::default_cover_table(), {}, 250.0, 1.2, 10.0, o);
  const br::CostField f = br::CostField::to_depth(s, Mover::kFoot, border, 5000.0);
  const bt::MapPoint p = s.geometry().cell_centre(*s.geometry().cell_of({7100.0, -3100.0}));
  const br::Route r = f.route_from(p);
  REQUIRE(r.legs.size() == 1);  // one straight leg: the collinear steps merged
  CHECK(r.end().x == doctest::Approx(p.x));
  CHECK(r.end().y >= 5000.0);
  CHECK(r.end().y < 5250.0);
  CHECK(r.seconds() == doctest::Approx((r.end().y - p.y) / 1.2).epsilon(1e-6));  // float paces
  CHECK(f.cost_at(p) == doctest::Approx(r.seconds()).epsilon(1e-6));
}

TEST_CASE(
    "route_planning: travel times from a point are the straight-line time within the octile "
    "excess") {
  const bt::Terrain t = flat_ground(30000.0);
  br::SurfaceOptions o;
  o.flat_margin_m = 15000.0;
  const br::CostSurface s =
      br::CostSurface::build(t, bt::default_cover_table(), {}, 250.0, 1.2, 10.0, o);
  const bt::MapPoint source{15000.0, 0.0};
  const br::CostField f = br::CostField::from_point(s, Mover::kFoot, source);
  double worst = 1.0, best = 2.0;
  for (int k = 0; k < 72; ++k) {
    const double a = k * std::numbers::pi / 36.0;
    const bt::MapPoint q{source.x + 12000.0 * std::cos(a), source.y + 12000.0 * std::sin(a)};
    const double ratio = f.seconds_to(q) / (12000.0 / 1.2);
    worst = std::max(worst, ratio);
    best = std::min(best, ratio);
    const br::Route r = f.route_to(q);
    CHECK(r.seconds() == doctest::Approx(f.seconds_to(q)).epsilon(1e-5));
    CHECK(r.end().x == doctest::Approx(q.x));
  }
  // A cell's diagonal at each end is the most the stubs can add or save.
  const double slack = 2.0 * 250.0 * std::sqrt(2.0) / 12000.0;
  CHECK(worst <= kOctileExcess + slack);
  CHECK(worst >= 1.05);  // the excess is there: an 8-connected grid, not a straight line
  CHECK(best >= 1.0 - slack);
}

TEST_CASE("route_planning: walkers swim a river anywhere, vehicles cross at the bridge or a ford") {
  bt::Terrain t = desert_ground(20000.0, 6000.0, 4000.0, 100.0);
  t.rivers = {bt::Polyline{{{0.0, 2100.0}, {20000.0, 2100.0}}}};
  bt::rasterize_lines(t.cover, t.rivers, bt::LandCover::kWater, 100.0);
  t.roads = {bt::Polyline{{{8100.0, -4000.0}, {8100.0, 6000.0}}}};
  bt::rasterize_lines(t.cover, t.roads, bt::LandCover::kRoad, 10.0);  // over the water: a bridge
  const bt::BorderFrame border(t.border);
  br::ObstacleCosts obstacles;
  obstacles.fords = {{16600.0, 2100.0}};
  const br::CostSurface s =
      br::CostSurface::build(t, bt::default_cover_table(), obstacles, 250.0, 1.2, 12.0);

  const br::CostField foot = br::CostField::to_depth(s, Mover::kFoot, border, 4000.0);
  const bt::MapPoint p = s.geometry().cell_centre(*s.geometry().cell_of({3100.0, -2100.0}));
  const br::Route walk = foot.route_from(p);
  CHECK(count_legs(walk, Obstacle::kRiver) == 1);
  for (const bt::MapPoint q : points(walk)) CHECK(std::abs(q.x - p.x) < 1.0);
  CHECK(walk.seconds() == doctest::Approx((walk.end().y - p.y) / 1.2 + 600.0).epsilon(1e-6));

  const br::CostField drive = br::CostField::to_depth(s, Mover::kVehicle, border, 4000.0);
  const br::Route to_bridge = drive.route_from(p);
  REQUIRE_FALSE(to_bridge.empty());
  CHECK(count_legs(to_bridge, Obstacle::kRiver) == 0);
  CHECK(min_distance_to(to_bridge, {8100.0, 2100.0}) < 250.0);
  // Near the ford, the vehicle crosses there, at the ford's time.
  const bt::MapPoint f = s.geometry().cell_centre(*s.geometry().cell_of({16100.0, -2100.0}));
  const br::Route ford = drive.route_from(f);
  REQUIRE(count_legs(ford, Obstacle::kRiver) == 1);
  for (const br::RouteLeg& leg : ford.legs) {
    if (leg.obstacle == Obstacle::kRiver) CHECK(leg.seconds == 120.0);
  }
  CHECK(min_distance_to(ford, {16600.0, 2100.0}) < 400.0);
  // Without bridge or ford the far bank is out of a vehicle's reach.
  bt::Terrain no_bridge = t;
  no_bridge.roads.clear();
  const br::CostSurface s2 =
      br::CostSurface::build(no_bridge, bt::default_cover_table(), {}, 250.0, 1.2, 12.0);
  CHECK(std::isinf(br::CostField::to_depth(s2, Mover::kVehicle, border, 4000.0).cost_at(p)));
}

TEST_CASE(
    "route_planning: the trench costs walkers its crossing time and sends vehicles to a gap") {
  bt::Terrain t = flat_ground(20000.0);
  // Across the whole grid, so that there is no way round its ends; one gap at x = 12 km.
  t.trench = bt::Trench{{{{-20000.0, -60.0}, {40000.0, -60.0}}}, {{31950.0, 32050.0}}, 3.0, 3.0};
  const bt::BorderFrame border(t.border);
  br::SurfaceOptions o;
  o.flat_margin_m = 8000.0;
  const br::CostSurface s =
      br::CostSurface::build(t, bt::default_cover_table(), {}, 250.0, 1.2, 12.0, o);
  const bt::MapPoint p = s.geometry().cell_centre(*s.geometry().cell_of({5100.0, -3100.0}));

  const br::Route walk = br::CostField::to_depth(s, Mover::kFoot, border, 3000.0).route_from(p);
  CHECK(count_legs(walk, Obstacle::kTrench) == 1);
  CHECK(walk.seconds() == doctest::Approx((walk.end().y - p.y) / 1.2 + 240.0).epsilon(1e-6));

  const br::Route drive = br::CostField::to_depth(s, Mover::kVehicle, border, 3000.0).route_from(p);
  REQUIRE_FALSE(drive.empty());
  CHECK(count_legs(drive, Obstacle::kTrench) == 0);
  CHECK(min_distance_to(drive, {12000.0, -60.0}) < 250.0);
  // At least the straight lines through the gap (widened by 3/4 of a routing cell).
  CHECK(drive.seconds() > (std::hypot(11762.5 - p.x, -60.0 - p.y) + 3060.0) / 12.0);
}

TEST_CASE(
    "route_planning: walkers up an inclined plane slow down by Tobler's factor, not down it") {
  bt::Terrain t = desert_ground(12000.0, 3000.0, 3000.0, 50.0);
  for (int r = 0; r < t.elevation.rows(); ++r) {
    for (int c = 0; c < t.elevation.cols(); ++c)
      t.elevation.at({c, r}) = static_cast<float>(0.10 * t.elevation.cell_centre({c, r}).x);
  }
  const br::CostSurface s =
      br::CostSurface::build(t, bt::default_cover_table(), {}, 250.0, 1.0, 10.0);
  const bt::MapPoint a = s.geometry().cell_centre(*s.geometry().cell_of({1100.0, 100.0}));
  const bt::MapPoint b{a.x + 10000.0, a.y};
  const br::CostField from_a = br::CostField::from_point(s, Mover::kFoot, a);
  const br::CostField from_b = br::CostField::from_point(s, Mover::kFoot, b);
  // Uphill at 10 %: exp(3.5 (0.15 − 0.05)) = 1.419 × the flat time; downhill at 10 %: 1.
  CHECK(from_a.seconds_to(b) == doctest::Approx(10000.0 * std::exp(0.35)).epsilon(1e-5));
  CHECK(from_b.seconds_to(a) == doctest::Approx(10000.0).epsilon(1e-5));
}

TEST_CASE(
    "route_planning: an informed route avoids a risky band when a cheap detour exists, and not "
    "otherwise") {
  const bt::Terrain t = flat_ground(20000.0);
  const bt::BorderFrame border(t.border);
  br::SurfaceOptions o;
  o.flat_margin_m = 8000.0;
  const br::CostSurface s =
      br::CostSurface::build(t, bt::default_cover_table(), {}, 250.0, 1.2, 12.0, o);
  const bt::GridGeometry& g = s.geometry();
  const bt::MapPoint p = g.cell_centre(*g.cell_of({10100.0, -3100.0}));
  const auto risk_where = [&](auto inside) {
    std::vector<float> risk(static_cast<std::size_t>(g.cell_count()), 0.0f);
    for (int r = 0; r < g.rows; ++r) {
      for (int c = 0; c < g.cols; ++c) {
        if (inside(g.cell_centre({c, r}))) risk[g.index({c, r})] = 0.01f;  // one per 100 s
      }
    }
    return risk;
  };
  // A 2 km wide column of risk around the straight way: an informed crosser steps out of it.
  const auto column = risk_where([](bt::MapPoint q) { return std::abs(q.x - 10100.0) < 1000.0; });
  const br::Route naive =
      br::CostField::to_depth(s, Mover::kFoot, border, 3000.0, column, 0.0).route_from(p);
  const br::Route informed =
      br::CostField::to_depth(s, Mover::kFoot, border, 3000.0, column, 100.0).route_from(p);
  CHECK(std::abs(naive.end().x - p.x) < 1.0);
  CHECK(std::abs(informed.end().x - p.x) >= 999.0);  // the first cell centre out of the band
  CHECK(informed.seconds() > naive.seconds());
  CHECK(informed.seconds() < naive.seconds() + 1000.0 / 1.2);  // a cheap detour
  // A band along the whole border cannot be avoided: the informed route is the naive one.
  const auto band = risk_where([](bt::MapPoint q) { return q.y > 0.0 && q.y < 1000.0; });
  const br::Route across =
      br::CostField::to_depth(s, Mover::kFoot, border, 3000.0, band, 100.0).route_from(p);
  CHECK(std::abs(across.end().x - p.x) < 1.0);
  CHECK(across.seconds() == doctest::Approx(naive.seconds()));
}

TEST_CASE(
    "route_planning: driving from a point along a road takes the road's length over the road "
    "speed") {
  bt::Terrain t = desert_ground(20000.0, 3000.0, 3000.0, 100.0);
  t.roads = {bt::Polyline{{{0.0, 1050.0}, {20000.0, 1050.0}}}};
  bt::rasterize_lines(t.cover, t.roads, bt::LandCover::kRoad, 10.0);
  const br::CostSurface s =
      br::CostSurface::build(t, bt::default_cover_table(), {}, 250.0, 1.2, 15.0);
  const bt::MapPoint a = s.geometry().cell_centre(*s.geometry().cell_of({2100.0, 1050.0}));
  const br::CostField f = br::CostField::from_point(s, Mover::kVehicle, a);
  const bt::MapPoint b{a.x + 15000.0, a.y};
  CHECK(f.seconds_to(b) == doctest::Approx(15000.0 / 15.0).epsilon(1e-6));
  const br::Route r = f.route_to(b);
  REQUIRE(r.legs.size() == 1);
  CHECK(r.seconds() == doctest::Approx(1000.0).epsilon(1e-6));
  // Off the road, the desert's factor 0.6 applies.
  const bt::MapPoint c{a.x, a.y - 2000.0};
  CHECK(f.seconds_to(c) == doctest::Approx(125.0 / 15.0 + 1875.0 / 9.0).epsilon(1e-6));
}

TEST_CASE(
    "route_planning: a fence along the border costs walkers its cutting time and vehicles a detour "
    "to a gap") {
  const bt::Terrain t = flat_ground(20000.0);
  const bt::BorderFrame border(t.border);
  bordersim::ObstaclesSpec spec;
  spec.fence = bordersim::FenceObstacleSpec{};
  spec.fence->gap_every_km = 15.0;  // one gap, at x = 15 km
  const br::ObstacleCosts obstacles = br::obstacle_costs(spec, border);
  br::SurfaceOptions o;
  o.flat_margin_m = 8000.0;
  const br::CostSurface s =
      br::CostSurface::build(t, bt::default_cover_table(), obstacles, 250.0, 1.2, 12.0, o);
  const bt::MapPoint p = s.geometry().cell_centre(*s.geometry().cell_of({5100.0, -3100.0}));
  const br::Route walk = br::CostField::to_depth(s, Mover::kFoot, border, 3000.0).route_from(p);
  CHECK(count_legs(walk, Obstacle::kFence) == 1);
  CHECK(walk.seconds() == doctest::Approx((walk.end().y - p.y) / 1.2 + 300.0).epsilon(1e-6));
  // The fence ends with the border at x = 0 and 20 km: the nearer way round is its west end
  // (5 km away) rather than the gap (10 km away).
  const br::Route drive = br::CostField::to_depth(s, Mover::kVehicle, border, 3000.0).route_from(p);
  REQUIRE_FALSE(drive.empty());
  CHECK(count_legs(drive, Obstacle::kFence) == 0);
  const bool round_end = min_distance_to(drive, {0.0, 100.0}) < 250.0;
  CHECK(round_end);
  const br::Route from_gap_side =
      br::CostField::to_depth(s, Mover::kVehicle, border, 3000.0)
          .route_from(s.geometry().cell_centre(*s.geometry().cell_of({14100.0, -3100.0})));
  CHECK(min_distance_to(from_gap_side, {15000.0, 100.0}) < 250.0);
}

TEST_CASE("route_planning: on the synthetic corridor vehicles cross the trench only in its gaps") {
  bt::SyntheticTerrainSpec spec;
  spec.length_km = 80.0;
  spec.depth_km = 10.0;
  spec.foreign_depth_km = 4.0;
  spec.trench_to_km = 80.0;
  spec.trench_gap_every_km = 20.0;
  const bt::Terrain t = bt::generate_synthetic_terrain(spec);
  REQUIRE(t.trench.has_value());
  const bt::BorderFrame border(t.border);
  const br::CostSurface s =
      br::CostSurface::build(t, bt::default_cover_table(), {}, 250.0, 1.2, 12.0);
  const br::CostField drive = br::CostField::to_depth(s, Mover::kVehicle, border, 6000.0);
  const br::CostField walk = br::CostField::to_depth(s, Mover::kFoot, border, 6000.0);
  const double trench_y = t.trench->line.points.front().y;
  int crossings = 0, walker_trench_legs = 0;
  for (double x = 2000.0; x < 80000.0; x += 4000.0) {
    const bt::MapPoint p = s.geometry().cell_centre(*s.geometry().cell_of({x, -3000.0}));
    const br::Route r = drive.route_from(p);
    bt::MapPoint a = r.start;
    for (const br::RouteLeg& leg : r.legs) {
      if ((a.y - trench_y) * (leg.to.y - trench_y) < 0.0) {
        const double cx = a.x + (trench_y - a.y) / (leg.to.y - a.y) * (leg.to.x - a.x);
        ++crossings;
        // Within a gap widened by 3/4 of a routing cell (surface_obstacles.cpp).
        INFO("the route crosses the trench line at x = ", cx);
        const bool near_gap = std::any_of(
            t.trench->gaps_m.begin(), t.trench->gaps_m.end(),
            [&](const auto& g) { return cx >= g.first - 187.5 && cx <= g.second + 187.5; });
        CHECK(near_gap);
      }
      a = leg.to;
    }
    walker_trench_legs += count_legs(walk.route_from(p), Obstacle::kTrench);
  }
  CHECK(crossings > 0);
  CHECK(walker_trench_legs > 0);  // most walkers go straight over it
}
