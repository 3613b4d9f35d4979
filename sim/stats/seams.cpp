#include "bordersim/stats/seams.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace bordersim {

std::vector<double> seam_positions_m(std::span<const SectorInfo> sectors) {
  std::vector<double> seams;
  for (std::size_t i = 1; i < sectors.size(); ++i) {
    if (sectors[i].jurisdiction != sectors[i - 1].jurisdiction) seams.push_back(sectors[i].from_m);
  }
  return seams;
}

double seam_distance_m(std::span<const double> seams_m, double border_s) {
  if (seams_m.empty()) return std::numeric_limits<double>::quiet_NaN();
  const auto next = std::lower_bound(seams_m.begin(), seams_m.end(), border_s);
  double best = std::numeric_limits<double>::infinity();
  if (next != seams_m.end()) best = *next - border_s;
  if (next != seams_m.begin()) best = std::min(best, border_s - *(next - 1));
  return best;
}

}  // namespace bordersim
