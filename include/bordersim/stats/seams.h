#pragma once
// Seams: places along the border where one jurisdiction's sector meets another's. The
// coordination gap lives there, so results split crossings by their distance to a seam.
#include <span>
#include <vector>

#include "bordersim/model/sectors.h"

namespace bordersim {

// Arc lengths (m) where two neighbouring sectors belong to different jurisdictions, in
// increasing order; empty when one jurisdiction holds the whole border.
std::vector<double> seam_positions_m(std::span<const SectorInfo> sectors);

// Distance along the border from arc length s to the nearest seam; NaN when there is none.
double seam_distance_m(std::span<const double> seams_m, double border_s);

}  // namespace bordersim
