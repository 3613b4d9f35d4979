#include "bordersim/routes/route.h"

#include <cmath>

namespace bordersim::routes {

double Route::seconds() const {
  double total = 0.0;
  for (const RouteLeg& leg : legs) total += leg.seconds;
  return total;
}

double Route::length_m() const {
  double total = 0.0;
  terrain::MapPoint at = start;
  for (const RouteLeg& leg : legs) {
    total += std::hypot(leg.to.x - at.x, leg.to.y - at.y);
    at = leg.to;
  }
  return total;
}

terrain::MapPoint Route::end() const { return legs.empty() ? start : legs.back().to; }

}  // namespace bordersim::routes
