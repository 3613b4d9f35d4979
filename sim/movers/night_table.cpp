#include "bordersim/movers/night_table.h"

#include <algorithm>

#include "bordersim/sensors/sun.h"

namespace bordersim {

NightTable::NightTable(Time run_duration, Time step, sensors::GeoPoint place,
                       sensors::UtcMs start_utc, std::span<const sensors::SunState> light)
    : step_(step) {
  const Time duration = std::max<Time>(run_duration, 0);
  const auto steps = static_cast<std::size_t>((duration + step - 1) / step);
  night_.resize(std::max<std::size_t>(steps, 1));
  Time night_ticks = 0;
  for (std::size_t i = 0; i < night_.size(); ++i) {
    const Time begin = static_cast<Time>(i) * step;
    const Time mid = begin + step / 2;
    // The model's table is judged at the same middles (run/model.cpp, light_table), with
    // the same light_at(solar_elevation_deg) as sun_state: the same answer either way, and
    // without sun_state's search for the nearest sunrise, which costs most of its time.
    const sensors::Light at = i < light.size() ? light[i].light
                                               : sensors::light_at(sensors::solar_elevation_deg(
                                                     place, sensors::instant_at(start_utc, mid)));
    night_[i] = at != sensors::Light::kDay;
    if (night_[i]) night_ticks += std::min(begin + step, duration) - std::min(begin, duration);
  }
  night_fraction_ =
      duration > 0 ? static_cast<double>(night_ticks) / static_cast<double>(duration) : 0.0;
}

bool NightTable::is_night(Time t) const {
  const auto i = static_cast<std::size_t>(std::max<Time>(t, 0) / step_);
  return night_[std::min(i, night_.size() - 1)];
}

}  // namespace bordersim
