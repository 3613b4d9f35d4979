#pragma once
// When in the day crossers set off (issue 15, item 3): the factor by which one kind's
// arrival rate is multiplied at each moment of the run, and its maximum, for drawing the
// non-homogeneous Poisson process by thinning (movers/arrivals.h). Three shapes:
// - night_preference p (a share): p of the arrivals while the sun is below the horizon,
//   judged by movers/night_table.h: factor p / q at night, (1 − p) / (1 − q) by day,
//   q the share of the run that is night; a run with no night or no day stays flat;
// - night_preference null: flat, factor 1 (homogeneous Poisson at any site and date);
// - arrival_profile w[0..23]: factor 24 · w[h] / Σ w in hour h of local MEAN solar time
//   at the site (UTC + longitude / 15 h; the sun culminates within ±16 min of 12:00, the
//   equation of time). Over whole days the mean factor is 1, so per_day keeps its meaning.
#include <vector>

#include "bordersim/core/time.h"
#include "bordersim/movers/night_table.h"
#include "bordersim/scenario/scenario.h"
#include "bordersim/sensors/sun.h"

namespace bordersim {

class ArrivalTiming {
 public:
  ArrivalTiming(const NightPreference& night_preference, const std::vector<double>& profile,
                const NightTable& nights, sensors::UtcMs start_utc, double longitude_deg);

  double factor(Time t) const;
  double max() const { return max_; }

  // Hour 0..23 of local mean solar time at `longitude_deg` of the instant start_utc + t.
  static int solar_hour(sensors::UtcMs start_utc, Time t, double longitude_deg);

 private:
  enum class Shape { kFlat, kNight, kProfile } shape_ = Shape::kFlat;
  double night_ = 1.0, day_ = 1.0;  // kNight
  std::vector<double> hourly_;      // kProfile: 24 factors
  double max_ = 1.0;
  const NightTable& nights_;
  sensors::UtcMs start_utc_ = 0;
  double longitude_deg_ = 0.0;
};

}  // namespace bordersim
