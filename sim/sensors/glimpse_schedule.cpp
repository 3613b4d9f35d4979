#include "bordersim/sensors/glimpse_schedule.h"

#include <boost/random/uniform_int_distribution.hpp>
#include <cmath>
#include <stdexcept>

namespace bordersim::sensors {
namespace {

// Floor and ceiling of a / b for b > 0 and any sign of a.
std::int64_t floor_div(std::int64_t a, std::int64_t b) {
  const std::int64_t q = a / b;
  return (a % b != 0 && a < 0) ? q - 1 : q;
}
std::int64_t ceil_div(std::int64_t a, std::int64_t b) { return -floor_div(-a, b); }

// Bearing difference wrapped to [−180, 180).
double bearing_offset(double bearing_deg, double from_deg) {
  const double d = std::fmod(bearing_deg - from_deg, 360.0);
  const double w = d < 0 ? d + 360.0 : d;
  return w >= 180.0 ? w - 360.0 : w;
}

}  // namespace

ScanPattern scan_pattern(const CameraSpec& camera, double pointing_deg) {
  ScanPattern p;
  p.period = seconds_to_time(revisit_s(camera));
  p.hfov_deg = camera.hfov_deg;
  p.centre_deg = pointing_deg;
  p.sector_deg = is_scanning(camera) ? std::fmin(camera.scan_sector_deg, 360.0) : 0.0;
  return p;
}

Time draw_scan_phase(Stream& stream, Time period) {
  if (period <= 0) throw std::invalid_argument("draw_scan_phase: period must be positive");
  return boost::random::uniform_int_distribution<Time>(0, period - 1)(stream);
}

std::optional<GlimpseTrain> glimpse_train(const ScanPattern& pattern, Time phase,
                                          double bearing_deg) {
  if (pattern.period <= 0) throw std::invalid_argument("glimpse_train: period must be positive");
  const Time phase0 = phase - floor_div(phase, pattern.period) * pattern.period;
  const double off_centre = bearing_offset(bearing_deg, pattern.centre_deg);
  if (pattern.sector_deg <= 0.0) {  // staring
    if (std::abs(off_centre) > pattern.hfov_deg / 2) return std::nullopt;
    return GlimpseTrain{phase0, pattern.period};
  }
  // Position of the bearing along the sweep, in [0, sector].
  double along = 0.0;
  if (pattern.sector_deg >= 360.0) {
    along = off_centre + 180.0;
  } else {
    const double half = pattern.sector_deg / 2;
    if (std::abs(off_centre) > half + pattern.hfov_deg / 2) return std::nullopt;
    along = std::fmin(std::fmax(off_centre + half, 0.0), pattern.sector_deg);
  }
  const double span = std::fmin(pattern.sector_deg, 360.0);
  const Time shift = std::llround(along / span * static_cast<double>(pattern.period));
  const Time offset = (phase0 + shift) % pattern.period;
  return GlimpseTrain{offset, pattern.period};
}

Time first_glimpse_at_or_after(const GlimpseTrain& train, Time t) {
  return train.offset + ceil_div(t - train.offset, train.period) * train.period;
}

std::int64_t glimpse_count(const GlimpseTrain& train, Time t0, Time t1) {
  if (t1 <= t0) return 0;
  return ceil_div(t1 - train.offset, train.period) - ceil_div(t0 - train.offset, train.period);
}

Time first_detection(const GlimpseTrain& train, Time t0, Time t1, double g, Stream& stream) {
  const std::int64_t n = glimpse_count(train, t0, t1);
  if (n == 0 || !(g > 0.0)) return kNever;
  const Time first = first_glimpse_at_or_after(train, t0);
  if (g >= 1.0) return first;
  const double u = uniform01(stream);
  const double failures = std::floor(std::log1p(-u) / std::log1p(-g));
  if (failures >= static_cast<double>(n)) return kNever;
  return first + static_cast<std::int64_t>(failures) * train.period;
}

}  // namespace bordersim::sensors
