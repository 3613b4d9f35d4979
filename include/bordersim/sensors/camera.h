#pragma once
// A camera's probability of detecting a person in one glimpse: resolvable cycles on the
// target (Johnson), the target transfer probability function (TTPF), atmospheric
// extinction, concealment by land cover, and light (day/night, thermal crossover). Pure
// functions of a CameraSpec and the sighting; the scanning schedule is glimpse_schedule.h.
//
// Chain, per glimpse at slant range r:
//   IFOV      = pitch / focal                                  [rad per pixel]
//   N         = target / (2 r IFOV)                            [cycles; one cycle = 2 pixels]
//   N_eff     = N · contrast_factor(r)                         [extinction, see below]
//   P∞        = TTPF(N_eff / N50)
//   P_glimpse = P∞ · (1 − concealment) · light_factor(sun)
#include "bordersim/sensors/sun.h"

namespace bordersim::sensors {

enum class CameraKind { kVisible, kThermal };

// Exponent of the TTPF P = x^E / (1 + x^E), x = N / N50.
//  kVariable: E = 2.7 + 0.7 x, the empirical fit of NVESD's (formerly the Night Vision
//    Laboratory's) ACQUIRE model used with Johnson's N50 criteria (see Driggers, Cox,
//    Edwards, "Introduction to Infrared and Electro-Optical Systems", 1999). The default:
//    it is the form the N50 values below go with, and its exponent grows with x, so the
//    curve saturates faster at short range than a logistic with a fixed slope.
//  kConstant: E fixed (constant_exponent), the plain fixed-slope logistic that simpler
//    Johnson-curve fits and many simulations use; the default 3.4 is kVariable's exponent
//    at N = N50, so the two forms agree near the 50 % point and part in the tails.
enum class TtpfExponent { kVariable, kConstant };

// Thermal contrast through the day. A person's contrast against the ground vanishes when
// the ground warms or cools through body-surface temperature: around sunrise and sunset
// ("thermal crossover"); and hot ground at midday lowers it ("heat of day"). Both are
// modelled as factors on the glimpse probability. The values are engineering
// assumptions, not fits: crossover lasts on the order of an hour and halves detection in
// the usual operator accounts; midday loss is mild. Scenarios should override them.
struct ThermalDiurnal {
  double crossover_half_width_h = 1.0;  // factor applies within ± this of sunrise/sunset
  double crossover_factor = 0.5;        // glimpse probability multiplier inside the window
  double noon_factor = 0.8;             // multiplier with the sun at the zenith; scales with
                                        // sin(elevation), 1 with the sun down
};

// Defaults describe the visible day camera of the default scenario;
// default_camera_spec(kThermal) gives the thermal one. Angles in degrees, lengths as keyed.
struct CameraSpec {
  CameraKind kind = CameraKind::kVisible;
  double hfov_deg = 30.0;      // horizontal field of view used for scanning (scenario value)
  double pixels = 1920.0;      // horizontal detector pixels
  double focal_mm = 100.0;     // lens focal length
  double pitch_um = 3.0;       // detector pixel pitch (3 µm: 1080p CMOS; 17 µm: uncooled LWIR)
  double scan_period_s = 0.0;  // time to sweep the scan sector once; 0 = fixed stare
  double scan_sector_deg = 360.0;  // bearing span the view's centre sweeps; 360 = full circle
  // A staring camera "glimpses" every stare_glimpse_s: with glimpses of probability P∞ at
  // this interval, the mean time to detect is ≈ 3.4 s / P∞ (for small P∞), the time
  // constant of NVESD's field-of-view search model, τ = 3.4 s / P∞ (Howe, "Electro-Optical
  // Imaging System Performance Prediction", IR/EO Systems Handbook vol. 4, 1993). Unlike
  // that model, independent glimpses let P → 1 rather than P∞ with unlimited time.
  double stare_glimpse_s = 3.4;
  // Cycles across the critical dimension for 50 % detection: 0.75, NVESD's detection
  // criterion for the two-dimensional form of Johnson's criteria (Driggers et al. 1999;
  // Johnson's 1958 one-dimensional value was 1.0 ± 0.25). Camera datasheets state the same
  // thing as "detection at 1.5 pixels on target" in their DRI ranges.
  double n50_cycles = 0.75;
  // Critical dimension of a standing person: 0.75 m, the value thermal-camera DRI
  // (detection/recognition/identification) range tables use for a 1.8 m × 0.5 m man.
  double target_size_m = 0.75;
  TtpfExponent exponent_form = TtpfExponent::kVariable;
  double constant_exponent = 3.4;  // used with TtpfExponent::kConstant
  // Extinction coefficient σ (Beer–Lambert). 0.17/km is 23 km meteorological visibility
  // (3.912/V, Koschmieder), the "clear" rural standard atmosphere of LOWTRAN/MODTRAN.
  double extinction_per_km = 0.17;
  // Inherent target contrast C0 and the camera's threshold contrast Ct (same units:
  // visible, fractional luminance contrast; thermal, kelvin of ΔT and of MRT). Visible:
  // a clothed person against desert or steppe, C0 ≈ 0.3 (assumption); Ct = 0.02, the
  // contrast threshold behind Koschmieder's visibility (CIE / WMO).
  double target_contrast = 0.3;
  double threshold_contrast = 0.02;
  // Visible cameras see nothing with the sun below this elevation: −6°, the end of civil
  // twilight (USNO: the limit for outdoor work without artificial light). A low-light
  // (image-intensified) camera could use −12° (nautical twilight).
  double darkness_elevation_deg = kCivilTwilightElevationDeg;
  ThermalDiurnal thermal;  // used by thermal cameras only
};

// Documented defaults per kind. Thermal: 640 px, 17 µm uncooled LWIR, 100 mm (the default
// scenario's), σ = 0.2/km (LWIR in a mid-latitude summer atmosphere, 23 km visibility; it
// is dominated by water vapour, not haze), ΔT0 = 2 K (NVESD's standard DRI target) and an
// MRT threshold of 0.1 K (twice a typical 50 mK NETD).
CameraSpec default_camera_spec(CameraKind kind);

// Instantaneous field of view of one pixel, in radians: pitch / focal.
double ifov_rad(const CameraSpec& camera);

// The field of view the detector and lens imply, 2·atan(pixels·pitch / 2·focal), in
// degrees. Scenario loaders can compare it with hfov_deg (they often disagree: a scanning
// head may carry a zoom lens).
double detector_hfov_deg(const CameraSpec& camera);

// Resolvable cycles across a target of `target_size_m` at `range_m`, geometric (Nyquist)
// limit: one cycle is two pixels, so N = target / (2 · range · IFOV).
double resolvable_cycles(const CameraSpec& camera, double range_m, double target_size_m);

// Atmospheric loss as a factor on resolvable cycles, in [0, 1].
// Model: the apparent contrast falls as C(r) = C0·exp(−σr) (Beer–Lambert for the thermal
// ΔT; Koschmieder for visible contrast against the horizon). A frequency f is resolved
// while C(r) ≥ MRC(f), the camera's minimum resolvable contrast. We take the MRC curve
// log-linear in frequency (the exponential fits of MRT/MRC curves used in FLIR models),
// anchored so that the target's inherent contrast is resolved up to the Nyquist frequency:
// MRC(f) = Ct·(C0/Ct)^(f/f_N). Solving gives f(r) = f_N·(1 − σr / ln(C0/Ct)), hence
//   factor(r) = clamp(1 − σ r / ln(C0/Ct), 0, 1):
// monotone, 1 with a clear atmosphere, and 0 beyond the range where the apparent contrast
// reaches the threshold (Koschmieder's visual range 3.912/σ when C0/Ct = 50).
double contrast_factor(const CameraSpec& camera, double range_m);

// N_eff = N(range, target_size_m) · contrast_factor(range).
double effective_cycles(const CameraSpec& camera, double range_m);

// TTPF: x^E / (1 + x^E) with x = cycles / n50; 0 for x <= 0; exactly 0.5 at x = 1.
double ttpf(double cycles_over_n50, TtpfExponent form, double constant_exponent = 3.4);

// P∞: the probability of detection given unlimited looks at this range in clear light,
// before concealment and light: TTPF(N_eff / N50).
double p_infinity(const CameraSpec& camera, double range_m);

// Light factor in [0, 1]. Visible: 0 when the sun is below darkness_elevation_deg (−6°,
// the end of civil twilight), else 1. Thermal: crossover_factor within crossover_half_width_h of
// sunrise or sunset, times 1 − (1 − noon_factor)·max(0, sin elevation).
double light_factor(const CameraSpec& camera, const SunState& sun);

// Per-glimpse detection probability of a person at slant range `range_m` standing in land
// cover of concealment c ∈ [0, 1]: P∞ · (1 − c) · light_factor.
double glimpse_probability(const CameraSpec& camera, double range_m, double concealment,
                           const SunState& sun);

// Scanning: a camera scans when scan_period_s > 0 and its field of view is narrower than
// the sector it sweeps; otherwise it stares.
bool is_scanning(const CameraSpec& camera);
// Time between two glimpses of one bearing: the scan period, or stare_glimpse_s.
double revisit_s(const CameraSpec& camera);
// Time per revisit during which a given bearing is inside the field of view:
// hfov / sector × period when scanning, the whole revisit interval when staring.
double dwell_s(const CameraSpec& camera);

}  // namespace bordersim::sensors
