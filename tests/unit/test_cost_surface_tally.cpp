// CostSurface::build tallies the terrain cells of each routing cell row by row on TBB's
// threads; this keeps the first, serial pass (one walk over the terrain, each cell added to
// the routing cell holding its centre) as the reference. Paces and elevations must be equal
// to the bit: every route field rests on them. Routing cells coarser than the terrain's by
// a ratio that is not whole (rows of 2 and 3 terrain rows), finer (cells holding no terrain
// centre), and a routing grid running past the terrain's south and east edges.
#include <doctest/doctest.h>

#include <cmath>
#include <cstring>
#include <limits>
#include <vector>

#include "bordersim/routes/cost_surface.h"
#include "bordersim/terrain/synthetic.h"

namespace br = bordersim::routes;
namespace bt = bordersim::terrain;

namespace {

struct Tally {
  int land = 0, water = 0, foot_passable = 0, vehicle_passable = 0;
  double foot_inverse = 0.0, vehicle_inverse = 0.0, elevation_sum = 0.0;
  int elevation_n = 0;
  bool road = false;
};

struct Expected {
  std::vector<float> elevation, foot, vehicle;
  std::vector<int> land;  // terrain cells of land per routing cell (water-only cells aside)
};

// The serial pass, and the pace rules of cost_surface.h for cells holding some land (a
// cell of water alone depends on the bridges and fords, which this test leaves alone).
Expected reference(const bt::Terrain& t, const bt::CoverTable& table, const bt::GridGeometry& g,
                   double foot_speed, double vehicle_speed) {
  const auto n = static_cast<std::size_t>(g.cell_count());
  std::vector<Tally> tally(n);
  const bt::GridGeometry& fine = t.cover.geometry();
  const auto add = [&](Tally& s, bt::CellIndex f) {
    const bt::LandCover lc = t.cover.at(f);
    const float h = t.elevation.at(f);
    if (!std::isnan(h)) {
      s.elevation_sum += h;
      ++s.elevation_n;
    }
    if (lc == bt::LandCover::kWater) {
      ++s.water;
      return;
    }
    ++s.land;
    if (lc == bt::LandCover::kRoad) s.road = true;
    const bt::CoverProperties& p = bt::properties(table, lc);
    if (p.foot_speed_factor > 0.0) {
      ++s.foot_passable;
      s.foot_inverse += 1.0 / p.foot_speed_factor;
    }
    if (p.vehicle_speed_factor > 0.0) {
      ++s.vehicle_passable;
      s.vehicle_inverse += 1.0 / p.vehicle_speed_factor;
    }
  };
  for (int r = 0; r < fine.rows; ++r)
    for (int c = 0; c < fine.cols; ++c)
      if (const auto coarse = g.cell_of(fine.cell_centre({c, r})))
        add(tally[g.index(*coarse)], {c, r});
  for (int r = 0; r < g.rows; ++r) {
    for (int c = 0; c < g.cols; ++c) {
      Tally& s = tally[g.index({c, r})];
      if (s.land + s.water > 0) continue;
      if (const auto f = fine.cell_of(g.cell_centre({c, r}))) add(s, *f);
    }
  }
  const auto pace = [](const Tally& s, int passable, double inverse, double road, double speed) {
    if (s.road && road > 0.0) return static_cast<float>(1.0 / (speed * road));
    const int blocked = s.land - passable;
    if (passable == 0 || 2 * blocked > s.land) return std::numeric_limits<float>::infinity();
    return static_cast<float>(inverse / passable / speed);
  };
  const double road_foot = bt::properties(table, bt::LandCover::kRoad).foot_speed_factor;
  const double road_vehicle = bt::properties(table, bt::LandCover::kRoad).vehicle_speed_factor;
  Expected e{std::vector<float>(n, 0.0f), std::vector<float>(n), std::vector<float>(n),
             std::vector<int>(n)};
  for (std::size_t i = 0; i < n; ++i) {
    const Tally& s = tally[i];
    if (s.elevation_n > 0) e.elevation[i] = static_cast<float>(s.elevation_sum / s.elevation_n);
    e.land[i] = s.land;
    if (s.land == 0) continue;
    e.foot[i] = pace(s, s.foot_passable, s.foot_inverse, road_foot, foot_speed);
    e.vehicle[i] = pace(s, s.vehicle_passable, s.vehicle_inverse, road_vehicle, vehicle_speed);
  }
  return e;
}

bool same_bits(float a, float b) { return std::memcmp(&a, &b, sizeof a) == 0; }

}  // namespace

TEST_CASE("cost surface: paces and elevations equal to the bit to one serial pass") {
  bt::SyntheticTerrainSpec spec;
  spec.length_km = 30.0;
  spec.depth_km = 10.0;
  spec.foreign_depth_km = 3.0;
  spec.cell_m = 100.0;
  const bt::Terrain t = bt::generate_synthetic_terrain(spec);
  const bt::CoverTable table = bt::default_cover_table();
  // 250 m: rows of 2 and 3 terrain rows; 70 m: cells holding no terrain centre; 330 m: a
  // routing grid reaching past the terrain's edges.
  for (const double cell_m : {250.0, 70.0, 330.0}) {
    CAPTURE(cell_m);
    const br::CostSurface s = br::CostSurface::build(t, table, {}, cell_m, 1.2, 12.0);
    const bt::GridGeometry& g = s.geometry();
    const Expected e = reference(t, table, g, 1.2, 12.0);
    const auto foot = s.paces(br::Mover::kFoot), vehicle = s.paces(br::Mover::kVehicle);
    const auto elevation = s.elevations();
    REQUIRE(foot.size() == e.foot.size());
    std::size_t differ = 0, compared = 0, impassable = 0;
    for (std::size_t i = 0; i < e.foot.size(); ++i) {
      if (!same_bits(elevation[i], e.elevation[i])) ++differ;
      if (e.land[i] == 0) continue;
      ++compared;
      if (std::isinf(e.foot[i]) || std::isinf(e.vehicle[i])) ++impassable;
      if (!same_bits(foot[i], e.foot[i]) || !same_bits(vehicle[i], e.vehicle[i])) ++differ;
    }
    CHECK(differ == 0);
    // The ground must hold land of several paces and some impassable land, or the test
    // compares little.
    CHECK(compared > e.foot.size() / 2);
    CHECK(impassable > 0);
  }
}
