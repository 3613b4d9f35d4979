#pragma once
// The distance from a point to a polyline by brute force over its segments: the reference
// the terrain tests hold faster or derived distances against.
#include <algorithm>
#include <limits>

#include "bordersim/terrain/gdal_io.h"
#include "bordersim/terrain/segment_distance.h"

namespace bordersim::testing {

inline double brute_distance(const terrain::Polyline& line, terrain::MapPoint p) {
  double best = std::numeric_limits<double>::infinity();
  for (std::size_t i = 1; i < line.points.size(); ++i)
    best = std::min(best, terrain::distance_to_segment_m(p, line.points[i - 1], line.points[i]));
  return best;
}

}  // namespace bordersim::testing
