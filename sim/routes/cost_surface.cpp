// The routing grid a CostSurface lies on, the order in which SurfaceBuilder fills it in
// (its steps: surface_paces.cpp, surface_obstacles.cpp), and the surface's queries: paces,
// slopes and what an edge costs.
#include "bordersim/routes/cost_surface.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <stdexcept>

#include "surface_builder.h"

namespace bordersim::routes {

using surface_edges::bit;
using surface_edges::forward_slot;
using terrain::CellIndex;
using terrain::GridGeometry;
using terrain::MapPoint;

namespace {

constexpr double kInf = std::numeric_limits<double>::infinity();

GridGeometry routing_geometry(const terrain::Terrain& terrain, double cell_m,
                              const SurfaceOptions& options) {
  const GridGeometry& fine = terrain.cover.geometry();
  std::int64_t cols = 0, rows = 0;
  GridGeometry g;
  g.cell_w = g.cell_h = cell_m;
  if (terrain.cover.cell_count() > 0) {
    g.west = fine.west;
    g.north = fine.north;
    cols = static_cast<std::int64_t>(std::ceil(fine.cols * fine.cell_w / cell_m - 1e-9));
    rows = static_cast<std::int64_t>(std::ceil(fine.rows * fine.cell_h / cell_m - 1e-9));
  } else {
    double min_x = kInf, min_y = kInf, max_x = -kInf, max_y = -kInf;
    for (const MapPoint& p : terrain.border.points) {
      min_x = std::min(min_x, p.x);
      min_y = std::min(min_y, p.y);
      max_x = std::max(max_x, p.x);
      max_y = std::max(max_y, p.y);
    }
    const double m = options.flat_margin_m;
    g.west = std::floor((min_x - m) / cell_m) * cell_m;
    g.north = std::ceil((max_y + m) / cell_m) * cell_m;
    cols = static_cast<std::int64_t>(std::ceil((max_x + m - g.west) / cell_m));
    rows = static_cast<std::int64_t>(std::ceil((g.north - (min_y - m)) / cell_m));
  }
  terrain::check_grid_size(std::max<std::int64_t>(cols, 1), std::max<std::int64_t>(rows, 1),
                           options.max_cells, options.file, options.pointer);
  g.cols = static_cast<int>(std::max<std::int64_t>(cols, 1));
  g.rows = static_cast<int>(std::max<std::int64_t>(rows, 1));
  return g;
}

}  // namespace

SurfaceBuilder::SurfaceBuilder(CostSurface& s, const terrain::Terrain& terrain,
                               const terrain::CoverTable& table, double foot_speed,
                               double vehicle_speed)
    : s_(s),
      terrain_(terrain),
      table_(table),
      foot_speed_(foot_speed),
      vehicle_speed_(vehicle_speed) {
  const auto n = static_cast<std::size_t>(s_.geo_.cell_count());
  river_cell_.assign(n, 0);
  bridge_.assign(n, 0);
  ford_.assign(n, 0);
}

void SurfaceBuilder::run() {
  mark_rivers();
  mark_bridges();
  mark_fords();
  cell_paces();
  s_.edges_.assign(static_cast<std::size_t>(s_.geo_.cell_count()) * 4, 0);
  if (terrain_.trench)
    mark_barrier(terrain_.trench->line, terrain_.trench->gaps_m, Obstacle::kTrench);
  for (const Barrier& fence : s_.obstacles_.fences)
    mark_barrier(fence.line, fence.gaps_m, Obstacle::kFence);
  mark_river_edges();
}

CostSurface CostSurface::build(const terrain::Terrain& terrain, const terrain::CoverTable& cover,
                               const ObstacleCosts& obstacles, double cell_m, double foot_speed_mps,
                               double vehicle_speed_mps, const SurfaceOptions& options) {
  if (!(cell_m > 0.0) || !(foot_speed_mps > 0.0) || !(vehicle_speed_mps > 0.0))
    throw std::invalid_argument("CostSurface::build: cell size and speeds must be positive");
  CostSurface s;
  s.geo_ = routing_geometry(terrain, cell_m, options);
  s.obstacles_ = obstacles;
  s.options_ = options;
  SurfaceBuilder(s, terrain, cover, foot_speed_mps, vehicle_speed_mps).run();
  return s;
}

double CostSurface::pace(Mover mover, CellIndex c) const {
  const std::size_t i = geo_.index(c);
  return mover == Mover::kFoot ? foot_pace_[i] : vehicle_pace_[i];
}

std::uint8_t CostSurface::edge_obstacles(CellIndex a, CellIndex b) const {
  const int dc = b.col - a.col, dr = b.row - a.row;
  if (int slot = forward_slot(dc, dr); slot >= 0)
    return edges_[geo_.index(a) * 4 + static_cast<std::size_t>(slot)];
  if (int slot = forward_slot(-dc, -dr); slot >= 0)
    return edges_[geo_.index(b) * 4 + static_cast<std::size_t>(slot)];
  return 0;
}

double CostSurface::slope_pace_factor(Mover mover, double grade) const {
  if (mover == Mover::kFoot) {
    // Tobler (1993): v = 6 exp(−3.5 |g + 0.05|) km/h, 5.04 km/h on the flat.
    return std::exp(3.5 * (std::abs(grade + 0.05) - 0.05));
  }
  if (std::abs(grade) > options_.vehicle_max_grade) return kInf;
  return 1.0 + std::abs(grade) / options_.vehicle_half_speed_grade;
}

CostSurface::EdgeParts CostSurface::edge_parts(Mover mover, CellIndex a, CellIndex b) const {
  EdgeParts parts;
  const int dc = b.col - a.col, dr = b.row - a.row;
  if (!geo_.contains(a) || !geo_.contains(b) || std::abs(dc) > 1 || std::abs(dr) > 1 ||
      (dc == 0 && dr == 0)) {
    parts.first_half_s = kInf;
    return parts;
  }
  const double dx = dc * geo_.cell_w, dy = dr * geo_.cell_h;
  const double half = 0.5 * std::sqrt(dx * dx + dy * dy);
  const std::size_t ia = geo_.index(a), ib = geo_.index(b);
  const double grade = (elevation_[ib] - elevation_[ia]) / (2.0 * half);
  const double slope = grade == 0.0 ? 1.0 : slope_pace_factor(mover, grade);
  const std::vector<float>& paces = mover == Mover::kFoot ? foot_pace_ : vehicle_pace_;
  parts.first_half_s = half * paces[ia] * slope;
  parts.second_half_s = half * paces[ib] * slope;
  parts.obstacle_bits = edge_obstacles(a, b);
  if (parts.obstacle_bits != 0) {
    const auto has = [&](Obstacle o) { return (parts.obstacle_bits & bit(o)) != 0; };
    if (has(Obstacle::kTrench))
      parts.obstacle_s += obstacles_.crossing_seconds(Obstacle::kTrench, mover);
    if (has(Obstacle::kFence))
      parts.obstacle_s += obstacles_.crossing_seconds(Obstacle::kFence, mover);
    if (has(Obstacle::kRiver)) {
      parts.obstacle_s += (parts.obstacle_bits & kFordBit) != 0
                              ? obstacles_.ford_crossing_s
                              : obstacles_.crossing_seconds(Obstacle::kRiver, mover);
    }
  }
  return parts;
}

double CostSurface::edge_seconds(Mover mover, CellIndex a, CellIndex b) const {
  return edge_parts(mover, a, b).total();
}

}  // namespace bordersim::routes
