#pragma once
// The generated 60 km corridor the cost field tests solve on: slopes, a trench with gaps
// (the first 40 km), both rivers with fords every 5 km and bridges, roads, marsh; with a
// fence with gaps 800 m behind the border or without one. Synthetic terrain at 100 m
// cells, routed at `cell_m`, walkers at 1.2 m/s and vehicles at 12 m/s.
#include "bordersim/routes/cost_surface.h"
#include "bordersim/routes/obstacles.h"
#include "bordersim/terrain/land_cover.h"
#include "bordersim/terrain/synthetic.h"
#include "bordersim/terrain/terrain.h"

namespace bordersim::route_test {

enum class Fence { kNone, kWithGaps };

struct Corridor {
  terrain::Terrain terrain;
  terrain::BorderFrame border;
  routes::CostSurface surface;

  Corridor(double cell_m, Fence fence) : terrain(ground()), border(terrain.border) {
    routes::ObstacleCosts obstacles;
    obstacles.ford_every_km = 5.0;
    if (fence == Fence::kWithGaps)
      obstacles.fences.push_back(routes::border_fence(border, 5.0, 55.0, 800.0, 7.0, 150.0));
    surface = routes::CostSurface::build(terrain, terrain::default_cover_table(), obstacles, cell_m,
                                         1.2, 12.0);
  }

  static terrain::Terrain ground() {
    terrain::SyntheticTerrainSpec spec;
    spec.length_km = 60.0;
    spec.depth_km = 12.0;
    spec.foreign_depth_km = 3.0;
    spec.cell_m = 100.0;
    spec.trench_to_km = 40.0;
    spec.trench_gap_every_km = 10.0;
    return terrain::generate_synthetic_terrain(spec);
  }
};

}  // namespace bordersim::route_test
