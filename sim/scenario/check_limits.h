#pragma once
// Resource limits of a scenario (scenario/limits.h): counts, sizes and step counts it
// implies, checked before anything is allocated. Private to sim/scenario.
#include <string>

#include "bordersim/scenario/load.h"

namespace bordersim::detail {

// Throws InputError at the key to change, naming the limit.
void check_limits(const Scenario& s, const std::string& file);

}  // namespace bordersim::detail
