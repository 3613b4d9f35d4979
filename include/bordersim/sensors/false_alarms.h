#pragma once
// False alarms of one sensor: a Poisson process in time, at rate base × clutter (the mean
// clutter of what the sensor looks at, terrain/clutter.h), counted only while the sensor
// is up, each at a place in its coverage so that a command post can send someone there.
#include <functional>
#include <vector>

#include "bordersim/core/time.h"
#include "bordersim/random/stream.h"
#include "bordersim/sensors/availability.h"
#include "bordersim/terrain/grid.h"

namespace bordersim::sensors {

using terrain::MapPoint;

struct FalseAlarm {
  Time at = 0;
  MapPoint where;
};

// Where a sensor's alarms may appear: a disc (towers, ground sensors) or a box (a drone's
// reach).
struct AlarmArea {
  bool disc = true;
  MapPoint centre;  // disc
  double radius_m = 0.0;
  MapPoint lo, hi;  // box

  static AlarmArea in_disc(MapPoint centre, double radius_m) {
    return {true, centre, radius_m, {}, {}};
  }
  static AlarmArea in_box(MapPoint lo, MapPoint hi) { return {false, {}, 0.0, lo, hi}; }
};

// How many tries a place gets before the alarm falls at the area's centre (a weight that
// is almost everywhere 0 would otherwise loop for long).
inline constexpr int kAlarmPlaceTries = 1000;

// The false alarms of one sensor over [0, horizon), in time order. The process of rate
// rate_per_s is drawn over the whole horizon (exponential gaps) and then kept only where
// `availability` is up, so variants that differ in availability alone share the alarms
// that remain. Each alarm's place is drawn right after its time, kept or not: uniform in
// the area, accepted with probability weight(p) ∈ [0, 1] (e.g. in sight × clutter(p) /
// max clutter), so places follow the clutter that raised them. Stream: Purpose::kFalseAlarm
// of the sensor's entity.
std::vector<FalseAlarm> draw_false_alarms(double rate_per_s, Time horizon,
                                          const Availability& availability, const AlarmArea& area,
                                          const std::function<double(MapPoint)>& weight,
                                          Stream stream);

// Per day to per second.
inline double per_day_to_per_s(double per_day) { return per_day / 86400.0; }

}  // namespace bordersim::sensors
