#pragma once
// Travel data for route planning on a routing grid coarser than the terrain grid: per cell
// and mover the pace (seconds per metre on flat ground; infinity = impassable) and the mean
// elevation, and per edge between 8-connected neighbours the obstacles it crosses.
// Built once per scenario and shared read-only by every replication and thread.
//
// How a routing cell's pace comes from the terrain cells whose centres it holds:
// - a cell holding any road terrain cell takes the road's pace (a road is a lane through
//   the cell; averaging it with the ground beside it would lose it);
// - otherwise the harmonic mean of the passable land cells' speeds (time-averaged: the
//   time to walk a metre of each, averaged), unless more than half of its land cells are
//   impassable to the mover (then it is impassable);
// - water cells are left out: crossing a river is the river obstacle's cost, paid on the
//   edges that cross a river line. A cell that is all water is walkable at the nominal
//   pace when a river line passes through it (the swim is in the crossing time), drivable
//   only where it holds a bridge or ford, and impassable otherwise (a lake).
// Slope multiplies the pace per edge, from the grade between the two cells' mean
// elevations: Tobler's hiking function relative to flat ground for walkers,
// exp(−3.5 (|g + 0.05| − 0.05)); 1 / (1 + |g| / half_speed_grade) for vehicles, which
// cannot climb or descend grades above max_grade.
#include <cstdint>
#include <span>
#include <string>
#include <vector>

#include "bordersim/routes/obstacles.h"
#include "bordersim/terrain/grid.h"
#include "bordersim/terrain/land_cover.h"
#include "bordersim/terrain/terrain.h"

namespace bordersim::routes {

struct SurfaceOptions {
  double vehicle_half_speed_grade = 0.15;
  double vehicle_max_grade = 0.3;
  // Refuse a routing grid larger than this (InputError at `pointer` of `file`).
  std::int64_t max_cells = 20'000'000;
  std::string file;
  std::string pointer = "/routing/cell_m";
  // Flat ground (a terrain without grids): a uniform surface over the border's bounding
  // box grown by this much on every side.
  double flat_margin_m = 60'000.0;
};

// The 8 neighbour steps, (dcol, drow); rows run south.
inline constexpr int kNeighbourCount = 8;

class CostSurface {
 public:
  static CostSurface build(const terrain::Terrain& terrain, const terrain::CoverTable& cover,
                           const ObstacleCosts& obstacles, double cell_m, double foot_speed_mps,
                           double vehicle_speed_mps, const SurfaceOptions& options = {});

  const terrain::GridGeometry& geometry() const { return geo_; }
  const ObstacleCosts& obstacles() const { return obstacles_; }

  // Seconds per metre on flat ground in the cell; infinity where impassable.
  double pace(Mover mover, terrain::CellIndex c) const;
  // Mean elevation of the cell, 0 where unknown (flat ground).
  double elevation(terrain::CellIndex c) const { return elevation_[geo_.index(c)]; }

  // The obstacles crossed on the straight edge from the centre of a to the centre of its
  // neighbour b, as bits (1 << Obstacle); a river crossed at a ford has kFordBit as well.
  // 0 for cells that are not neighbours.
  static constexpr std::uint8_t kFordBit = 0x80;
  std::uint8_t edge_obstacles(terrain::CellIndex a, terrain::CellIndex b) const;

  // Travel seconds from the centre of cell a to the centre of its 8-neighbour b, the
  // obstacles' crossing times included; infinity if impassable (or not neighbours).
  double edge_seconds(Mover mover, terrain::CellIndex a, terrain::CellIndex b) const;

  // The parts of an edge: moving seconds from a's centre to the edge's midpoint, from the
  // midpoint to b's centre (each with the edge's slope factor), and the obstacles at the
  // midpoint (seconds, and which). Used to split routes into legs.
  struct EdgeParts {
    double first_half_s = 0.0;
    double second_half_s = 0.0;
    double obstacle_s = 0.0;
    std::uint8_t obstacle_bits = 0;
    double total() const { return first_half_s + second_half_s + obstacle_s; }
  };
  EdgeParts edge_parts(Mover mover, terrain::CellIndex a, terrain::CellIndex b) const;

  // The raw per-cell arrays (row-major on geometry()), for solvers that evaluate edges in
  // bulk with edge_parts' exact arithmetic: paces, mean elevations, and the obstacle bits
  // of each cell's 4 forward edges E, SE, S, SW (cell * 4 + slot).
  std::span<const float> paces(Mover mover) const {
    return mover == Mover::kFoot ? foot_pace_ : vehicle_pace_;
  }
  std::span<const float> elevations() const { return elevation_; }
  std::span<const std::uint8_t> forward_edge_obstacles() const { return edges_; }

  // Multiplier of the pace for a grade (rise over run) uphill > 0; infinity if too steep.
  double slope_pace_factor(Mover mover, double grade) const;

 private:
  terrain::GridGeometry geo_;
  ObstacleCosts obstacles_;
  SurfaceOptions options_;
  std::vector<float> foot_pace_;     // s/m, per cell
  std::vector<float> vehicle_pace_;  // s/m, per cell
  std::vector<float> elevation_;     // m, per cell
  // Obstacle bits of the 4 "forward" edges of each cell: E, SE, S, SW (the other 4 are the
  // forward edges of the neighbours).
  std::vector<std::uint8_t> edges_;

  friend class SurfaceBuilder;
};

}  // namespace bordersim::routes
