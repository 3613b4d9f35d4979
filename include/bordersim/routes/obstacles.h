#pragma once
// Linear obstacles that routes must cross or go round (the trench, rivers, fences), what
// crossing them costs each kind of mover, and how much easier a crosser is to detect while
// crossing. The trench and rivers come with the terrain; fences and fords are given here.
#include <cstdint>
#include <utility>
#include <vector>

#include "bordersim/scenario/scenario.h"
#include "bordersim/terrain/gdal_io.h"
#include "bordersim/terrain/grid.h"
#include "bordersim/terrain/terrain.h"

namespace bordersim::routes {

enum class Mover : std::uint8_t { kFoot, kVehicle };

// What a route leg crosses. Append, never renumber (the simulator may store it).
enum class Obstacle : std::uint8_t { kNone, kTrench, kRiver, kFence };

// A line that cannot be crossed freely except in its gaps: intervals [from, to] of arc
// length along `line`, metres, sorted and disjoint (as terrain::Trench's gaps).
struct Barrier {
  terrain::Polyline line;
  std::vector<std::pair<double, double>> gaps_m;
};

struct ObstacleCosts {
  // The trench of the terrain (3 m wide, 3 m deep): climbing down and up again with kit.
  // Vehicles cross only at its gaps.
  double trench_foot_crossing_s = 240.0;
  double trench_detection_factor = 2.0;

  // Rivers of the terrain: wading or swimming across, kit floated over. Vehicles cross only
  // at bridges (where a road crosses the river) and fords, which also spare walkers the swim.
  double river_foot_crossing_s = 600.0;
  double ford_crossing_s = 120.0;  // either mover, at a ford
  double river_detection_factor = 2.0;
  std::vector<terrain::MapPoint> fords;  // points on (or within a routing cell of) a river
  double ford_every_km = 0.0;            // plus one every so far along each river; 0: none

  // Fences: cutting or climbing for walkers; vehicles only through the gaps.
  std::vector<Barrier> fences;
  double fence_foot_crossing_s = 300.0;
  double fence_detection_factor = 2.0;

  // Seconds that crossing `what` costs `mover`: infinity where it cannot cross.
  double crossing_seconds(Obstacle what, Mover mover) const;
  double detection_factor(Obstacle what) const;
};

// A fence `setback_m` behind the border (negative: before it) from from_km to to_km along
// it, with a gap of gap_m centred every gap_every_km (0: none) from its start.
Barrier border_fence(const terrain::BorderFrame& border, double from_km, double to_km,
                     double setback_m, double gap_every_km, double gap_m);

// The scenario's "obstacles" section, with the fence (if any) laid along `border`.
ObstacleCosts obstacle_costs(const ObstaclesSpec& spec, const terrain::BorderFrame& border);

}  // namespace bordersim::routes
