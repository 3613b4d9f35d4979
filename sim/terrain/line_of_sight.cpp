#include "bordersim/terrain/line_of_sight.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace bordersim::terrain {
namespace {

// Elevation on the line joining cell centres at index k of one axis, at fractional index
// v of the other axis (linear between the two neighbouring centres, edge cells extended).
double on_grid_line(const ElevationGrid& dem, bool along_column, int k, double v) {
  const int n = along_column ? dem.rows() : dem.cols();
  const double vc = std::clamp(v, 0.0, n - 1.0);
  const int i0 = static_cast<int>(vc);
  const int i1 = std::min(i0 + 1, n - 1);
  const double f = vc - i0;
  const double z0 = along_column ? dem.at({k, i0}) : dem.at({i0, k});
  const double z1 = along_column ? dem.at({k, i1}) : dem.at({i1, k});
  return f == 0.0 ? z0 : z0 + (z1 - z0) * f;  // a NoData neighbour of weight 0 is ignored
}

// Calls visit(t, z) for every crossing of the segment a→b (fractional cell-centre
// coordinates) with the centre lines of one axis, t ∈ (0, 1) strictly: the ends are the
// observer's and target's own positions, not obstacles.
template <typename Visit>
void crossings(const ElevationGrid& dem, MapPoint a, MapPoint b, bool columns, Visit&& visit) {
  const double au = columns ? a.x : a.y;
  const double bu = columns ? b.x : b.y;
  const double av = columns ? a.y : a.x;
  const double bv = columns ? b.y : b.x;
  if (au == bu) return;
  const int first = static_cast<int>(std::floor(std::min(au, bu))) + 1;
  const int last = static_cast<int>(std::ceil(std::max(au, bu))) - 1;
  for (int k = first; k <= last; ++k) {
    const double t = (k - au) / (bu - au);
    visit(t, on_grid_line(dem, columns, k, av + t * (bv - av)));
  }
}

}  // namespace

std::optional<double> min_visible_height(const ElevationGrid& dem, MapPoint observer,
                                         MapPoint target, const SightGeometry& sight) {
  const std::optional<double> ground_obs = dem.elevation_at(observer);
  const std::optional<double> ground_tgt = dem.elevation_at(target);
  if (!ground_obs || !ground_tgt) return std::nullopt;

  const double eye = *ground_obs + sight.observer_height;
  const double range = std::hypot(target.x - observer.x, target.y - observer.y);
  if (range == 0.0) return 0.0;

  // The steepest elevation angle (as a slope) of the terrain between the two ends.
  double horizon = -std::numeric_limits<double>::infinity();
  const auto visit = [&](double t, double z) {
    if (std::isnan(z)) return;  // unknown terrain does not block
    const double d = t * range;
    horizon = std::max(horizon, (z - curvature_drop(d, sight) - eye) / d);
  };
  const MapPoint a = dem.to_grid(observer);
  const MapPoint b = dem.to_grid(target);
  crossings(dem, a, b, true, visit);
  crossings(dem, a, b, false, visit);

  if (horizon == -std::numeric_limits<double>::infinity()) return 0.0;
  const double target_ground = *ground_tgt - curvature_drop(range, sight);
  return std::max(0.0, eye + horizon * range - target_ground);
}

bool line_of_sight(const ElevationGrid& dem, MapPoint observer, MapPoint target,
                   const SightGeometry& sight) {
  const std::optional<double> needed = min_visible_height(dem, observer, target, sight);
  return needed && *needed <= sight.target_height;
}

}  // namespace bordersim::terrain
