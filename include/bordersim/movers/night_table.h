#pragma once
// Night and day over a run, for crossers' arrivals: night while the sun is below the
// horizon (sensors::Light other than kDay: twilight counts as night, since a walker is
// hard to see once the sun has set). Judged per step of `step` at the step's middle, from
// the model's light table when it has one (tower cameras) and from the sun's position at
// the scenario's site otherwise: the same values either way. Built once with the model.
#include <cstddef>
#include <span>
#include <vector>

#include "bordersim/core/time.h"
#include "bordersim/sensors/sun.h"

namespace bordersim {

class NightTable {
 public:
  NightTable() = default;  // all day, no night
  // `light`: the sun per step from the start (may be shorter than the run, or empty).
  NightTable(Time duration, Time step, sensors::GeoPoint place, sensors::UtcMs start_utc,
             std::span<const sensors::SunState> light);
  bool is_night(Time t) const;
  // Share of [0, duration) that is night, each step weighted by its overlap.
  double night_fraction() const { return night_fraction_; }

 private:
  Time step_ = 1;
  std::vector<bool> night_{false};  // per step
  double night_fraction_ = 0.0;
};

}  // namespace bordersim
