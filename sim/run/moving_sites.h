#pragma once
// Builds the model's drones, patrols and reconnaissance from the scenario: their lanes on
// the map, their schedules and reach. Private to sim/run; model.cpp calls it.
#include <string>

#include "bordersim/run/model.h"

namespace bordersim {

// Throws InputError naming `file` where the geometry contradicts the scenario (a stretch
// beyond a border read from a file, a drone whose transit eats its endurance).
void build_moving_sensors(Model& model, const Scenario& scenario, const std::string& file);

}  // namespace bordersim
