#pragma once
// A plausible border corridor made from a seed, so that the default scenario needs no data
// files: desert and steppe plains with ridges, one mountain range, two rivers crossing the
// border (with a marsh beside one of them), towns joined by roads, a road behind the
// border, and a trench along most of it. Shaped after the Iraq–Syria border, not a map of it.
//
// Layout (map plane, metres, a local CRS with no geodetic datum):
// - the border runs east along y = 0 from x = 0 to x = length; the home side is y > 0
//   (left of the border's direction, as BorderFrame expects);
// - the grid spans x ∈ [0, length], y ∈ [−foreign_depth, depth], north up;
// - roads[0] is the border road, border_road_setback_m behind the border; the other roads
//   join towns (a minimum spanning tree, away from the mountains where it can) and link
//   the towns nearest the border road to it; where a road crosses a river its cells are
//   road, not water (a bridge);
// - rivers[0] lies in the southern (x small) part of the border, rivers[1] in the northern
//   part; the marsh lies beside rivers[0]; both run from the foreign edge to the home edge;
// - towns lie behind the border road, some beside the rivers, none in the mountains;
// - the trench lies on the foreign side, trench_offset_m from the border.
//
// Everything is a pure function of the spec: the same spec gives bit-identical grids
// whatever the thread count (rows are computed independently, and every random number
// comes from a Philox stream keyed by the seed and what it is for).
#include <cstdint>
#include <string_view>

#include "bordersim/terrain/grid.h"
#include "bordersim/terrain/terrain.h"

namespace bordersim::terrain {

struct SyntheticTerrainSpec {
  double length_km = 610;        // along the border; at least 20
  double depth_km = 60;          // behind the border; at least 8
  double foreign_depth_km = 10;  // before it; at least 1
  double cell_m = 100;           // 10 .. 5000
  std::uint64_t seed = 7;

  double border_road_setback_m = 2000;

  // The trench is dug from trench_from_km to trench_to_km along the border (clamped to
  // it), with a gap of trench_gap_m centred every trench_gap_every_km from its start
  // (0: none), and one wherever a river crosses it (the river's width + 100 m each bank).
  double trench_from_km = 0;
  double trench_to_km = 450;
  double trench_gap_every_km = 25;
  double trench_gap_m = 100;
  double trench_offset_m = 50;  // into the foreign side
  double trench_width_m = 3;
  double trench_depth_m = 3;

  std::int64_t max_cells = kDefaultMaxCells;  // checked before anything is allocated
};

// The WKT of the synthetic terrain's CRS: a local engineering plane in metres. Nothing can
// be reprojected into it; data for it must already be in its coordinates.
std::string_view synthetic_crs_wkt();

// Throws InputError(file, pointer + "/<field>", ...) for a spec outside the ranges above or
// a grid larger than max_cells.
Terrain generate_synthetic_terrain(const SyntheticTerrainSpec& spec, std::string_view file = {},
                                   std::string_view pointer = "/terrain/synthetic");

}  // namespace bordersim::terrain
