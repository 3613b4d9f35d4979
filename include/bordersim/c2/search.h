#pragma once
// A team searching where it was sent: a stationary searcher with a definite-range disc.
// It sees a crosser for certain the first moment the crosser is within `radius_m` of it,
// and never beyond (Koopman's definite-range law, the simplest detection model with a
// closed form: a walker passing at offset d is found iff d <= radius while the team is
// there).
#include <optional>

#include "bordersim/core/time.h"
#include "bordersim/movers/movement.h"

namespace bordersim {

// The first time in [from, until] at which `movement` is within `radius_m` of `centre`;
// none if it never is (or the interval lies outside the movement). Times are rounded up
// to the clock's tick.
std::optional<Time> first_within_disc(const Movement& movement, terrain::MapPoint centre,
                                      double radius_m, Time from, Time until);

}  // namespace bordersim
