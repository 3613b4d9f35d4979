#include "bordersim/c2/intercept.h"

#include <cmath>
#include <limits>

namespace bordersim {

double earliest_intercept_s(MapPoint from, double speed_mps, MapPoint target, MapPoint velocity,
                            double head_start_s) {
  constexpr double kNeverMeets = std::numeric_limits<double>::infinity();
  // |d + w t| = v (t + e) with d = target - from, w = velocity, e = head start:
  // (w.w - v^2) t^2 + 2 (d.w - v^2 e) t + (d.d - v^2 e^2) = 0; we want its smallest root
  // t >= 0, or 0 when the target is already within reach.
  const double dx = target.x - from.x;
  const double dy = target.y - from.y;
  const double v2 = speed_mps * speed_mps;
  const double reach = speed_mps * head_start_s;
  const double c = dx * dx + dy * dy - reach * reach;
  if (c <= 0.0) return 0.0;
  const double a = velocity.x * velocity.x + velocity.y * velocity.y - v2;
  const double b = 2.0 * (dx * velocity.x + dy * velocity.y - v2 * head_start_s);
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
