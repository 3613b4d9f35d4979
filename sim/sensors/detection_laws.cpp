#include "bordersim/sensors/detection_laws.h"

#include <algorithm>
#include <array>
#include <boost/math/quadrature/gauss_kronrod.hpp>
#include <boost/math/quadrature/tanh_sinh.hpp>
#include <cmath>
#include <initializer_list>
#include <numbers>
#include <stdexcept>
#include <string>
#include <vector>

namespace bordersim::sensors {
namespace {

constexpr double kPi = std::numbers::pi;

void require(bool ok, const char* function, const char* what) {
  if (!ok) throw std::invalid_argument(std::string(function) + ": " + what);
}

// Integrates f over [a, b] piecewise between the sorted breakpoints that fall inside.
template <class F, class Integrate>
double piecewise(F f, double a, double b, std::vector<double> cuts, Integrate integrate) {
  cuts.push_back(a);
  cuts.push_back(b);
  std::sort(cuts.begin(), cuts.end());
  double total = 0.0;
  double lo = a;
  for (double c : cuts) {
    if (c <= lo || c > b) continue;
    total += integrate(f, lo, c);
    lo = c;
  }
  return total;
}

struct Interval {
  double lo;
  double hi;
};

// The phase shifts τ at which one leg of the patrol's zigzag meets the detection ellipse
// u²t² + (s − x)² ≤ R². The leg runs t_leg(s) = t_a + slope·(s − s_a) over s ∈ [0, L].
Interval leg_shifts(double x, const BarrierPatrol& p, double t_a, double s_a, double slope) {
  const double r = p.range_m;
  const double u = p.crosser_speed_mps;
  const double s_lo = std::max(0.0, x - r);
  const double s_hi = std::min(p.length_m, x + r);
  const auto half_width = [&](double s) {
    const double d = s - x;
    return std::sqrt(std::max(0.0, r * r - d * d)) / u;
  };
  const auto t_leg = [&](double s) { return t_a + slope * (s - s_a); };
  // max of h(s) − t_leg(s) and of h(s) + t_leg(s): h'(s) = ∓slope at s − x = ∓cu·R/√(1+c²u²).
  const double cu = slope * u;
  const double d_star = cu * r / std::sqrt(1.0 + cu * cu);
  const double s_max = std::clamp(x - d_star, s_lo, s_hi);
  const double s_min = std::clamp(x + d_star, s_lo, s_hi);
  return {-half_width(s_min) - t_leg(s_min), half_width(s_max) - t_leg(s_max)};
}

// Measure of the union of intervals taken modulo `period`, as a fraction of the period.
double circular_cover(const std::array<Interval, 2>& intervals, double period) {
  std::vector<Interval> pieces;
  for (const Interval& iv : intervals) {
    const double length = iv.hi - iv.lo;
    if (length <= 0.0) continue;
    if (length >= period) return 1.0;
    double lo = std::fmod(iv.lo, period);
    if (lo < 0) lo += period;
    const double hi = lo + length;
    if (hi <= period) {
      pieces.push_back({lo, hi});
    } else {
      pieces.push_back({lo, period});
      pieces.push_back({0.0, hi - period});
    }
  }
  std::sort(pieces.begin(), pieces.end(), [](auto& a, auto& b) { return a.lo < b.lo; });
  double covered = 0.0;
  double end = 0.0;
  for (const Interval& iv : pieces) {
    const double lo = std::max(iv.lo, end);
    if (iv.hi > lo) covered += iv.hi - lo;
    end = std::max(end, iv.hi);
  }
  return std::min(1.0, covered / period);
}

void check_patrol(const BarrierPatrol& p, const char* function) {
  require(p.length_m > 0 && p.patrol_speed_mps > 0 && p.range_m >= 0 && p.crosser_speed_mps > 0,
          function, "need length, patrol and crosser speed > 0 and range >= 0");
}

}  // namespace

double definite_range_barrier(double range_m, double spacing_m) {
  require(range_m >= 0 && spacing_m > 0, "definite_range_barrier", "need range >= 0, spacing > 0");
  return std::min(1.0, 2.0 * range_m / spacing_m);
}

double constant_hazard_barrier(double range_m, double spacing_m, double rate_per_s,
                               double speed_mps) {
  require(range_m >= 0 && spacing_m > 0 && rate_per_s >= 0 && speed_mps > 0,
          "constant_hazard_barrier", "need range, rate >= 0 and spacing, speed > 0");
  const double r = range_m;
  const double s = spacing_m;
  if (r == 0.0 || rate_per_s == 0.0) return 0.0;
  // Sensors at j·s for every integer j; the integrand is even and s-periodic, so
  // integrate over [0, s/2] and double.
  const auto j_max = static_cast<long>(std::ceil(r / s)) + 1;
  const double k = 2.0 * rate_per_s / speed_mps;
  const auto detect = [&](double x) {
    double chords = 0.0;
    for (long j = -j_max; j <= j_max; ++j) {
      const double d = x - static_cast<double>(j) * s;
      if (std::abs(d) < r) chords += std::sqrt(r * r - d * d);
    }
    return -std::expm1(-k * chords);
  };
  std::vector<double> cuts;
  for (long j = -j_max; j <= j_max; ++j) {
    for (double c : {static_cast<double>(j) * s - r, static_cast<double>(j) * s + r}) {
      if (c > 0.0 && c < s / 2) cuts.push_back(c);
    }
  }
  boost::math::quadrature::tanh_sinh<double> tanh_sinh;
  const auto integrate = [&](const auto& f, double a, double b) {
    return tanh_sinh.integrate(f, a, b);
  };
  return std::clamp(2.0 / s * piecewise(detect, 0.0, s / 2, cuts, integrate), 0.0, 1.0);
}

double inverse_cube_lateral_range(double lateral_m, double k, double height_m, double speed_mps) {
  require(k >= 0 && height_m > 0 && speed_mps > 0, "inverse_cube_lateral_range",
          "need k >= 0 and height, speed > 0");
  if (lateral_m == 0.0) return k > 0 ? 1.0 : 0.0;
  return -std::expm1(-2.0 * k * height_m / (speed_mps * lateral_m * lateral_m));
}

double inverse_cube_lateral_range_slant(double lateral_m, double k, double height_m,
                                        double speed_mps) {
  require(k >= 0 && height_m > 0 && speed_mps > 0, "inverse_cube_lateral_range_slant",
          "need k >= 0 and height, speed > 0");
  const double rho2 = height_m * height_m + lateral_m * lateral_m;
  return -std::expm1(-2.0 * k * height_m / (speed_mps * rho2));
}

double inverse_cube_sweep_width(double k, double height_m, double speed_mps) {
  require(k >= 0 && height_m > 0 && speed_mps > 0, "inverse_cube_sweep_width",
          "need k >= 0 and height, speed > 0");
  return 2.0 * std::sqrt(2.0 * kPi * k * height_m / speed_mps);
}

double random_search(double sweep_width_m, double speed_mps, double time_s, double area_m2) {
  require(sweep_width_m >= 0 && speed_mps >= 0 && time_s >= 0 && area_m2 > 0, "random_search",
          "need width, speed, time >= 0 and area > 0");
  return -std::expm1(-sweep_width_m * speed_mps * time_s / area_m2);
}

double scanning_detection(double in_view_s, double period_s, double glimpse_probability) {
  require(in_view_s >= 0 && period_s > 0 && glimpse_probability >= 0 && glimpse_probability <= 1,
          "scanning_detection", "need time >= 0, period > 0, probability in [0, 1]");
  const double ratio = in_view_s / period_s;
  const double whole = std::floor(ratio);
  const double frac = ratio - whole;
  const double miss =
      std::pow(1.0 - glimpse_probability, whole) * (1.0 - frac * glimpse_probability);
  return 1.0 - miss;
}

double back_and_forth_patrol_at(double crossing_m, const BarrierPatrol& patrol) {
  check_patrol(patrol, "back_and_forth_patrol_at");
  require(crossing_m >= 0 && crossing_m <= patrol.length_m, "back_and_forth_patrol_at",
          "crossing point outside [0, length]");
  if (patrol.range_m == 0.0) return 0.0;
  const double l = patrol.length_m;
  const double v = patrol.patrol_speed_mps;
  // Base legs: forward (0, 0) → (L/v, L) and backward (L/v, L) → (2L/v, 0).
  const std::array<Interval, 2> shifts{leg_shifts(crossing_m, patrol, 0.0, 0.0, 1.0 / v),
                                       leg_shifts(crossing_m, patrol, l / v, l, -1.0 / v)};
  return circular_cover(shifts, 2.0 * l / v);
}

double back_and_forth_patrol(const BarrierPatrol& patrol) {
  check_patrol(patrol, "back_and_forth_patrol");
  const double l = patrol.length_m;
  const double r = patrol.range_m;
  const double ratio = patrol.patrol_speed_mps / patrol.crosser_speed_mps;
  const double clamp_edge = r / std::sqrt(1.0 + ratio * ratio);  // where s* leaves [0, L]
  const double overlap_edge = r * std::sqrt(1.0 + ratio * ratio);
  std::vector<double> cuts;
  for (double d : {r, clamp_edge, overlap_edge}) {
    cuts.push_back(d);
    cuts.push_back(l - d);
  }
  const auto p_at = [&](double x) {
    return back_and_forth_patrol_at(std::clamp(x, 0.0, l), patrol);
  };
  const auto integrate = [](const auto& f, double a, double b) {
    return boost::math::quadrature::gauss_kronrod<double, 31>::integrate(f, a, b, 12, 1e-10);
  };
  return std::clamp(piecewise(p_at, 0.0, l, cuts, integrate) / l, 0.0, 1.0);
}

double back_and_forth_patrol_interior(const BarrierPatrol& patrol) {
  check_patrol(patrol, "back_and_forth_patrol_interior");
  const double ratio = patrol.patrol_speed_mps / patrol.crosser_speed_mps;
  return 2.0 * patrol.range_m / patrol.length_m * std::sqrt(1.0 + ratio * ratio);
}

}  // namespace bordersim::sensors
