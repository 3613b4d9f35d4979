// Camera detection physics (IFOV, Johnson cycles, TTPF, extinction, concealment, light)
// and the arithmetic of scan glimpse schedules.
#include <doctest/doctest.h>

#include <cmath>
#include <cstdint>
#include <initializer_list>
#include <optional>

#include "../support/proportions.h"
#include "bordersim/random/stream.h"
#include "bordersim/sensors/camera.h"
#include "bordersim/sensors/glimpse_schedule.h"

namespace bordersim::sensors {
namespace {

// A camera with IFOV = 10 µm / 100 mm = 0.1 mrad and a clear atmosphere, so that
// N = 0.75 m / (2 r · 1e-4) = 3750 / r exactly.
CameraSpec clear_camera() {
  CameraSpec c;
  c.pitch_um = 10.0;
  c.focal_mm = 100.0;
  c.extinction_per_km = 0.0;
  return c;
}

SunState day() { return SunState{45.0, 5.0, Light::kDay}; }

TEST_CASE("camera: IFOV and resolvable cycles, one cycle being two pixels") {
  const CameraSpec thermal = default_camera_spec(CameraKind::kThermal);
  CHECK(ifov_rad(thermal) == doctest::Approx(1.7e-4));  // 17 µm / 100 mm
  // 0.75 m at 3 km: 0.75 / (2 · 3000 · 1.7e-4) = 0.73529... cycles.
  CHECK(resolvable_cycles(thermal, 3000.0, 0.75) == doctest::Approx(0.75 / 1.02));
  const CameraSpec visible = default_camera_spec(CameraKind::kVisible);
  CHECK(ifov_rad(visible) == doctest::Approx(3e-5));  // 3 µm / 100 mm
  // The target spans size/(r·IFOV) pixels; cycles are half of that.
  CHECK(resolvable_cycles(visible, 1000.0, 0.75) == doctest::Approx(0.5 * 0.75 / (1000.0 * 3e-5)));
  // 640 × 17 µm = 10.88 mm behind 100 mm: 2·atan(5.44 mm / 100 mm) = 6.2276°.
  CHECK(detector_hfov_deg(thermal) == doctest::Approx(6.2276).epsilon(1e-4));
}

TEST_CASE("camera: TTPF is one half at N50 and matches hand-computed values") {
  CHECK(ttpf(1.0, TtpfExponent::kVariable) == 0.5);
  CHECK(ttpf(1.0, TtpfExponent::kConstant, 3.4) == 0.5);
  CHECK(ttpf(0.0, TtpfExponent::kVariable) == 0.0);
  const CameraSpec c = clear_camera();
  // r = 2500: N = 1.5, x = 2, E = 4.1, 2^4.1 / (1 + 2^4.1) = 0.944899
  // r = 5000: N = 0.75 = N50, P = 0.5 exactly
  // r = 7500: N = 0.5, x = 2/3, E = 3.1667, P = 0.216875
  CHECK(p_infinity(c, 2500.0) == doctest::Approx(0.9448986).epsilon(1e-6));
  CHECK(p_infinity(c, 5000.0) == doctest::Approx(0.5).epsilon(1e-12));
  CHECK(p_infinity(c, 7500.0) == doctest::Approx(0.2168747).epsilon(1e-6));
  CameraSpec constant = c;
  constant.exponent_form = TtpfExponent::kConstant;  // E = 3.4: 2^3.4/(1+2^3.4) = 0.913465
  CHECK(p_infinity(constant, 2500.0) == doctest::Approx(0.9134653).epsilon(1e-6));
  CHECK(p_infinity(constant, 7500.0) == doctest::Approx(0.2012369).epsilon(1e-6));
}

TEST_CASE("camera: detection probability decreases with range") {
  for (CameraKind kind : {CameraKind::kVisible, CameraKind::kThermal}) {
    const CameraSpec c = default_camera_spec(kind);
    double previous = 1.0;
    for (double r = 50.0; r < 30000.0; r *= 1.1) {
      const double p = p_infinity(c, r);
      CHECK(p <= previous);
      CHECK(p >= 0.0);
      previous = p;
    }
    CHECK(previous == 0.0);  // beyond the range where contrast meets the threshold
  }
}

TEST_CASE("camera: extinction reduces effective cycles linearly to the contrast range") {
  CameraSpec c = default_camera_spec(CameraKind::kThermal);  // σ = 0.2/km, ΔT 2 K, MRT 0.1 K
  // factor = 1 − σr / ln(C0/Ct) = 1 − 0.6 / ln 20 at 3 km
  CHECK(contrast_factor(c, 3000.0) == doctest::Approx(1.0 - 0.6 / std::log(20.0)));
  CHECK(contrast_factor(c, 0.0) == 1.0);
  CHECK(contrast_factor(c, 1000.0 * std::log(20.0) / 0.2 + 1.0) == 0.0);
  CHECK(effective_cycles(c, 3000.0) ==
        doctest::Approx(resolvable_cycles(c, 3000.0, 0.75) * (1.0 - 0.6 / std::log(20.0))));
  c.target_contrast = c.threshold_contrast;  // no contrast: never detected
  CHECK(p_infinity(c, 100.0) == 0.0);
}

TEST_CASE("camera: concealment multiplies the glimpse probability by 1 - c") {
  const CameraSpec c = clear_camera();
  CHECK(glimpse_probability(c, 5000.0, 0.0, day()) == doctest::Approx(0.5));
  CHECK(glimpse_probability(c, 5000.0, 0.6, day()) == doctest::Approx(0.2));
  CHECK(glimpse_probability(c, 5000.0, 1.0, day()) == 0.0);
}

TEST_CASE("camera: visible cameras go blind after civil twilight") {
  const CameraSpec c = clear_camera();
  const double p = p_infinity(c, 4000.0);
  CHECK(glimpse_probability(c, 4000.0, 0.0, SunState{10.0, 3.0, Light::kDay}) == p);
  CHECK(glimpse_probability(c, 4000.0, 0.0, SunState{-3.0, 0.3, Light::kTwilight}) == p);
  CHECK(glimpse_probability(c, 4000.0, 0.0, SunState{-5.99, 0.5, Light::kTwilight}) == p);
  CHECK(glimpse_probability(c, 4000.0, 0.0, SunState{-6.01, 0.5, Light::kNight}) == 0.0);
  CHECK(glimpse_probability(c, 4000.0, 0.0, SunState{-40.0, 6.0, Light::kNight}) == 0.0);
}

TEST_CASE("camera: thermal cameras lose contrast at crossover and in the heat of the day") {
  CameraSpec c = clear_camera();
  c.kind = CameraKind::kThermal;
  c.thermal = ThermalDiurnal{1.0, 0.5, 0.8};
  const double p = p_infinity(c, 4000.0);
  // Night, far from sunrise/sunset: full performance.
  CHECK(glimpse_probability(c, 4000.0, 0.0, SunState{-40.0, 6.0, Light::kNight}) == p);
  // Within an hour of sunset (sun near the horizon): crossover halves it.
  CHECK(glimpse_probability(c, 4000.0, 0.0, SunState{-2.0, 0.2, Light::kTwilight}) ==
        doctest::Approx(0.5 * p));
  CHECK(glimpse_probability(c, 4000.0, 0.0, SunState{-8.0, 0.99, Light::kNight}) ==
        doctest::Approx(0.5 * p));
  CHECK(glimpse_probability(c, 4000.0, 0.0, SunState{-12.0, 1.01, Light::kNight}) == p);
  // Sun at the zenith: noon factor 0.8; at 30° elevation: 1 − 0.2 · 0.5 = 0.9.
  CHECK(glimpse_probability(c, 4000.0, 0.0, SunState{90.0, 6.0, Light::kDay}) ==
        doctest::Approx(0.8 * p));
  CHECK(glimpse_probability(c, 4000.0, 0.0, SunState{30.0, 3.0, Light::kDay}) ==
        doctest::Approx(0.9 * p));
}

TEST_CASE("camera: scanning dwell is hfov over sector times the period") {
  CameraSpec c;
  c.hfov_deg = 30.0;
  c.scan_period_s = 60.0;
  c.scan_sector_deg = 360.0;
  CHECK(is_scanning(c));
  CHECK(revisit_s(c) == 60.0);
  CHECK(dwell_s(c) == doctest::Approx(5.0));
  c.scan_sector_deg = 120.0;
  CHECK(dwell_s(c) == doctest::Approx(15.0));
  c.scan_period_s = 0.0;  // fixed stare: glimpses every stare_glimpse_s, always in view
  CHECK_FALSE(is_scanning(c));
  CHECK(revisit_s(c) == c.stare_glimpse_s);
  CHECK(dwell_s(c) == c.stare_glimpse_s);
}

// Counts glimpses by enumeration, the slow way the schedule must agree with.
std::int64_t brute_count(const GlimpseTrain& g, Time t0, Time t1) {
  std::int64_t n = 0;
  for (Time t = g.offset - 50 * g.period; t < t1 + g.period; t += g.period) {
    if (t >= t0 && t < t1) ++n;
  }
  return n;
}

TEST_CASE("glimpse schedule: counts and first glimpses agree with enumeration") {
  for (const GlimpseTrain g : {GlimpseTrain{0, 1000}, GlimpseTrain{999, 1000},
                               GlimpseTrain{7, 60000}, GlimpseTrain{123, 3400}}) {
    for (Time t0 :
         {Time{-2500}, Time{0}, Time{6}, Time{7}, Time{8}, Time{999}, Time{59999}, Time{120007}}) {
      for (Time len :
           {Time{0}, Time{1}, Time{999}, Time{1000}, Time{1001}, Time{60000}, Time{250000}}) {
        CAPTURE(g.offset);
        CAPTURE(g.period);
        CAPTURE(t0);
        CAPTURE(len);
        CHECK(glimpse_count(g, t0, t0 + len) == brute_count(g, t0, t0 + len));
        const Time first = first_glimpse_at_or_after(g, t0);
        CHECK(first >= t0);
        CHECK(first - t0 < g.period);
        CHECK((first - g.offset) % g.period == 0);
      }
    }
  }
}

TEST_CASE(
    "glimpse schedule: a full-circle scan glimpses each bearing when the view centre crosses it") {
  ScanPattern p;
  p.period = 60000;
  p.hfov_deg = 30.0;
  p.centre_deg = 0.0;
  p.sector_deg = 360.0;  // sweep starts at bearing 180 at the phase instant
  const Time phase = 5000;
  CHECK(glimpse_train(p, phase, 180.0)->offset == 5000);
  CHECK(glimpse_train(p, phase, 270.0)->offset == 20000);  // a quarter turn later
  CHECK(glimpse_train(p, phase, 0.0)->offset == 35000);
  CHECK(glimpse_train(p, phase, 90.0)->offset == 50000);
  CHECK(glimpse_train(p, phase, 179.0)->offset == (5000 + 59833) % 60000);
  CHECK(glimpse_train(p, phase, -90.0)->offset == 20000);  // bearings wrap
}

TEST_CASE("glimpse schedule: sector scans and stares see only their bearings") {
  ScanPattern sector;
  sector.period = 30000;
  sector.hfov_deg = 20.0;
  sector.centre_deg = 90.0;
  sector.sector_deg = 120.0;  // the view centre sweeps 30° .. 150°
  CHECK(glimpse_train(sector, 0, 30.0)->offset == 0);
  CHECK(glimpse_train(sector, 0, 90.0)->offset == 15000);
  CHECK(glimpse_train(sector, 0, 21.0)->offset == 0);   // inside hfov/2 of the start edge
  CHECK(glimpse_train(sector, 0, 159.0)->offset == 0);  // end edge: same instant, flyback
  CHECK_FALSE(glimpse_train(sector, 0, 19.0).has_value());
  CHECK_FALSE(glimpse_train(sector, 0, 270.0).has_value());

  CameraSpec c;
  c.hfov_deg = 30.0;
  c.scan_period_s = 0.0;
  const ScanPattern stare = scan_pattern(c, 45.0);
  CHECK(stare.sector_deg == 0.0);
  CHECK(stare.period == 3400);
  CHECK(glimpse_train(stare, 100, 59.0)->offset == 100);
  CHECK_FALSE(glimpse_train(stare, 100, 61.0).has_value());
}

TEST_CASE("glimpse schedule: first detection lands on a glimpse inside the window") {
  Stream stream(StreamKey{99, 0, EntityKey{EntityKind::kTower, 1}, Purpose::kDetection});
  const GlimpseTrain g{250, 10000};
  CHECK(first_detection(g, 0, 100000, 1.0, stream) == 250);
  CHECK(first_detection(g, 300, 100000, 1.0, stream) == 10250);
  CHECK(first_detection(g, 0, 100000, 0.0, stream) == kNever);
  CHECK(first_detection(g, 251, 10250, 1.0, stream) == kNever);  // no glimpse inside
  for (int i = 0; i < 1000; ++i) {
    const Time t = first_detection(g, 1000, 61000, 0.2, stream);
    if (t == kNever) continue;
    CHECK(t >= 1000);
    CHECK(t < 61000);
    CHECK((t - 250) % 10000 == 0);
  }
  // Tiny probabilities neither overflow nor detect in a short window.
  CHECK(first_detection(g, 0, 100000, 1e-300, stream) == kNever);
}

TEST_CASE("glimpse schedule: the phase is uniform on the period and reproducible") {
  const StreamKey key{5, 3, EntityKey{EntityKind::kTower, 12}, Purpose::kAttributes};
  Stream a(key);
  Stream b(key);
  CHECK(draw_scan_phase(a, 60000) == draw_scan_phase(b, 60000));
  Stream s(key);
  double sum = 0.0;
  const int n = 20000;
  for (int i = 0; i < n; ++i) {
    const Time phase = draw_scan_phase(s, 60000);
    REQUIRE(phase >= 0);
    REQUIRE(phase < 60000);
    sum += static_cast<double>(phase);
  }
  // Mean of the uniform on {0..59999} is 29999.5, sd 17320.5; 99% half-width 2.576 sd/√n.
  CHECK(std::abs(sum / n - 29999.5) <
        bordersim::testing::kZ99 * 17320.5 / std::sqrt(static_cast<double>(n)));
}

}  // namespace
}  // namespace bordersim::sensors
