#include "bordersim/movers/arrival_timing.h"

#include <algorithm>
#include <cmath>

namespace bordersim {

ArrivalTiming::ArrivalTiming(const NightPreference& night_preference,
                             const std::vector<double>& profile, const NightTable& nights,
                             sensors::UtcMs start_utc, double longitude_deg)
    : nights_(nights), start_utc_(start_utc), longitude_deg_(longitude_deg) {
  if (!profile.empty()) {
    double sum = 0.0;
    for (double w : profile) sum += w;
    shape_ = Shape::kProfile;
    for (double w : profile) hourly_.push_back(24.0 * w / sum);
    max_ = *std::max_element(hourly_.begin(), hourly_.end());
    return;
  }
  const double q = nights.night_fraction();
  if (!night_preference.share || q <= 0.0 || q >= 1.0) return;  // flat
  const double p = *night_preference.share;
  shape_ = Shape::kNight;
  night_ = p / q;
  day_ = (1.0 - p) / (1.0 - q);
  max_ = std::max(night_, day_);
}

double ArrivalTiming::factor(Time t) const {
  switch (shape_) {
    case Shape::kFlat:
      return 1.0;
    case Shape::kNight:
      return nights_.is_night(t) ? night_ : day_;
    case Shape::kProfile:
      return hourly_[static_cast<std::size_t>(solar_hour(start_utc_, t, longitude_deg_))];
  }
  return 1.0;
}

int ArrivalTiming::solar_hour(sensors::UtcMs start_utc, Time t, double longitude_deg) {
  constexpr double kMsPerHour = 3600.0 * 1000.0;
  // Mean solar time runs ahead of UTC by 4 minutes per degree east.
  const double hours =
      static_cast<double>(sensors::instant_at(start_utc, t)) / kMsPerHour + longitude_deg / 15.0;
  const double in_day = hours - 24.0 * std::floor(hours / 24.0);
  return std::clamp(static_cast<int>(in_day), 0, 23);
}

}  // namespace bordersim
