#pragma once
// The generated 60 km corridor the cost field tests solve on: slopes, a trench with gaps
// (the first 40 km), both rivers with fords every 5 km and bridges, roads, marsh; with a
// fence with gaps 800 m behind the border or without one. Synthetic terrain at 100 m
// cells, routed at `cell_m`, walkers at 1.2 m/s and vehicles at 12 m/s.
#include "bordersim/routes/cost_surface.h"
#include "bordersim/routes/obstacles.h"
#include "bordersim/terrain/land_cover.h"
#include "route_test_ground.h"

namespace bordersim::route_test {

enum class Fence { kNone, kWithGaps };

struct Corridor {
  terrain::Terrain terrain;
  terrain::BorderFrame border;
  routes::CostSurface surface;

  Corridor(double cell_m, Fence fence)
      : terrain(synthetic_corridor(60.0, 40.0)), border(terrain.border) {
    routes::ObstacleCosts obstacles;
    obstacles.ford_every_km = 5.0;
    if (fence == Fence::kWithGaps)
      obstacles.fences.push_back(routes::border_fence(border, 5.0, 55.0, 800.0, 7.0, 150.0));
    surface = routes::CostSurface::build(terrain, terrain::default_cover_table(), obstacles, cell_m,
                                         1.2, 12.0);
  }
};

}  // namespace bordersim::route_test
