#pragma once
// The cells a straight segment passes through, in order, with the part of the segment
// inside each (Amanatides & Woo 1987): what a mover on a straight leg crosses, exactly,
// whatever the cell size.
#include <functional>

#include "bordersim/terrain/grid.h"

namespace bordersim::terrain {

// Calls visit(cell, t0, t1) for each cell of the grid that the segment a→b crosses, where
// [t0, t1] ⊂ [0, 1] is the segment's parameter range inside the cell (a + t·(b − a)).
// Parts of the segment off the grid are skipped.
void walk_cells(const GridGeometry& grid, MapPoint a, MapPoint b,
                const std::function<void(CellIndex, double, double)>& visit);

}  // namespace bordersim::terrain
