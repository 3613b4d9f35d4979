#pragma once
// Small plane-geometry helpers shared by the synthetic ground generators
// (synthetic_features.h, synthetic_ground.cpp). Private to sim/terrain.
#include <algorithm>

#include "bordersim/terrain/grid.h"

namespace bordersim::terrain::plane {

// Squared distance from p to the segment [a, b] (to a when a == b).
inline double dist2_to_segment(MapPoint p, MapPoint a, MapPoint b) {
  const double dx = b.x - a.x;
  const double dy = b.y - a.y;
  const double len2 = dx * dx + dy * dy;
  const double t =
      len2 > 0.0 ? std::clamp(((p.x - a.x) * dx + (p.y - a.y) * dy) / len2, 0.0, 1.0) : 0.0;
  const double qx = a.x + t * dx - p.x;
  const double qy = a.y + t * dy - p.y;
  return qx * qx + qy * qy;
}

// 0 below 0, 1 above 1, a smooth S between (3t² − 2t³).
inline double smoothstep(double t) {
  t = std::clamp(t, 0.0, 1.0);
  return t * t * (3.0 - 2.0 * t);
}

}  // namespace bordersim::terrain::plane
