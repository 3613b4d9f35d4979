#pragma once
// Checks of the weather chain's keys that involve more than one key (weather_keys.h
// checks each key alone). Private to sim/scenario: load.cpp calls it with the rest of its
// checks.
#include <string>

#include "bordersim/scenario/scenario.h"

namespace bordersim::detail {

// Transitions name states that exist, never the state itself; every state of a chain of
// two or more has a way out (a positive weight) and the chain is irreducible (every state
// leads to every other), so its stationary distribution is unique; the spells a
// replication draws stay within limits::kMaxPeriodicSteps. Throws InputError pointing at
// the key to fix.
void check_weather(const WeatherSpec& weather, double duration_h, const std::string& file);

}  // namespace bordersim::detail
