// SurfaceBuilder's paces (surface_builder.h): each routing cell's mean elevation and its
// paces on foot and by vehicle, from the terrain cells whose centres it holds, by the rules
// of cost_surface.h.
#include <tbb/blocked_range.h>
#include <tbb/parallel_for.h>

#include <algorithm>
#include <cmath>
#include <limits>

#include "surface_builder.h"

namespace bordersim::routes {

using terrain::CellIndex;
using terrain::GridGeometry;
using terrain::LandCover;

namespace {

constexpr float kInfF = std::numeric_limits<float>::infinity();

}  // namespace

// What the terrain cells inside one routing cell add up to.
struct CellTally {
  std::int32_t land = 0, water = 0;
  std::int32_t foot_passable = 0, vehicle_passable = 0;
  double foot_inverse = 0.0, vehicle_inverse = 0.0;  // Σ 1 / speed factor over passable cells
  double elevation_sum = 0.0;
  std::int32_t elevation_n = 0;
  bool road = false;
};

void SurfaceBuilder::cell_paces() {
  const auto n = static_cast<std::size_t>(geo().cell_count());
  s_.foot_pace_.assign(n, kInfF);
  s_.vehicle_pace_.assign(n, kInfF);
  s_.elevation_.assign(n, 0.0f);
  if (terrain_.cover.cell_count() == 0) {  // flat ground: open ground at nominal speed
    std::fill(s_.foot_pace_.begin(), s_.foot_pace_.end(), static_cast<float>(1.0 / foot_speed_));
    std::fill(s_.vehicle_pace_.begin(), s_.vehicle_pace_.end(),
              static_cast<float>(1.0 / vehicle_speed_));
    return;
  }
  const GridGeometry& fine = terrain_.cover.geometry();
  const bool has_elevation = terrain_.elevation.cell_count() == terrain_.cover.cell_count();
  const auto add = [&](CellTally& t, CellIndex f) {
    const LandCover lc = terrain_.cover.at(f);
    if (has_elevation) {
      const float h = terrain_.elevation.at(f);
      if (!std::isnan(h)) {
        t.elevation_sum += h;
        ++t.elevation_n;
      }
    }
    if (lc == LandCover::kWater) {
      ++t.water;
      return;
    }
    ++t.land;
    if (lc == LandCover::kRoad) t.road = true;
    const terrain::CoverProperties& p = terrain::properties(table_, lc);
    if (p.foot_speed_factor > 0.0) {
      ++t.foot_passable;
      t.foot_inverse += 1.0 / p.foot_speed_factor;
    }
    if (p.vehicle_speed_factor > 0.0) {
      ++t.vehicle_passable;
      t.vehicle_inverse += 1.0 / p.vehicle_speed_factor;
    }
  };
  // The routing cell holding a terrain cell's centre, as geo().cell_of finds it: its row
  // depends on the centre's y alone and its column on x alone, so each is looked up once
  // (-1: off the routing grid).
  std::vector<int> coarse_row(static_cast<std::size_t>(fine.rows));
  std::vector<int> coarse_col(static_cast<std::size_t>(fine.cols));
  for (int r = 0; r < fine.rows; ++r) {
    const double fr = std::floor((geo().north - fine.cell_centre({0, r}).y) / geo().cell_h);
    coarse_row[static_cast<std::size_t>(r)] =
        fr >= 0.0 && fr < geo().rows ? static_cast<int>(fr) : -1;
  }
  for (int c = 0; c < fine.cols; ++c) {
    const double fc = std::floor((fine.cell_centre({c, 0}).x - geo().west) / geo().cell_w);
    coarse_col[static_cast<std::size_t>(c)] =
        fc >= 0.0 && fc < geo().cols ? static_cast<int>(fc) : -1;
  }
  // The first terrain row of each routing row (fine.rows: none); its rows are a run, since
  // rows run south on both grids.
  std::vector<int> rows_from(static_cast<std::size_t>(geo().rows), fine.rows);
  for (int r = fine.rows - 1; r >= 0; --r) {
    const int row = coarse_row[static_cast<std::size_t>(r)];
    if (row >= 0) rows_from[static_cast<std::size_t>(row)] = r;
  }
  const double road_foot = terrain::properties(table_, LandCover::kRoad).foot_speed_factor;
  const double road_vehicle = terrain::properties(table_, LandCover::kRoad).vehicle_speed_factor;
  // Routing row by routing row on TBB's threads, each tallying its own cells: a cell adds
  // its terrain cells in the same order (rows, then columns) as one pass over the terrain.
  tbb::parallel_for(
      tbb::blocked_range<int>(0, geo().rows, 4), [&](const tbb::blocked_range<int>& range) {
        std::vector<CellTally> tally(static_cast<std::size_t>(geo().cols));
        for (int row = range.begin(); row != range.end(); ++row) {
          std::fill(tally.begin(), tally.end(), CellTally{});
          for (int r = rows_from[static_cast<std::size_t>(row)];
               r < fine.rows && coarse_row[static_cast<std::size_t>(r)] == row; ++r) {
            for (int c = 0; c < fine.cols; ++c) {
              const int col = coarse_col[static_cast<std::size_t>(c)];
              if (col >= 0) add(tally[static_cast<std::size_t>(col)], {c, r});
            }
          }
          for (int c = 0; c < geo().cols; ++c) {
            CellTally& t = tally[static_cast<std::size_t>(c)];
            // Routing cells finer than the terrain's hold no terrain cell centre: they take
            // the terrain cell under their own centre.
            if (t.land + t.water == 0) {
              if (const auto f = fine.cell_of(geo().cell_centre({c, row}))) add(t, *f);
            }
            const std::size_t i = geo().index({c, row});
            if (t.elevation_n > 0)
              s_.elevation_[i] = static_cast<float>(t.elevation_sum / t.elevation_n);
            s_.foot_pace_[i] = pace(t, t.foot_passable, t.foot_inverse, road_foot, foot_speed_,
                                    river_cell_[i] != 0);
            s_.vehicle_pace_[i] = pace(t, t.vehicle_passable, t.vehicle_inverse, road_vehicle,
                                       vehicle_speed_, bridge_[i] != 0 || ford_[i] != 0);
          }
        }
      });
}

// See cost_surface.h for the rules.
float SurfaceBuilder::pace(const CellTally& t, std::int32_t passable, double inverse_sum,
                           double road_factor, double speed, bool all_water_passable) {
  if (t.road && road_factor > 0.0) return static_cast<float>(1.0 / (speed * road_factor));
  if (t.land == 0)
    return t.water > 0 && all_water_passable ? static_cast<float>(1.0 / speed) : kInfF;
  const std::int32_t blocked = t.land - passable;
  if (passable == 0 || 2 * blocked > t.land) return kInfF;
  return static_cast<float>(inverse_sum / passable / speed);
}

}  // namespace bordersim::routes
