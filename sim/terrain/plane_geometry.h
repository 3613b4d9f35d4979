#pragma once
// Small plane-geometry helpers shared by the synthetic ground generators
// (synthetic_features.h, synthetic_ground.cpp). Private to sim/terrain. The distance to a
// segment, which the rest of the library uses too, is bordersim/terrain/segment_distance.h.
#include <algorithm>

namespace bordersim::terrain::plane {

// 0 below 0, 1 above 1, a smooth S between (3t² − 2t³).
inline double smoothstep(double t) {
  t = std::clamp(t, 0.0, 1.0);
  return t * t * (3.0 - 2.0 * t);
}

}  // namespace bordersim::terrain::plane
