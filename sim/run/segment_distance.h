#pragma once
// The distance from a point to a segment, shared by the trace (a camera's closest approach
// to a leg) and the dispatch bounds (a responder's reach against a crosser's leg).
#include <algorithm>
#include <cmath>

#include "bordersim/terrain/grid.h"

namespace bordersim::detail {

// From p to the nearest point of the segment [a, b] (to a when a == b).
inline double distance_to_segment_m(terrain::MapPoint p, terrain::MapPoint a, terrain::MapPoint b) {
  const double dx = b.x - a.x, dy = b.y - a.y;
  const double length2 = dx * dx + dy * dy;
  const double f =
      length2 > 0.0 ? std::clamp(((p.x - a.x) * dx + (p.y - a.y) * dy) / length2, 0.0, 1.0) : 0.0;
  return std::hypot(p.x - (a.x + f * dx), p.y - (a.y + f * dy));
}

}  // namespace bordersim::detail
