#include "bordersim/sensors/false_alarms.h"

#include <boost/random/exponential_distribution.hpp>
#include <cmath>

namespace bordersim::sensors {
namespace {

MapPoint uniform_in(const AlarmArea& area, Stream& stream) {
  if (area.disc) {
    // Radius as √u so that equal areas are equally likely.
    const double r = area.radius_m * std::sqrt(uniform01(stream));
    const double a = 2.0 * M_PI * uniform01(stream);
    return {area.centre.x + r * std::cos(a), area.centre.y + r * std::sin(a)};
  }
  const double u = uniform01(stream);
  const double v = uniform01(stream);
  return {area.lo.x + u * (area.hi.x - area.lo.x), area.lo.y + v * (area.hi.y - area.lo.y)};
}

MapPoint place(const AlarmArea& area, const std::function<double(MapPoint)>& weight,
               Stream& stream) {
  for (int i = 0; i < kAlarmPlaceTries; ++i) {
    const MapPoint p = uniform_in(area, stream);
    if (uniform01(stream) < weight(p)) return p;
  }
  return area.disc ? area.centre
                   : MapPoint{(area.lo.x + area.hi.x) / 2, (area.lo.y + area.hi.y) / 2};
}

}  // namespace

std::vector<FalseAlarm> draw_false_alarms(double rate_per_s, Time horizon,
                                          const Availability& availability, const AlarmArea& area,
                                          const std::function<double(MapPoint)>& weight,
                                          Stream stream) {
  std::vector<FalseAlarm> alarms;
  if (!(rate_per_s > 0.0)) return alarms;
  boost::random::exponential_distribution<double> gap(rate_per_s);
  const double horizon_s = time_to_seconds(horizon);
  for (double t_s = gap(stream); t_s < horizon_s; t_s += gap(stream)) {
    const MapPoint where = place(area, weight, stream);
    const Time at = seconds_to_time(t_s);
    if (at < horizon && availability.up(at)) alarms.push_back({at, where});
  }
  return alarms;
}

}  // namespace bordersim::sensors
