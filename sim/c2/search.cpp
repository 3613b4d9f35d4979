#include "bordersim/c2/search.h"

#include <algorithm>
#include <cmath>

namespace bordersim {

std::optional<Time> first_within_disc(const Movement& movement, terrain::MapPoint centre,
                                      double radius_m, Time from, Time until) {
  const auto& legs = movement.legs();
  if (legs.empty() || from > until || until < legs.front().t0 || from > movement.end())
    return std::nullopt;
  const double r2 = radius_m * radius_m;
  for (std::size_t i = movement.leg_at(std::max(from, legs.front().t0)); i < legs.size(); ++i) {
    const Leg& leg = legs[i];
    if (leg.t0 > until) break;
    const Time t0 = std::max(leg.t0, from);
    const Time t1 = std::min(leg.t1, until);
    if (t0 > t1) continue;
    // |p + v·τ|² <= r², τ >= 0 seconds after t0: the smaller root of the quadratic.
    const terrain::MapPoint at = leg.at(t0);
    const terrain::MapPoint v = leg.velocity();
    const double px = at.x - centre.x, py = at.y - centre.y;
    const double c = px * px + py * py - r2;
    if (c <= 0.0) return t0;
    const double a = v.x * v.x + v.y * v.y;
    const double b = 2.0 * (px * v.x + py * v.y);
    const double disc = b * b - 4.0 * a * c;
    if (a == 0.0 || b >= 0.0 || disc < 0.0) continue;  // still, moving away, or passing wide
    const double tau = (-b - std::sqrt(disc)) / (2.0 * a);
    const Time t = t0 + static_cast<Time>(std::ceil(tau * static_cast<double>(kTicksPerSecond)));
    if (t <= t1) return t;
  }
  return std::nullopt;
}

}  // namespace bordersim
