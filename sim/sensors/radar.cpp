#include "bordersim/sensors/radar.h"

#include <cmath>

namespace bordersim::sensors {

double radar_pd(const RadarSpec& radar, RadarTarget target, double range_m) {
  if (range_m > radar.range_m) return 0.0;
  const double r0 = target == RadarTarget::kVehicle ? radar.vehicle_r0_m : radar.walker_r0_m;
  if (range_m <= r0) return radar.pd0;
  return std::pow(radar.pd0, std::pow(range_m / r0, radar.falloff_exponent));
}

bool in_radar_sector(const RadarSpec& radar, double facing_deg, double bearing_deg) {
  if (radar.sector_width_deg >= 360.0) return true;
  // The bearing's offset from the sector's centre, in [-180, 180] (IEEE remainder).
  const double off = std::remainder(bearing_deg - facing_deg - radar.sector_centre_deg, 360.0);
  return std::abs(off) <= 0.5 * radar.sector_width_deg;
}

bool in_radar_coverage(const RadarSpec& radar, double facing_deg, double dx_m, double dy_m) {
  return std::hypot(dx_m, dy_m) <= radar.range_m &&
         in_radar_sector(radar, facing_deg, std::atan2(dx_m, dy_m) * 180.0 / M_PI);
}

double radar_scan_probability(const RadarSpec& radar, RadarTarget target, double range_m,
                              terrain::LandCover cover) {
  return radar_pd(radar, target, range_m) * radar.cover_factor[static_cast<std::size_t>(cover)];
}

}  // namespace bordersim::sensors
