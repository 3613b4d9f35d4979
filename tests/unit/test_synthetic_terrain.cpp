// The synthetic border corridor: deterministic, and its features exist where the header
// says they are.
#include <doctest/doctest.h>
#include <tbb/task_arena.h>

#include <algorithm>
#include <bit>
#include <cmath>
#include <cstdint>
#include <queue>
#include <string>
#include <vector>

#include "../support/polyline_distance.h"
#include "bordersim/core/error.h"
#include "bordersim/terrain/fingerprint.h"
#include "bordersim/terrain/synthetic.h"

namespace bt = bordersim::terrain;
using bordersim::InputError;
using bordersim::testing::brute_distance;
using bt::LandCover;

namespace {

// 100 km x (25 + 5) km at 100 m: 300 000 cells, about 0.05 s (0.5 s under ASan at -O0,
// where the full 6100 x 700 default takes 5 s: bench/terrain_bench --verify checks that).
bt::SyntheticTerrainSpec mid_spec() {
  bt::SyntheticTerrainSpec s;
  s.length_km = 100;
  s.depth_km = 25;
  s.foreign_depth_km = 5;
  s.cell_m = 100;
  return s;
}

// Generated once per test process; the tests only read it.
const bt::Terrain& mid_terrain() {
  static const bt::Terrain terrain = bt::generate_synthetic_terrain(mid_spec());
  return terrain;
}

int count(const bt::Terrain& t, LandCover c) {
  return static_cast<int>(t.cover.histogram()[static_cast<std::size_t>(c)]);
}

// Runs of consecutive cells of class c along row r.
int runs(const bt::CoverGrid& g, int r, LandCover c) {
  int n = 0;
  bool in = false;
  for (const LandCover v : g.row(r)) {
    if (v == c && !in) ++n;
    in = v == c;
  }
  return n;
}

// Road cells 8-connected to the border road's cell at x = 0.
std::vector<bool> roads_reached_from_border_road(const bt::Terrain& t) {
  const bt::CoverGrid& g = t.cover;
  const bt::GridGeometry& geo = g.geometry();
  std::vector<bool> seen(static_cast<std::size_t>(g.cell_count()), false);
  std::queue<bt::CellIndex> todo;
  const auto start = g.cell_of({geo.cell_w / 2.0, t.roads.front().points.front().y});
  REQUIRE(start.has_value());
  REQUIRE(g.at(*start) == LandCover::kRoad);
  todo.push(*start);
  seen[geo.index(*start)] = true;
  while (!todo.empty()) {
    const bt::CellIndex c = todo.front();
    todo.pop();
    for (int dr = -1; dr <= 1; ++dr) {
      for (int dc = -1; dc <= 1; ++dc) {
        const bt::CellIndex n{c.col + dc, c.row + dr};
        if (g.contains(n) && !seen[geo.index(n)] && g.at(n) == LandCover::kRoad) {
          seen[geo.index(n)] = true;
          todo.push(n);
        }
      }
    }
  }
  return seen;
}

}  // namespace

TEST_CASE("synthetic terrain: the same spec gives the same grids, another seed others") {
  const bt::SyntheticTerrainSpec spec = mid_spec();
  const bt::Terrain& a = mid_terrain();

  // Inside task arenas of 1 and 2 threads: the same bits.
  std::uint64_t one = 0;
  std::uint64_t two = 0;
  tbb::task_arena(1).execute([&] { one = bt::fingerprint(bt::generate_synthetic_terrain(spec)); });
  tbb::task_arena(2).execute([&] { two = bt::fingerprint(bt::generate_synthetic_terrain(spec)); });
  CHECK(one == bt::fingerprint(a));
  CHECK(two == bt::fingerprint(a));

  bt::SyntheticTerrainSpec other = spec;
  other.seed = 8;
  const bt::Terrain c = bt::generate_synthetic_terrain(other);
  CHECK(bt::fingerprint(c) != bt::fingerprint(a));
  CHECK(c.rivers[0].points[40].x != a.rivers[0].points[40].x);
}

TEST_CASE("synthetic terrain: grid layout and every class present") {
  const bt::Terrain& t = mid_terrain();
  const bt::GridGeometry& g = t.elevation.geometry();
  CHECK(g.cols == 1000);
  CHECK(g.rows == 300);
  CHECK(g.west == 0.0);
  CHECK(g.north == 25000.0);
  CHECK(g.cell_w == 100.0);
  CHECK(t.cover.geometry() == g);
  CHECK(t.elevation.crs_wkt() == bt::synthetic_crs_wkt());
  // The border: east along y = 0, home side north.
  REQUIRE(t.border.points.size() == 2);
  const bt::BorderFrame frame(t.border);
  CHECK(frame.length() == doctest::Approx(100000.0));
  CHECK(frame.project({5000.0, 3000.0}).offset == doctest::Approx(3000.0));
  for (std::size_t c = 0; c < bt::kLandCoverCount; ++c) {
    CAPTURE(bt::to_string(static_cast<LandCover>(c)));
    CHECK(count(t, static_cast<LandCover>(c)) > 0);
  }
  CHECK(bt::cover_at(t, {-10.0, 100.0}) == std::nullopt);
  CHECK(bt::cover_at(t, t.towns[0].position).has_value());
}

TEST_CASE("synthetic terrain: two rivers cross the border and a marsh lies beside one") {
  const bt::SyntheticTerrainSpec spec = mid_spec();
  const bt::Terrain& t = mid_terrain();
  REQUIRE(t.rivers.size() == 2);
  for (const bt::Polyline& river : t.rivers) {
    // From the foreign edge to the home edge.
    CHECK(river.points.front().y < -spec.foreign_depth_km * 1000.0);
    CHECK(river.points.back().y > spec.depth_km * 1000.0);
    int crossings = 0;
    for (std::size_t i = 1; i < river.points.size(); ++i) {
      crossings += (river.points[i - 1].y < 0.0) != (river.points[i].y < 0.0) ? 1 : 0;
    }
    CHECK(crossings == 1);
  }
  // Southern (x small) and northern ends of the border.
  const bt::BorderFrame frame(t.border);
  CHECK(frame.project(t.rivers[0].points[20]).s < 0.3 * frame.length());
  CHECK(frame.project(t.rivers[1].points[20]).s > 0.8 * frame.length());
  // Just north and just south of the border, exactly two runs of water.
  const int first_foreign_row = static_cast<int>(spec.depth_km * 1000.0 / spec.cell_m);
  CHECK(runs(t.cover, first_foreign_row - 1, LandCover::kWater) == 2);
  CHECK(runs(t.cover, first_foreign_row, LandCover::kWater) == 2);
  // The rivers run in valleys: water lies lower than the land 3 km either side.
  for (const bt::Polyline& river : t.rivers) {
    const bt::MapPoint p = river.points[river.points.size() / 2];
    const double z = *t.elevation.elevation_at(p);
    CHECK(z < *t.elevation.elevation_at({p.x - 3000.0, p.y}));
    CHECK(z < *t.elevation.elevation_at({p.x + 3000.0, p.y}));
  }

  // The marsh: beside rivers[0] only, touching its water.
  const bt::CoverGrid& g = t.cover;
  int swamp = 0;
  bool touches_water = false;
  for (int r = 0; r < g.rows(); ++r) {
    for (int c = 0; c < g.cols(); ++c) {
      if (g.at({c, r}) != LandCover::kSwamp) continue;
      ++swamp;
      const bt::MapPoint p = g.cell_centre({c, r});
      CHECK(brute_distance(t.rivers[0], p) < 4000.0);
      CHECK(brute_distance(t.rivers[0], p) < brute_distance(t.rivers[1], p));
      CHECK(p.y > 0.0);
      for (int dr = -1; dr <= 1; ++dr) {
        for (int dc = -1; dc <= 1; ++dc) {
          const bt::CellIndex n{c + dc, r + dr};
          touches_water = touches_water || (g.contains(n) && g.at(n) == LandCover::kWater);
        }
      }
    }
  }
  CHECK(swamp > 100);
  CHECK(touches_water);
}

TEST_CASE("synthetic terrain: towns are urban and every town is reached by road") {
  const bt::SyntheticTerrainSpec spec = mid_spec();
  const bt::Terrain& t = mid_terrain();
  CHECK(t.towns.size() >= 6);
  CHECK(t.towns.size() <= 12);
  const std::vector<bool> reached = roads_reached_from_border_road(t);
  const bt::CoverGrid& g = t.cover;
  int near_river = 0;
  for (const bt::Town& town : t.towns) {
    CAPTURE(town.name);
    CHECK_FALSE(town.name.empty());
    CHECK(town.position.y > spec.border_road_setback_m);
    CHECK(town.position.y < spec.depth_km * 1000.0);
    int inside = 0;
    int built = 0;
    bool road = false;
    for (int r = 0; r < g.rows(); ++r) {
      for (int c = 0; c < g.cols(); ++c) {
        const bt::MapPoint p = g.cell_centre({c, r});
        const double d = std::hypot(p.x - town.position.x, p.y - town.position.y);
        if (d > town.radius_m) continue;
        road = road || reached[g.geometry().index({c, r})];
        if (d > 0.8 * town.radius_m) continue;
        ++inside;
        const LandCover lc = g.at({c, r});
        built += (lc == LandCover::kUrban || lc == LandCover::kRoad) ? 1 : 0;
      }
    }
    CHECK(inside > 0);
    CHECK(built >= 0.9 * inside);
    CHECK(road);
    // Some towns lie by the rivers.
    const double river = std::min(brute_distance(t.rivers[0], town.position),
                                  brute_distance(t.rivers[1], town.position));
    near_river += river < town.radius_m + 1500.0 ? 1 : 0;
  }
  CHECK(near_river >= 2);
  // No two towns share a name.
  for (std::size_t i = 0; i < t.towns.size(); ++i) {
    for (std::size_t j = i + 1; j < t.towns.size(); ++j) CHECK(t.towns[i].name != t.towns[j].name);
  }
}

TEST_CASE("synthetic terrain: the border road runs parallel 2 km behind the border") {
  const bt::SyntheticTerrainSpec spec = mid_spec();
  const bt::Terrain& t = mid_terrain();
  REQUIRE_FALSE(t.roads.empty());
  const bt::Polyline& road = t.roads.front();
  CHECK(road.points.front().x == 0.0);
  CHECK(road.points.back().x == doctest::Approx(spec.length_km * 1000.0));
  for (const bt::MapPoint& p : road.points) {
    CHECK(std::abs(p.y - spec.border_road_setback_m) <= 100.0);
  }
  // In the raster: every column has a road cell within 200 m of the setback line.
  const bt::CoverGrid& g = t.cover;
  const auto r_lo = g.cell_of({50.0, spec.border_road_setback_m + 200.0})->row;
  const auto r_hi = g.cell_of({50.0, spec.border_road_setback_m - 200.0})->row;
  int missing = 0;
  for (int c = 0; c < g.cols(); ++c) {
    bool found = false;
    for (int r = r_lo; r <= r_hi; ++r) found = found || g.at({c, r}) == LandCover::kRoad;
    missing += found ? 0 : 1;
  }
  CHECK(missing == 0);
}

TEST_CASE("synthetic terrain: mountains are the highest ground and elevations are plausible") {
  const bt::Terrain& t = mid_terrain();
  const auto range = t.elevation.elevation_range();
  REQUIRE(range.has_value());
  CHECK(range->first > 100.0F);
  CHECK(range->second > 700.0F);
  CHECK(range->second < 2500.0F);
  double all = 0.0;
  double mountain = 0.0;
  int n_mountain = 0;
  float highest = -1e30F;
  LandCover highest_cover = LandCover::kDesert;
  const auto z = t.elevation.values();
  const auto cover = t.cover.values();
  for (std::size_t i = 0; i < z.size(); ++i) {
    REQUIRE_FALSE(std::isnan(z[i]));
    all += z[i];
    if (cover[i] == LandCover::kMountain) {
      mountain += z[i];
      ++n_mountain;
    }
    if (cover[i] != LandCover::kRoad && z[i] > highest) {
      highest = z[i];
      highest_cover = cover[i];
    }
  }
  REQUIRE(n_mountain > 0);
  CHECK(highest_cover == LandCover::kMountain);
  CHECK(mountain / n_mountain > all / static_cast<double>(z.size()) + 300.0);
}

TEST_CASE("synthetic terrain: the default trench covers three quarters of the border") {
  // Features do not depend on the cell size: 500 m cells keep this quick.
  bt::SyntheticTerrainSpec spec;
  spec.cell_m = 500;
  const bt::Terrain t = bt::generate_synthetic_terrain(spec);
  CHECK(t.elevation.cols() == 1220);
  CHECK(t.elevation.rows() == 140);
  const auto range = t.elevation.elevation_range();
  REQUIRE(range.has_value());
  CHECK(range->first > 100.0F);
  CHECK(range->second > 700.0F);
  CHECK(range->second < 2500.0F);
  REQUIRE(t.trench.has_value());
  const bt::Trench& trench = *t.trench;
  CHECK(trench.width_m == 3.0);
  CHECK(trench.depth_m == 3.0);
  REQUIRE(trench.line.points.size() == 2);
  CHECK(trench.line.points.front().x == 0.0);
  CHECK(trench.line.points.back().x == 450000.0);
  CHECK(trench.line.points.front().y == -50.0);  // on the foreign side, at the border
  // A gap at every 25 km, and where the southern river crosses.
  for (int k = 1; k * 25000.0 < 450000.0; ++k) CHECK(bt::in_gap(trench, k * 25000.0));
  CHECK_FALSE(bt::in_gap(trench, 12500.0));
  double river_x = 0.0;
  const auto& pts = t.rivers[0].points;
  for (std::size_t i = 1; i < pts.size(); ++i) {
    if (pts[i - 1].y <= -50.0 && pts[i].y > -50.0) {
      river_x = pts[i - 1].x +
                (pts[i].x - pts[i - 1].x) * (-50.0 - pts[i - 1].y) / (pts[i].y - pts[i - 1].y);
    }
  }
  CHECK(bt::in_gap(trench, river_x));
  CHECK(t.rivers[1].points[0].x > 450000.0);  // the northern river is beyond its end
  CHECK(trench.gaps_m.size() >= 17);
  CHECK(trench.gaps_m.size() <= 18);
  for (std::size_t i = 1; i < trench.gaps_m.size(); ++i) {
    CHECK(trench.gaps_m[i - 1].second < trench.gaps_m[i].first);
  }
  const double fraction = bt::dug_length(trench) / 610000.0;
  MESSAGE("trench covers ", 100.0 * fraction, " % of the border with ", trench.gaps_m.size(),
          " gaps");
  CHECK(fraction > 0.72);
  CHECK(fraction < 0.74);
}

TEST_CASE("synthetic terrain: bad specs are input errors naming the field") {
  bt::SyntheticTerrainSpec spec = mid_spec();
  spec.length_km = 5;
  try {
    bt::generate_synthetic_terrain(spec, "scenario.json");
    FAIL("no error");
  } catch (const InputError& e) {
    CHECK(e.file() == "scenario.json");
    CHECK(e.pointer() == "/terrain/synthetic/length_km");
  }
  spec = bt::SyntheticTerrainSpec{};
  spec.cell_m = 10;  // 61 000 x 7 000 cells
  CHECK_THROWS_WITH_AS(bt::generate_synthetic_terrain(spec, "scenario.json"),
                       doctest::Contains("exceeds the limit of 200000000"), InputError);
  spec = mid_spec();
  spec.trench_offset_m = 6000;  // beyond the foreign edge
  CHECK_THROWS_WITH_AS(bt::generate_synthetic_terrain(spec, "s.json", "/terrain"),
                       doctest::Contains("/terrain/trench_offset_m"), InputError);
  spec = mid_spec();
  spec.trench_from_km = 200;  // past the end: no trench
  CHECK_FALSE(bt::generate_synthetic_terrain(spec).trench.has_value());
}
