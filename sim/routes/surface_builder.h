#pragma once
// Building a CostSurface (private to the library): SurfaceBuilder, a friend of CostSurface,
// fills in its paces and its edges' obstacles step by step. Its files:
//   cost_surface.cpp       the routing grid, the order of the steps, the surface's queries
//   surface_paces.cpp      each routing cell's elevation and paces, from the terrain cells in it
//   surface_obstacles.cpp  rivers, bridges, fords, the trench and fences on the grid's edges
#include <cstdint>
#include <utility>
#include <vector>

#include "bordersim/routes/cost_surface.h"
#include "bordersim/terrain/grid_walk.h"

namespace bordersim::routes {

namespace surface_edges {

// The forward edges stored per cell, (dcol, drow), rows running south.
inline constexpr int kForward[4][2] = {{1, 0}, {1, 1}, {0, 1}, {-1, 1}};

inline int forward_slot(int dc, int dr) {
  for (int i = 0; i < 4; ++i) {
    if (kForward[i][0] == dc && kForward[i][1] == dr) return i;
  }
  return -1;
}

inline std::uint8_t bit(Obstacle o) {
  return static_cast<std::uint8_t>(1u << static_cast<unsigned>(o));
}

}  // namespace surface_edges

struct CellTally;  // surface_paces.cpp

// Builds the surface step by step; a friend of CostSurface.
class SurfaceBuilder {
 public:
  SurfaceBuilder(CostSurface& s, const terrain::Terrain& terrain, const terrain::CoverTable& table,
                 double foot_speed, double vehicle_speed);

  void run();

 private:
  const terrain::GridGeometry& geo() const { return s_.geo_; }

  template <class F>
  void for_cells_on(terrain::MapPoint a, terrain::MapPoint b, F&& visit) {
    terrain::walk_cells(geo(), a, b, [&](terrain::CellIndex c, double, double) { visit(c); });
  }

  // surface_obstacles.cpp
  void mark_rivers();
  void mark_bridges();
  void mark_fords();
  template <class F>
  void edges_crossing(terrain::MapPoint p, terrain::MapPoint q, F&& crossed);
  void set_bits(terrain::CellIndex a, terrain::CellIndex b, std::uint8_t bits);
  void mark_barrier(const terrain::Polyline& line,
                    const std::vector<std::pair<double, double>>& gaps, Obstacle kind);
  void mark_river_edges();

  // surface_paces.cpp
  void cell_paces();
  static float pace(const CellTally& t, std::int32_t passable, double inverse_sum,
                    double road_factor, double speed, bool all_water_passable);

  CostSurface& s_;
  const terrain::Terrain& terrain_;
  const terrain::CoverTable& table_;
  double foot_speed_, vehicle_speed_;
  std::vector<std::uint8_t> river_cell_, bridge_, ford_;
  std::vector<std::pair<terrain::MapPoint, terrain::MapPoint>> river_segments_;
  std::vector<std::pair<std::int64_t, std::int32_t>> cell_river_segments_;
};

}  // namespace bordersim::routes
