#pragma once
// The distance from a point to a polyline by brute force over its segments: the reference
// the terrain tests hold faster or derived distances against.
#include <algorithm>
#include <cmath>
#include <limits>

#include "bordersim/terrain/gdal_io.h"

namespace bordersim::testing {

inline double brute_distance(const terrain::Polyline& line, terrain::MapPoint p) {
  double best = std::numeric_limits<double>::infinity();
  for (std::size_t i = 1; i < line.points.size(); ++i) {
    const terrain::MapPoint a = line.points[i - 1];
    const terrain::MapPoint b = line.points[i];
    const double dx = b.x - a.x;
    const double dy = b.y - a.y;
    const double t =
        std::clamp(((p.x - a.x) * dx + (p.y - a.y) * dy) / (dx * dx + dy * dy), 0.0, 1.0);
    best = std::min(best, std::hypot(a.x + t * dx - p.x, a.y + t * dy - p.y));
  }
  return best;
}

}  // namespace bordersim::testing
