#pragma once
// Line of sight over a DEM between two points given as heights above the ground, with
// earth curvature and atmospheric refraction folded into one coefficient, as GDAL does.
#include <optional>

#include "bordersim/terrain/grid.h"

namespace bordersim::terrain {

// GDAL takes the semi-major axis of the raster's CRS; every CRS we load into is on WGS 84.
inline constexpr double kEarthRadiusM = 6378137.0;
// GDAL's default: curvature with standard refraction, cc = 1 − k for k = 1/7.
inline constexpr double kStandardCurvatureCoeff = 0.85714;

struct SightGeometry {
  double observer_height = 10.0;                     // eye above the ground, m
  double target_height = 1.7;                        // target above the ground, m
  double curvature_coeff = kStandardCurvatureCoeff;  // 0 = flat earth
  double earth_radius = kEarthRadiusM;
};

// How far the terrain at horizontal distance d appears to sink below the observer's
// tangent plane: cc·d²/(2R). GDAL subtracts this from every elevation it compares.
inline double curvature_drop(double distance, const SightGeometry& s) {
  return s.curvature_coeff * distance * distance / (2.0 * s.earth_radius);
}

// Ray casting: the sight line is tested against the terrain at every point where it
// crosses a line joining two neighbouring cell centres (the surface there is the linear
// interpolation of those two cells), so the answer does not depend on a step size.
// NoData cells along the way do not block.
//
// Returns the least height above the ground at `target` from which the observer (eye at
// `observer_height` above the ground at `observer`) is seen: 0 when the ground itself is
// visible. Empty when either end is off the grid or on NoData.
std::optional<double> min_visible_height(const ElevationGrid& dem, MapPoint observer,
                                         MapPoint target, const SightGeometry& sight);

// Whether a target `target_height` above the ground at `target` is seen; false when either
// end is off the grid or on NoData.
bool line_of_sight(const ElevationGrid& dem, MapPoint observer, MapPoint target,
                   const SightGeometry& sight);

}  // namespace bordersim::terrain
