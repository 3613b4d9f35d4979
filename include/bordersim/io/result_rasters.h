#pragma once
// The result file's density rasters (/variants/NAME/rasters/*): counts of crossings on the
// layout's grid, computed by the writer from the crossing records (never stored state), so
// that a file read back and written again, or shards merged, give the same rasters.
#include <cstdint>
#include <vector>

#include "bordersim/run/record.h"
#include "bordersim/terrain/grid.h"

namespace bordersim {

struct CountRaster {
  std::vector<std::uint32_t> counts;  // row-major on the grid, row 0 at the north edge
  std::uint64_t outside = 0;          // places that fall off the grid: not in `counts`
  std::uint64_t total() const;        // counts' sum plus outside
};

struct ResultRasters {
  CountRaster crossings;      // where each crossing crossed the border line (border_x/y_m)
  CountRaster detections;     // where detected crossers were at their first detection
  CountRaster interceptions;  // where intercepted crossers were caught
};

// Every crossing of every replication, counted on `grid` (cols = rows = 0: everything is
// outside). Crossings without a detection or interception place (NaN) are not counted in
// those rasters.
ResultRasters count_rasters(const terrain::GridGeometry& grid,
                            const std::vector<ReplicationRecord>& replications);

}  // namespace bordersim
