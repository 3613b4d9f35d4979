#pragma once
// The keys of the weather and what it does to the sensors. Each struct's members are its
// keys' defaults; its visit_fields, next to it, their JSON names, valid ranges and printing
// order (scenario.h has the conventions and the one list of keys; scenarios/README.md
// documents every key).
#include <map>
#include <optional>
#include <string>

#include "bordersim/scenario/field_rules.h"

namespace bordersim {

// One state of the weather chain (sensors/weather.h): how long it lasts, where it goes
// next, and what it does to the sensors while it holds.
struct WeatherStateSpec {
  double mean_duration_h = 24.0;     // exponential holding time, > 0
  std::map<std::string, double> to;  // weights of the next state, by name; none: stays
  // Replace every camera's extinction_per_km, by band, while this state holds; absent:
  // the camera's own.
  std::optional<double> visible_extinction_per_km;
  std::optional<double> thermal_extinction_per_km;
  bool drones_fly = true;       // false: drones are grounded (no glimpses, no false alarms)
  bool air_recon_flies = true;  // false: sorties see nothing while it holds
  double patrol_sweep_width_factor = 1.0;  // multiplies patrols' sweep_width_m
  // Multiplies tower crews' sighting rate (an "instant" crew: its chance per sighting)
  // while this state holds: eyes and binoculars in dust.
  double crew_detection_factor = 1.0;
};

template <class V>
void visit_fields(V& v, WeatherStateSpec& w) {
  v.field("mean_duration_h", w.mean_duration_h, Range::positive());
  v.field("to", w.to, Range::non_negative());
  v.field("visible_extinction_per_km", w.visible_extinction_per_km, Range::non_negative());
  v.field("thermal_extinction_per_km", w.thermal_extinction_per_km, Range::non_negative());
  v.field("drones_fly", w.drones_fly);
  v.field("air_recon_flies", w.air_recon_flies);
  v.field("patrol_sweep_width_factor", w.patrol_sweep_width_factor, Range::between(0.0, 10.0));
  v.field("crew_detection_factor", w.crew_detection_factor, Range::between(0.0, 1.0));
}

// The weather of the whole run. Absent: clear sky.
struct WeatherSpec {
  double cloud_base_m = 3000.0;  // above the ground
  // A continuous-time Markov chain over named states; absent: the same weather all run.
  std::optional<std::map<std::string, WeatherStateSpec>> states;
};

template <class V>
void visit_fields(V& v, WeatherSpec& w) {
  v.field("cloud_base_m", w.cloud_base_m, Range::non_negative());
  v.field("states", w.states);
}

}  // namespace bordersim
