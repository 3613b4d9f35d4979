#pragma once
// The routing keys of a scenario as the arguments CostSurface::build and CostField want, so
// that the model builds its surfaces the same way everywhere.
#include <span>
#include <string>
#include <vector>

#include "bordersim/routes/cost_surface.h"
#include "bordersim/scenario/scenario.h"

namespace bordersim::routes {

// The "routing" keys, with errors pointing at /routing/cell_m of `file`. On flat ground the
// uniform surface spans the border grown by the flat corridor's depth on every side.
SurfaceOptions surface_options(const RoutingSpec& routing, const TerrainSpec& terrain,
                               const std::string& file);

// A per-second detection hazard on one grid (e.g. the terrain grid, from the fixed sensors'
// coverage) carried onto the routing grid: each routing cell takes the mean over the cells
// whose centres it holds (the time-averaged hazard of crossing it at a uniform pace), or the
// cell under its own centre when it holds none. Cells of `from` with NaN count as 0.
std::vector<float> hazard_on_routing_grid(const terrain::GridGeometry& routing,
                                          const terrain::GridGeometry& from,
                                          std::span<const float> hazard_per_s);

}  // namespace bordersim::routes
