#include "bordersim/c2/intercept.h"

#include <cmath>
#include <limits>

namespace bordersim {

double earliest_intercept_s(MapPoint from, double speed_mps, MapPoint target, MapPoint velocity) {
  constexpr double kNeverMeets = std::numeric_limits<double>::infinity();
  // |d + w t| = v t with d = target - from, w = velocity:
  // (w.w - v^2) t^2 + 2 (d.w) t + d.d = 0; we want its smallest root t >= 0.
  const double dx = target.x - from.x;
  const double dy = target.y - from.y;
  const double a = velocity.x * velocity.x + velocity.y * velocity.y - speed_mps * speed_mps;
  const double b = 2.0 * (dx * velocity.x + dy * velocity.y);
  const double c = dx * dx + dy * dy;
  if (c == 0.0) return 0.0;
  if (std::abs(a) < 1e-12) return b < 0.0 ? -c / b : kNeverMeets;  // equal speeds
  const double discriminant = b * b - 4.0 * a * c;
  if (discriminant < 0.0) return kNeverMeets;
  // Numerically stable roots: q/a and c/q.
  const double q = -0.5 * (b + std::copysign(std::sqrt(discriminant), b));
  double best = kNeverMeets;
  for (double root : {q / a, q != 0.0 ? c / q : kNeverMeets}) {
    if (root >= 0.0 && root < best) best = root;
  }
  return best;
}

}  // namespace bordersim
