#pragma once
// The distance from a point to a segment, the one definition for the library and its tests:
// the synthetic ground's generators (squared, to compare without a root), the trace (a
// camera's closest approach to a leg), the dispatch bounds (a responder's reach against a
// crosser's leg) and the tests' brute-force polyline distance.
#include <algorithm>
#include <cmath>

#include "bordersim/terrain/grid.h"

namespace bordersim::terrain {

// From p to the nearest point of the segment [a, b] (a when a == b).
inline MapPoint offset_to_segment(MapPoint p, MapPoint a, MapPoint b) {
  const double dx = b.x - a.x, dy = b.y - a.y;
  const double length2 = dx * dx + dy * dy;
  const double f =
      length2 > 0.0 ? std::clamp(((p.x - a.x) * dx + (p.y - a.y) * dy) / length2, 0.0, 1.0) : 0.0;
  return {a.x + f * dx - p.x, a.y + f * dy - p.y};
}

inline double dist2_to_segment(MapPoint p, MapPoint a, MapPoint b) {
  const MapPoint q = offset_to_segment(p, a, b);
  return q.x * q.x + q.y * q.y;
}

inline double distance_to_segment_m(MapPoint p, MapPoint a, MapPoint b) {
  const MapPoint q = offset_to_segment(p, a, b);
  return std::hypot(q.x, q.y);
}

}  // namespace bordersim::terrain
