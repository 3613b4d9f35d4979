// Route planning: cost surface (cover, roads, water, obstacles, grid guard), cost fields
// (to a depth, from a point), routes as legs, determinism, and the scenario keys.
#include <doctest/doctest.h>

#include <cmath>
#include <cstring>
#include <limits>
#include <stdexcept>
#include <string>
#include <vector>

#include "../support/route_test_ground.h"
#include "bordersim/core/error.h"
#include "bordersim/routes/cost_field.h"
#include "bordersim/routes/cost_surface.h"
#include "bordersim/routes/scenario_options.h"
#include "bordersim/scenario/load.h"
#include "bordersim/terrain/synthetic.h"

namespace br = bordersim::routes;
namespace bt = bordersim::terrain;
using bordersim::route_test::desert_ground;
using bordersim::route_test::flat_ground;
using bordersim::route_test::synthetic_corridor;
using br::Mover;
using br::Obstacle;

TEST_CASE(
    "routes: a road cell takes the road pace and a mixed cell the harmonic mean of its speeds") {
  bt::Terrain t = desert_ground(4000.0, 2000.0, 2000.0, 100.0);
  // Half of one 200 m routing cell's four terrain cells are farmland (0.7), half desert (1).
  t.cover.at(*t.cover.cell_of({50.0, 1950.0})) = bt::LandCover::kFarmland;
  t.cover.at(*t.cover.cell_of({150.0, 1950.0})) = bt::LandCover::kFarmland;
  bt::rasterize_lines(t.cover, std::vector<bt::Polyline>{{{{0.0, -1050.0}, {4000.0, -1050.0}}}},
                      bt::LandCover::kRoad, 10.0);
  const br::CostSurface s =
      br::CostSurface::build(t, bt::default_cover_table(), {}, 200.0, 1.0, 10.0);
  const auto mixed = *s.geometry().cell_of({100.0, 1900.0});
  CHECK(s.pace(Mover::kFoot, mixed) == doctest::Approx((1.0 / 0.7 + 1.0) / 2.0).epsilon(1e-6));
  const auto road = *s.geometry().cell_of({1000.0, -1050.0});
  CHECK(s.pace(Mover::kVehicle, road) == doctest::Approx(1.0 / 10.0).epsilon(1e-6));
  CHECK(s.pace(Mover::kFoot, road) == doctest::Approx(1.0 / 1.1).epsilon(1e-6));
  const auto plain = *s.geometry().cell_of({1000.0, 500.0});
  CHECK(s.pace(Mover::kVehicle, plain) == doctest::Approx(1.0 / 6.0).epsilon(1e-6));
}

TEST_CASE("routes: a cell mostly of swamp is impassable to vehicles but not to walkers") {
  bt::Terrain t = desert_ground(2000.0, 1000.0, 1000.0, 100.0);
  for (double x : {50.0, 150.0}) {
    t.cover.at(*t.cover.cell_of({x, 950.0})) = bt::LandCover::kSwamp;
    t.cover.at(*t.cover.cell_of({x, 850.0})) = bt::LandCover::kSwamp;
  }
  t.cover.at(*t.cover.cell_of({250.0, 950.0})) = bt::LandCover::kSwamp;  // 1 of 4: passable
  const br::CostSurface s =
      br::CostSurface::build(t, bt::default_cover_table(), {}, 200.0, 1.0, 10.0);
  CHECK(std::isinf(s.pace(Mover::kVehicle, *s.geometry().cell_of({100.0, 900.0}))));
  CHECK(s.pace(Mover::kFoot, *s.geometry().cell_of({100.0, 900.0})) == doctest::Approx(1.0 / 0.3));
  CHECK(s.pace(Mover::kVehicle, *s.geometry().cell_of({300.0, 900.0})) ==
        doctest::Approx(1.0 / 6.0).epsilon(1e-6));
}

TEST_CASE("routes: a routing grid over the cell limit is refused with the key to fix") {
  const bt::Terrain t = flat_ground(20000.0);
  br::SurfaceOptions o;
  o.max_cells = 1000;
  o.file = "s.json";
  try {
    (void)br::CostSurface::build(t, bt::default_cover_table(), {}, 250.0, 1.2, 10.0, o);
    FAIL("no error");
  } catch (const bordersim::InputError& e) {
    CHECK(e.pointer() == "/routing/cell_m");
    CHECK(e.file() == "s.json");
  }
}

TEST_CASE("routes: Tobler's function at known grades, and the vehicle grade penalty") {
  const br::CostSurface s =
      br::CostSurface::build(flat_ground(2000.0), bt::default_cover_table(), {}, 250.0, 1.0, 10.0);
  CHECK(s.slope_pace_factor(Mover::kFoot, 0.0) == doctest::Approx(1.0));
  CHECK(s.slope_pace_factor(Mover::kFoot, 0.10) == doctest::Approx(std::exp(0.35)));     // 1.419
  CHECK(s.slope_pace_factor(Mover::kFoot, -0.05) == doctest::Approx(std::exp(-0.175)));  // fastest
  CHECK(s.slope_pace_factor(Mover::kFoot, -0.10) == doctest::Approx(1.0));
  CHECK(s.slope_pace_factor(Mover::kVehicle, 0.15) == doctest::Approx(2.0));
  CHECK(std::isinf(s.slope_pace_factor(Mover::kVehicle, -0.31)));
}

TEST_CASE("routes: edges know their obstacles, both ways, and foot pays the crossing time") {
  bt::Terrain t = flat_ground(10000.0);
  t.trench = bt::Trench{{{{0.0, -60.0}, {10000.0, -60.0}}}, {{4950.0, 5050.0}}, 3.0, 3.0};
  const br::CostSurface s =
      br::CostSurface::build(t, bt::default_cover_table(), {}, 250.0, 1.0, 10.0);
  const auto a = *s.geometry().cell_of({1125.0, -125.0});
  const bt::CellIndex b{a.col, a.row - 1};  // north, across y = -60
  CHECK(s.edge_obstacles(a, b) == 1u << static_cast<unsigned>(Obstacle::kTrench));
  CHECK(s.edge_obstacles(b, a) == s.edge_obstacles(a, b));
  CHECK(s.edge_seconds(Mover::kFoot, a, b) == doctest::Approx(250.0 + 240.0));
  CHECK(std::isinf(s.edge_seconds(Mover::kVehicle, a, b)));
  const auto g = *s.geometry().cell_of({5000.0 + 1.0, -125.0});
  CHECK(s.edge_obstacles(g, {g.col, g.row - 1}) == 0);
  CHECK(s.edge_seconds(Mover::kVehicle, g, {g.col, g.row - 1}) == doctest::Approx(25.0));
}

TEST_CASE("routes: fields and routes are identical when built twice on the synthetic corridor") {
  const bt::Terrain t = synthetic_corridor(40.0, 30.0);
  const bt::BorderFrame border(t.border);
  br::ObstacleCosts obstacles;
  obstacles.ford_every_km = 5.0;
  const auto build = [&] {
    return br::CostSurface::build(t, bt::default_cover_table(), obstacles, 250.0, 1.2, 12.0);
  };
  const br::CostSurface s1 = build();
  const br::CostSurface s2 = build();
  for (const Mover m : {Mover::kFoot, Mover::kVehicle}) {
    const br::CostField f1 = br::CostField::to_depth(s1, m, border, 8000.0);
    const br::CostField f2 = br::CostField::to_depth(s2, m, border, 8000.0);
    REQUIRE(f1.costs().size() == f2.costs().size());
    CHECK(std::memcmp(f1.costs().data(), f2.costs().data(), f1.costs().size_bytes()) == 0);
    if (m == Mover::kFoot) CHECK(f1.reachable_cells() > s1.geometry().cell_count() / 2);
    for (double x : {3000.0, 17000.0, 36000.0}) {
      const bt::MapPoint p = s1.geometry().cell_centre(*s1.geometry().cell_of({x, -2400.0}));
      const br::Route r1 = f1.route_from(p);
      const br::Route r2 = f2.route_from(p);
      REQUIRE(r1.legs.size() == r2.legs.size());
      if (m == Mover::kVehicle) continue;  // a vehicle may have no way from there
      REQUIRE_FALSE(r1.empty());
      for (std::size_t i = 0; i < r1.legs.size(); ++i) {
        CHECK(r1.legs[i].to.x == r2.legs[i].to.x);
        CHECK(r1.legs[i].to.y == r2.legs[i].to.y);
        CHECK(r1.legs[i].seconds == r2.legs[i].seconds);
      }
      // Without risk, the field's value is the route's travel time.
      CHECK(r1.seconds() == doctest::Approx(f1.cost_at(p)).epsilon(1e-5));
      CHECK(border.project(r1.end()).offset >= 8000.0);
    }
  }
}

TEST_CASE("routes: scenario obstacles and routing keys load with their defaults and ranges") {
  const auto loaded = bordersim::load_scenario_text(
      R"({"obstacles": {"fence": {"from_km": 10, "to_km": 20, "gap_every_km": 5}},
          "routing": {"cell_m": 500}})",
      "s.json");
  const bordersim::Scenario& s = loaded.base;
  CHECK(s.obstacles.trench.crossing_time_s == 240.0);
  CHECK(s.obstacles.rivers.crossing_time_s == 600.0);
  REQUIRE(s.obstacles.fence.has_value());
  CHECK(s.obstacles.fence->setback_m == 100.0);
  CHECK(s.routing.cell_m == 500.0);
  CHECK(loaded.resolved["routing"]["max_cells"] == 20000000);
  try {
    (void)bordersim::load_scenario_text(R"({"obstacles": {"rivers": {"crossing_s": 1}}})",
                                        "s.json");
    FAIL("no error");
  } catch (const bordersim::InputError& e) {
    CHECK(e.pointer() == "/obstacles/rivers/crossing_s");
  }
  const bt::BorderFrame border(bt::Polyline{{{0.0, 0.0}, {30000.0, 0.0}}});
  const br::ObstacleCosts costs = br::obstacle_costs(s.obstacles, border);
  REQUIRE(costs.fences.size() == 1);
  const br::Barrier& fence = costs.fences[0];
  CHECK(fence.line.points.front().x == doctest::Approx(10000.0));
  CHECK(fence.line.points.front().y == doctest::Approx(100.0));
  CHECK(fence.line.points.back().x == doctest::Approx(20000.0));
  REQUIRE(fence.gaps_m.size() == 1);  // at 5 km along the fence (10 km would be its end)
  CHECK(fence.gaps_m[0].first == doctest::Approx(4975.0));
}

TEST_CASE("routes: a hazard on the terrain grid becomes its mean over each routing cell") {
  const bt::Terrain t = desert_ground(1000.0, 500.0, 500.0, 100.0);
  const bt::GridGeometry& fine = t.cover.geometry();
  std::vector<float> hazard(static_cast<std::size_t>(fine.cell_count()), 0.0f);
  hazard[fine.index({0, 0})] = 0.4f;  // one of the four cells of routing cell (0, 0)
  hazard[fine.index({9, 9})] = std::nanf("");
  const br::CostSurface s =
      br::CostSurface::build(t, bt::default_cover_table(), {}, 200.0, 1.0, 10.0);
  const std::vector<float> coarse = br::hazard_on_routing_grid(s.geometry(), fine, hazard);
  REQUIRE(coarse.size() == static_cast<std::size_t>(s.geometry().cell_count()));
  CHECK(coarse[s.geometry().index({0, 0})] == doctest::Approx(0.1));
  CHECK(coarse[s.geometry().index({4, 4})] == 0.0f);
  CHECK_THROWS_AS(br::hazard_on_routing_grid(s.geometry(), fine, std::span(hazard).first(3)),
                  std::invalid_argument);
}

TEST_CASE("routes: the scenario's routing keys become surface options") {
  bordersim::RoutingSpec routing;
  routing.max_cells = 1234;
  routing.vehicle_max_grade = 0.25;
  bordersim::TerrainSpec terrain;
  terrain.flat = bordersim::FlatTerrainSpec{100.0, 30.0};
  const br::SurfaceOptions o = br::surface_options(routing, terrain, "s.json");
  CHECK(o.max_cells == 1234);
  CHECK(o.vehicle_max_grade == 0.25);
  CHECK(o.flat_margin_m == 30000.0);
  CHECK(o.file == "s.json");
  CHECK(o.pointer == "/routing/cell_m");
}

TEST_CASE(
    "routes: a start in a cell the mover cannot enter joins the field at the best cell nearby") {
  bt::Terrain t = desert_ground(4000.0, 2000.0, 2000.0, 100.0);
  for (double x : {2050.0, 2150.0}) {
    for (double y : {-1050.0, -1150.0})
      t.cover.at(*t.cover.cell_of({x, y})) = bt::LandCover::kSwamp;
  }
  const bt::BorderFrame border(t.border);
  const br::CostSurface s =
      br::CostSurface::build(t, bt::default_cover_table(), {}, 200.0, 1.0, 10.0);
  const bt::MapPoint p{2100.0, -1100.0};  // the centre of the swamp cell
  REQUIRE(std::isinf(s.pace(Mover::kVehicle, *s.geometry().cell_of(p))));
  const br::CostField f = br::CostField::to_depth(s, Mover::kVehicle, border, 1000.0);
  CHECK(std::isinf(f.cost_at(p)));
  const br::Route r = f.route_from(p);
  REQUIRE_FALSE(r.empty());
  CHECK(r.legs.front().to.x == doctest::Approx(2100.0));  // north, through the cell above it
  CHECK(border.project(r.end()).offset >= 1000.0);
  const br::CostField from = br::CostField::from_point(s, Mover::kVehicle, {100.0, -1900.0});
  CHECK(from.route_to(p).end().x == p.x);
  CHECK(std::isfinite(from.seconds_to(p)));
  CHECK(from.seconds_to(p) == doctest::Approx(from.route_to(p).seconds()).epsilon(1e-5));
}

TEST_CASE("routes: a field from several sources is the least of the single-source fields") {
  const bt::Terrain t = synthetic_corridor(40.0, 30.0);
  br::ObstacleCosts obstacles;
  obstacles.ford_every_km = 5.0;
  const br::CostSurface s =
      br::CostSurface::build(t, bt::default_cover_table(), obstacles, 250.0, 1.2, 12.0);
  const bt::GridGeometry& g = s.geometry();
  // A patrol road 1.5 km behind the border: sources at cell centres every 2 km along it.
  std::vector<bt::MapPoint> sources;
  for (double x = 1000.0; x < 40000.0; x += 2000.0)
    sources.push_back(g.cell_centre(*g.cell_of({x, 1500.0})));
  const br::CostField road = br::CostField::from_points(s, Mover::kVehicle, sources);
  std::vector<br::CostField> single;
  for (const bt::MapPoint& source : sources)
    single.push_back(br::CostField::from_point(s, Mover::kVehicle, source));
  int reachable = 0;
  for (double x = 500.0; x < 40000.0; x += 1700.0) {
    for (double y = -2500.0; y < 12000.0; y += 900.0) {
      const bt::MapPoint p{x, y};
      CAPTURE(x);
      CAPTURE(y);
      double best = std::numeric_limits<double>::infinity();
      for (const br::CostField& f : single) best = std::min(best, f.seconds_to(p));
      const br::CostField::FromSource got = road.from_nearest_source(p);
      if (!std::isfinite(best)) {
        CHECK(std::isinf(got.seconds));
        continue;
      }
      ++reachable;
      REQUIRE(got.source < sources.size());
      CHECK(got.seconds == doctest::Approx(best).epsilon(1e-5));
      // The source it names is one that gets there that soon.
      CHECK(single[got.source].seconds_to(p) == doctest::Approx(best).epsilon(1e-5));
    }
  }
  CHECK(reachable > 100);
  CHECK_THROWS_AS(single[0].from_nearest_source(sources[1]), std::logic_error);
}
