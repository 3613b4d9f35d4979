#include "bordersim/sensors/camera.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <numbers>

namespace bordersim::sensors {
namespace {

constexpr double kPi = std::numbers::pi;

}  // namespace

CameraSpec default_camera_spec(CameraKind kind) {
  CameraSpec spec;
  spec.kind = kind;
  if (kind == CameraKind::kThermal) {
    spec.pixels = 640.0;
    spec.pitch_um = 17.0;
    spec.focal_mm = 100.0;
    spec.extinction_per_km = 0.2;
    spec.target_contrast = 2.0;     // K
    spec.threshold_contrast = 0.1;  // K
  }
  return spec;
}

double ifov_rad(const CameraSpec& camera) {
  return (camera.pitch_um * 1e-6) / (camera.focal_mm * 1e-3);
}

double detector_hfov_deg(const CameraSpec& camera) {
  const double width_m = camera.pixels * camera.pitch_um * 1e-6;
  return 2.0 * std::atan(width_m / (2.0 * camera.focal_mm * 1e-3)) * 180.0 / kPi;
}

double resolvable_cycles(const CameraSpec& camera, double range_m, double target_size_m) {
  if (range_m <= 0.0) return std::numeric_limits<double>::infinity();
  return target_size_m / (2.0 * range_m * ifov_rad(camera));
}

double contrast_factor(const CameraSpec& camera, double range_m) {
  if (camera.target_contrast <= camera.threshold_contrast) return 0.0;
  const double margin = std::log(camera.target_contrast / camera.threshold_contrast);
  const double optical_depth = camera.extinction_per_km * range_m * 1e-3;
  return std::clamp(1.0 - optical_depth / margin, 0.0, 1.0);
}

double effective_cycles(const CameraSpec& camera, double range_m) {
  const double factor = contrast_factor(camera, range_m);
  if (factor == 0.0) return 0.0;  // also avoids inf · 0 at range 0 with no contrast
  return resolvable_cycles(camera, range_m, camera.target_size_m) * factor;
}

double ttpf(double cycles_over_n50, TtpfExponent form, double constant_exponent) {
  const double x = cycles_over_n50;
  if (!(x > 0.0)) return 0.0;
  if (std::isinf(x)) return 1.0;
  const double e = form == TtpfExponent::kVariable ? 2.7 + 0.7 * x : constant_exponent;
  // x^E / (1 + x^E) = 1 / (1 + x^−E): stays finite where x^E would overflow.
  return 1.0 / (1.0 + std::pow(x, -e));
}

double p_infinity(const CameraSpec& camera, double range_m) {
  return ttpf(effective_cycles(camera, range_m) / camera.n50_cycles, camera.exponent_form,
              camera.constant_exponent);
}

double light_factor(const CameraSpec& camera, const SunState& sun) {
  switch (camera.kind) {
    case CameraKind::kVisible:
      return sun.elevation_deg < camera.darkness_elevation_deg ? 0.0 : 1.0;
    case CameraKind::kThermal: {
      const ThermalDiurnal& t = camera.thermal;
      const double crossover =
          sun.hours_to_sun_event <= t.crossover_half_width_h ? t.crossover_factor : 1.0;
      const double sun_height = std::max(0.0, std::sin(sun.elevation_deg * kPi / 180.0));
      return crossover * (1.0 - (1.0 - t.noon_factor) * sun_height);
    }
  }
  return 0.0;
}

double glimpse_probability(const CameraSpec& camera, double range_m, double concealment,
                           const SunState& sun) {
  const double open = 1.0 - std::clamp(concealment, 0.0, 1.0);
  return p_infinity(camera, range_m) * open * light_factor(camera, sun);
}

bool is_scanning(const CameraSpec& camera) {
  return camera.scan_period_s > 0.0 && camera.hfov_deg < camera.scan_sector_deg;
}

double revisit_s(const CameraSpec& camera) {
  return is_scanning(camera) ? camera.scan_period_s : camera.stare_glimpse_s;
}

double dwell_s(const CameraSpec& camera) {
  if (!is_scanning(camera)) return revisit_s(camera);
  return camera.hfov_deg / camera.scan_sector_deg * camera.scan_period_s;
}

}  // namespace bordersim::sensors
