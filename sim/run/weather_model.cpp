#include "bordersim/run/weather_model.h"

#include <iterator>

namespace bordersim {

sensors::WeatherChain weather_chain(const WeatherSpec& weather) {
  sensors::WeatherChain chain;
  const auto& states = weather.states.value();
  for (const auto& [name, spec] : states) {
    sensors::WeatherState s;
    s.name = name;
    s.mean_duration_s = spec.mean_duration_h * 3600.0;
    s.next.assign(states.size(), 0.0);
    double sum = 0.0;
    for (const auto& [to, weight] : spec.to) sum += weight;
    for (const auto& [to, weight] : spec.to) {
      const auto j = static_cast<std::size_t>(std::distance(states.begin(), states.find(to)));
      if (sum > 0.0) s.next.at(j) = weight / sum;
    }
    s.visible_extinction_per_km = spec.visible_extinction_per_km;
    s.thermal_extinction_per_km = spec.thermal_extinction_per_km;
    s.drones_fly = spec.drones_fly;
    s.air_recon_flies = spec.air_recon_flies;
    s.patrol_sweep_width_factor = spec.patrol_sweep_width_factor;
    s.crew_detection_factor = spec.crew_detection_factor;
    chain.states.push_back(std::move(s));
  }
  chain.stationary = sensors::stationary_distribution(chain);
  return chain;
}

std::vector<sensors::CameraSpec> weather_cameras(const sensors::WeatherChain& chain,
                                                 const std::vector<sensors::CameraSpec>& cameras) {
  std::vector<sensors::CameraSpec> out;
  out.reserve(chain.states.size() * cameras.size());
  for (const sensors::WeatherState& state : chain.states) {
    for (sensors::CameraSpec camera : cameras) {
      const auto& extinction = camera.kind == sensors::CameraKind::kThermal
                                   ? state.thermal_extinction_per_km
                                   : state.visible_extinction_per_km;
      if (extinction) camera.extinction_per_km = *extinction;
      out.push_back(camera);
    }
  }
  return out;
}

}  // namespace bordersim
