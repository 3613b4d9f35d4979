#pragma once
// The scenario's weather chain as the model uses it (sensors/weather.h): states in the
// order of their names, transition weights normalised to probabilities, the stationary
// distribution solved once, and the tower cameras as each state sees them.
#include <vector>

#include "bordersim/scenario/scenario.h"
#include "bordersim/sensors/camera.h"
#include "bordersim/sensors/weather.h"

namespace bordersim {

// From weather.states (checked by the loader: names exist, exits, irreducible).
sensors::WeatherChain weather_chain(const WeatherSpec& weather);

// Every camera in every state: state i's camera k at [i · cameras.size() + k], its
// extinction_per_km replaced by the state's for its band where the state gives one.
std::vector<sensors::CameraSpec> weather_cameras(const sensors::WeatherChain& chain,
                                                 const std::vector<sensors::CameraSpec>& cameras);

}  // namespace bordersim
