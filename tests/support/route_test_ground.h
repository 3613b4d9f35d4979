#pragma once
// Small test grounds for the route planning tests: desert on a grid, flat (no grid), or the
// generated corridor.
#include <cmath>
#include <string>

#include "bordersim/terrain/synthetic.h"
#include "bordersim/terrain/terrain.h"

namespace bordersim::route_test {

// Desert at elevation 0 on a grid spanning x ∈ [0, length], y ∈ [−foreign, depth], with the
// border along y = 0 running east (home to the north).
inline terrain::Terrain desert_ground(double length_m, double depth_m, double foreign_m,
                                      double cell_m) {
  terrain::GridGeometry g;
  g.cols = static_cast<int>(std::ceil(length_m / cell_m));
  g.rows = static_cast<int>(std::ceil((depth_m + foreign_m) / cell_m));
  g.west = 0.0;
  g.north = depth_m;
  g.cell_w = g.cell_h = cell_m;
  terrain::Terrain t;
  t.elevation = terrain::ElevationGrid(g, "");
  for (float& h : t.elevation.values()) h = 0.0f;
  t.cover = terrain::CoverGrid(g, "", terrain::LandCover::kDesert);
  t.border = terrain::Polyline{{{0.0, 0.0}, {length_m, 0.0}}};
  return t;
}

// No grid at all, as the "flat" terrain spec gives.
inline terrain::Terrain flat_ground(double length_m) {
  terrain::Terrain t;
  t.border = terrain::Polyline{{{0.0, 0.0}, {length_m, 0.0}}};
  return t;
}

// The generated corridor at 100 m cells, 12 km deep and 3 km before the border, with a
// trench over its first `trench_to_km` (a gap every 10 km).
inline terrain::Terrain synthetic_corridor(double length_km, double trench_to_km) {
  terrain::SyntheticTerrainSpec spec;
  spec.length_km = length_km;
  spec.depth_km = 12.0;
  spec.foreign_depth_km = 3.0;
  spec.cell_m = 100.0;
  spec.trench_to_km = trench_to_km;
  spec.trench_gap_every_km = 10.0;
  return terrain::generate_synthetic_terrain(spec);
}

}  // namespace bordersim::route_test
