#pragma once
// Checks of the "threats" keys that involve more than one key (threat_keys.h checks each
// key alone). Private to sim/scenario: load.cpp calls it with the rest of its checks.
#include <string>

#include "bordersim/scenario/scenario.h"

namespace bordersim::detail {

// `border_length_km` is +inf where the border is read from a file (its length is known
// only once the file is read; origins beyond it are clipped then, see movers/arrivals.h).
// Throws InputError pointing at the key to fix.
// `planned_routes`: crossers follow cost fields (terrain with a routing grid and
// routing.crossers "planned"), which are built for one goal depth per kind.
void check_threats(const ThreatsSpec& threats, double border_length_km, double corridor_depth_km,
                   bool planned_routes, const std::string& file);

// After the checks: an arrival_profile replaces the sun, so the kind's night_preference
// becomes "none" (and the resolved scenario, written back, reads the same).
void settle_arrival_timing(ThreatsSpec& threats);

}  // namespace bordersim::detail
