// The closed forms of sensors/detection_laws.h against Monte-Carlo experiments built from
// each law's own definition (geometry and hazards, not the formula under test), with
// fixed seeds and tolerances from the 99% normal interval of a binomial proportion at the
// theoretical value. The scanning check runs through the event engine and keyed streams,
// as the model will.
#include <doctest/doctest.h>

#include <algorithm>
#include <array>
#include <boost/math/quadrature/gauss_kronrod.hpp>
#include <boost/random/exponential_distribution.hpp>
#include <cmath>
#include <cstdint>
#include <initializer_list>
#include <limits>
#include <numbers>
#include <utility>
#include <vector>

#include "../support/proportions.h"
#include "bordersim/core/simulator.h"
#include "bordersim/random/stream.h"
#include "bordersim/sensors/detection_laws.h"
#include "bordersim/sensors/glimpse_schedule.h"

namespace bordersim::sensors {
namespace {

using bordersim::testing::kZ99;
constexpr double kPi = std::numbers::pi;

Stream stream_for(std::uint64_t seed, std::uint64_t replication = 0) {
  return Stream(
      StreamKey{seed, replication, EntityKey{EntityKind::kBenchmark, 0}, Purpose::kDetection});
}

void check_proportion(std::uint64_t hits, std::uint64_t n, double theory) {
  const double rate = static_cast<double>(hits) / static_cast<double>(n);
  const double half_width = kZ99 * std::sqrt(theory * (1.0 - theory) / static_cast<double>(n));
  INFO("simulated " << rate << " over " << n << ", theory " << theory << ", 99% half-width "
                    << half_width);
  CHECK(std::abs(rate - theory) <= half_width);
}

template <class F>
double integrate(F f, double a, double b) {
  return boost::math::quadrature::gauss_kronrod<double, 61>::integrate(f, a, b, 15, 1e-12);
}

// ---------------------------------------------------------------- closed-form identities

TEST_CASE("laws: definite-range barrier is min(1 | 2R/s)") {
  CHECK(definite_range_barrier(600.0, 2000.0) == doctest::Approx(0.6));
  CHECK(definite_range_barrier(1200.0, 2000.0) == 1.0);
  CHECK(definite_range_barrier(0.0, 2000.0) == 0.0);
}

TEST_CASE(
    "laws: constant-hazard barrier equals the single-disc integral when discs do not overlap") {
  // (2/s) ∫₀^R (1 − exp(−2λ√(R² − d²)/u)) dd, as in tests/validation/test_detection_theory.cpp.
  for (const auto& [s, r, lambda, u] :
       {std::array{4000.0, 1500.0, 0.004, 1.2}, std::array{3000.0, 1500.0, 0.001, 2.0},
        std::array{6000.0, 800.0, 0.02, 0.8}}) {
    const double direct =
        2.0 / s *
        integrate(
            [&](double d) { return 1.0 - std::exp(-2.0 * lambda * std::sqrt(r * r - d * d) / u); },
            0.0, r);
    CHECK(constant_hazard_barrier(r, s, lambda, u) == doctest::Approx(direct).epsilon(1e-8));
  }
  // An infinite hazard makes it the definite-range barrier.
  CHECK(constant_hazard_barrier(600.0, 2000.0, 1e6, 1.0) == doctest::Approx(0.6).epsilon(1e-6));
}

TEST_CASE("laws: inverse-cube sweep width is the integral of its lateral range curve") {
  const double k = 5e5, h = 30.0, v = 30.0;
  const double half = integrate([&](double x) { return inverse_cube_lateral_range(x, k, h, v); },
                                0.0, std::numeric_limits<double>::infinity());
  CHECK(2.0 * half == doctest::Approx(inverse_cube_sweep_width(k, h, v)).epsilon(1e-8));
  // W = 2√(πa) with a = 2kh/v = 1e6: 2√π · 1000.
  CHECK(inverse_cube_sweep_width(k, h, v) == doctest::Approx(2000.0 * std::sqrt(kPi)));
}

TEST_CASE("laws: scanning detection counts floor(T/tau) or one more glimpse") {
  // T = 150 s, τ = 60 s: K = 2 or 3 with probability 1/2 each.
  CHECK(scanning_detection(150.0, 60.0, 0.3) == doctest::Approx(1.0 - 0.5 * (0.49 + 0.343)));
  // T = 4 s, τ = 10 s: K = 1 with probability 0.4, else 0.
  CHECK(scanning_detection(4.0, 10.0, 0.8) == doctest::Approx(0.32));
  CHECK(scanning_detection(120.0, 60.0, 0.5) == doctest::Approx(0.75));
  CHECK(scanning_detection(0.0, 60.0, 0.5) == 0.0);
}

TEST_CASE("laws: random search formula") {
  CHECK(random_search(20.0, 10.0, 1000.0, 4e5) == doctest::Approx(1.0 - std::exp(-0.5)));
  CHECK(random_search(20.0, 0.0, 1000.0, 4e5) == 0.0);
}

TEST_CASE("laws: back-and-forth patrol reduces to the interior value away from the ends") {
  const BarrierPatrol p{10000.0, 8.0, 300.0, 1.5};
  CHECK(back_and_forth_patrol_at(5000.0, p) == doctest::Approx(back_and_forth_patrol_interior(p)));
  CHECK(back_and_forth_patrol_interior(p) == doctest::Approx(0.06 * std::sqrt(1.0 + 64.0 / 2.25)));
  // Ends lose: the two passes around a turn cover overlapping phases.
  CHECK(back_and_forth_patrol_at(100.0, p) < back_and_forth_patrol_interior(p));
  CHECK(back_and_forth_patrol(p) < back_and_forth_patrol_interior(p));
  // A crawling patrol is a sensor at a random place: 2R/L.
  const BarrierPatrol slow{10000.0, 1e-6, 300.0, 1.5};
  CHECK(back_and_forth_patrol(slow) == doctest::Approx(0.06).epsilon(1e-3));
}

// ---------------------------------------------------------------- scanning (engine + streams)

enum : std::uint16_t { kEnterView = 1, kDetected = 2 };

struct ScanOutcome {
  std::uint64_t detected = 0;
  double delay_sum_s = 0.0;
};

// Replication r: a full-circle scanning camera with its phase drawn from its own stream;
// a target enters view at a fixed instant and stays for `in_view`; the first-detection
// event is scheduled from glimpse_schedule and counted when the engine fires it.
ScanOutcome simulate_scan(Time period, Time in_view, double g, std::uint64_t seed,
                          int replications) {
  ScanOutcome out;
  const ScanPattern pattern{period, 30.0, 0.0, 360.0};
  const EntityKey camera{EntityKind::kTower, 7};
  for (int r = 0; r < replications; ++r) {
    const auto rep = static_cast<std::uint64_t>(r);
    Stream phase_stream(StreamKey{seed, rep, camera, Purpose::kAttributes});
    Stream detect_stream(StreamKey{seed, rep, camera, Purpose::kDetection});
    const Time phase = draw_scan_phase(phase_stream, period);
    const Time enter = 3'600'000 + 1'234;
    Simulator sim;
    sim.schedule(enter, Phase::kMove, Target{1, 0}, kEnterView);
    sim.run([&](Simulator& s, const Event& e) {
      if (e.kind == kEnterView) {
        const auto train = glimpse_train(pattern, phase, 77.0);
        REQUIRE(train.has_value());
        const Time t = first_detection(*train, s.now(), s.now() + in_view, g, detect_stream);
        if (t != kNever) s.schedule(t, Phase::kSense, e.target, kDetected);
      } else if (e.kind == kDetected) {
        CHECK(s.now() >= enter);
        CHECK(s.now() < enter + in_view);
        ++out.detected;
        out.delay_sum_s += time_to_seconds(s.now() - enter);
      }
    });
  }
  return out;
}

TEST_CASE("laws: glimpse schedule reproduces the scanning random-phase law through the engine") {
  const int n = 20000;
  // τ = 60 s, T = 150 s, g = 0.3: P = 1 − E[(1 − g)^K], K ∈ {2, 3}.
  const ScanOutcome a = simulate_scan(60'000, 150'000, 0.3, 101, n);
  check_proportion(a.detected, n, scanning_detection(150.0, 60.0, 0.3));
  // τ = 10 s, T = 4 s, g = 0.8: at most one glimpse; given detection, the delay is
  // uniform on [0, T) (mean 2 s, sd 4/√12 s).
  const ScanOutcome b = simulate_scan(10'000, 4'000, 0.8, 102, n);
  check_proportion(b.detected, n, scanning_detection(4.0, 10.0, 0.8));
  const double mean_delay = b.delay_sum_s / static_cast<double>(b.detected);
  CHECK(std::abs(mean_delay - 2.0) <=
        kZ99 * (4.0 / std::sqrt(12.0)) / std::sqrt(static_cast<double>(b.detected)));
}

// ---------------------------------------------------------------- inverse-cube law

// One straight pass from y = −Y to +Y at height h and speed v past a target at lateral
// distance x, detection at rate k·h/r³ (r the slant range): the first event of that
// inhomogeneous Poisson process, simulated by thinning (Lewis–Shedler) segment by segment
// with the segment's peak rate as the bound. Segments double in length away from the
// closest approach, so every bound is within a factor 8 of the true rate.
bool inverse_cube_pass(double x, double k, double h, double v, double half_track, Stream& stream) {
  const double rho2 = h * h + x * x;
  const double rho = std::sqrt(rho2);
  const auto rate_per_m = [&](double y) { return k * h / (v * std::pow(rho2 + y * y, 1.5)); };
  std::vector<double> edges{0.0, rho / 4};
  while (edges.back() < half_track) edges.push_back(std::min(half_track, 2.0 * edges.back()));
  std::vector<std::pair<double, double>> segments;  // in order along the track
  for (std::size_t i = edges.size() - 1; i > 0; --i)
    segments.emplace_back(-edges[i], -edges[i - 1]);
  for (std::size_t i = 0; i + 1 < edges.size(); ++i) segments.emplace_back(edges[i], edges[i + 1]);
  for (const auto& [a, b] : segments) {
    const double nearest = (a <= 0.0 && b >= 0.0) ? 0.0 : std::min(std::abs(a), std::abs(b));
    const double bound = rate_per_m(nearest);
    boost::random::exponential_distribution<double> gap(bound);
    for (double y = a + gap(stream); y < b; y += gap(stream)) {
      if (uniform01(stream) * bound < rate_per_m(y)) return true;
    }
  }
  return false;
}

TEST_CASE("laws: inverse-cube lateral range and sweep width against simulated passes") {
  // h = 30 m, v = 30 m/s, k chosen so that a = 2kh/v = (1000 m)²; a 100 km track. With
  // h ≪ 1000 m the classical x ≫ h form differs from the slant one by < 3e-4 at x ≥ 700 m.
  const double k = 5e5, h = 30.0, v = 30.0, half_track = 50'000.0;
  Stream stream = stream_for(201);
  const int n = 20000;
  for (double x : {700.0, 1000.0, 1500.0, 2500.0}) {
    CAPTURE(x);
    std::uint64_t hits = 0;
    for (int i = 0; i < n; ++i) hits += inverse_cube_pass(x, k, h, v, half_track, stream);
    check_proportion(hits, n, inverse_cube_lateral_range(x, k, h, v));
    check_proportion(hits, n, inverse_cube_lateral_range_slant(x, k, h, v));
  }
  // Targets uniform across a strip |x| < X: the detected fraction is (1/2X)∫p, which is
  // W/2X less the tails beyond X.
  const double strip = 5000.0;
  const double theory =
      integrate([&](double x) { return inverse_cube_lateral_range(x, k, h, v); }, 0.0, strip) /
      strip;
  CHECK(theory ==
        doctest::Approx(
            (inverse_cube_sweep_width(k, h, v) -
             2.0 * integrate([&](double x) { return inverse_cube_lateral_range(x, k, h, v); },
                             strip, std::numeric_limits<double>::infinity())) /
            (2.0 * strip)));
  std::uint64_t hits = 0;
  const int targets = 40000;
  for (int i = 0; i < targets; ++i) {
    const double x = (2.0 * uniform01(stream) - 1.0) * strip;
    hits += inverse_cube_pass(x, k, h, v, half_track, stream);
  }
  check_proportion(hits, targets, theory);
}

// ---------------------------------------------------------------- random search

// A searcher wanders a square torus of side S on straight legs of length ℓ with fresh
// uniform headings, detecting a fixed target iff it passes within R (cookie-cutter, sweep
// width 2R). Exact geometry: the distance from the target's nearest image to each leg.
bool random_tour_detects(double side, double leg, double range, int legs, Stream& stream) {
  double px = uniform01(stream) * side;  // the target sits at the origin
  double py = uniform01(stream) * side;
  const auto wrap = [&](double d) { return d - side * std::floor(d / side + 0.5); };
  for (int i = 0; i < legs; ++i) {
    const double heading = 2.0 * kPi * uniform01(stream);
    const double dx = std::cos(heading) * leg;
    const double dy = std::sin(heading) * leg;
    // Target relative to the leg's midpoint, nearest image (ℓ/2 + R < S/2).
    const double tx = wrap(-(px + dx / 2));
    const double ty = wrap(-(py + dy / 2));
    const double along = std::clamp((tx * dx + ty * dy) / (leg * leg), -0.5, 0.5);
    const double ex = tx - along * dx;
    const double ey = ty - along * dy;
    if (ex * ex + ey * ey <= range * range) return true;
    px = px + dx;
    py = py + dy;
  }
  return false;
}

TEST_CASE("laws: random search formula against a random tour with a cookie-cutter sensor") {
  // S = 5 km, R = 10 m (W = 20 m), legs of 2 km: the formula's independence assumption
  // fails only near turns, an O(R/ℓ) = 0.5% error on the exponent, well inside the tolerance.
  const double side = 5000.0, leg = 2000.0, range = 10.0;
  Stream stream = stream_for(301);
  const int n = 20000;
  for (int legs : {300, 900}) {
    CAPTURE(legs);
    std::uint64_t hits = 0;
    for (int i = 0; i < n; ++i) hits += random_tour_detects(side, leg, range, legs, stream);
    const double length = leg * legs;
    check_proportion(hits, n, random_search(2.0 * range, 1.0, length, side * side));
  }
}

// ---------------------------------------------------------------- back-and-forth patrol

// Direct geometry: the patrol's unfolded position w(t) = w0 + v·t on a circle of length
// 2L folds onto [0, L]; the crosser at x passes the barrier at t = 0 at speed u. Detected
// iff min over |t| ≤ R/u of (s(t) − x)² + u²t² ≤ R², each linear piece of s(t) between
// turns minimised in closed form.
bool patrol_detects(const BarrierPatrol& p, double x, double w0) {
  const double l = p.length_m, v = p.patrol_speed_mps, u = p.crosser_speed_mps, r = p.range_m;
  const double t_lo = -r / u, t_hi = r / u;
  const double w_lo = w0 + v * t_lo;
  double t_start = t_lo;
  for (auto m = static_cast<long>(std::floor(w_lo / l));; ++m) {
    const double t_end = std::min(t_hi, (static_cast<double>(m + 1) * l - w0) / v);
    // On this piece s(t) = alpha + beta·t.
    const bool forward = (m % 2 + 2) % 2 == 0;
    const double beta = forward ? v : -v;
    const double alpha =
        forward ? w0 - static_cast<double>(m) * l : static_cast<double>(m + 1) * l - w0;
    const double t_star = std::clamp(-beta * (alpha - x) / (beta * beta + u * u), t_start, t_end);
    const double ds = alpha + beta * t_star - x;
    if (ds * ds + u * u * t_star * t_star <= r * r) return true;
    if (t_end >= t_hi) return false;
    t_start = t_end;
  }
}

TEST_CASE("laws: back-and-forth patrol formula against the geometry of crossings") {
  Stream stream = stream_for(401);
  const int n = 100000;
  for (const BarrierPatrol& p : {BarrierPatrol{10000.0, 8.0, 300.0, 1.5},  // mostly interior
                                 BarrierPatrol{1500.0, 3.0, 400.0, 1.0},   // ends dominate
                                 BarrierPatrol{4000.0, 12.0, 150.0, 3.0}}) {
    CAPTURE(p.length_m);
    std::uint64_t hits = 0;
    for (int i = 0; i < n; ++i) {
      const double x = uniform01(stream) * p.length_m;
      const double w0 = uniform01(stream) * 2.0 * p.length_m;
      hits += patrol_detects(p, x, w0);
    }
    check_proportion(hits, n, back_and_forth_patrol(p));
  }
}

TEST_CASE("laws: back-and-forth patrol at one crossing point against the geometry") {
  // Points near the ends, where the passes before and after a turn overlap in phase.
  Stream stream = stream_for(402);
  const BarrierPatrol short_fast{1500.0, 3.0, 400.0, 1.0};
  const BarrierPatrol long_slow{10000.0, 8.0, 300.0, 1.5};
  const int n = 40000;
  for (const auto& [p, x] :
       {std::pair{short_fast, 0.0}, std::pair{short_fast, 100.0}, std::pair{short_fast, 200.0},
        std::pair{long_slow, 300.0}, std::pair{long_slow, 1000.0}}) {
    CAPTURE(p.length_m);
    CAPTURE(x);
    std::uint64_t hits = 0;
    for (int i = 0; i < n; ++i) hits += patrol_detects(p, x, uniform01(stream) * 2.0 * p.length_m);
    check_proportion(hits, n, back_and_forth_patrol_at(x, p));
  }
}

// ---------------------------------------------------------------- constant hazard, overlapping

TEST_CASE("laws: constant-hazard barrier with overlapping discs against exponential clocks") {
  // Spacing 1000 m, range 700 m: up to two sensors see each track; each has its own
  // exponential clock of rate λ while the crosser is in its disc.
  const double s = 1000.0, r = 700.0, lambda = 0.002, u = 1.5;
  Stream stream = stream_for(501);
  boost::random::exponential_distribution<double> clock(lambda);
  const int n = 100000;
  std::uint64_t hits = 0;
  for (int i = 0; i < n; ++i) {
    const double x = uniform01(stream) * s;
    bool seen = false;
    for (int j = -1; j <= 2; ++j) {
      const double d = x - j * s;
      if (std::abs(d) >= r) continue;
      if (clock(stream) < 2.0 * std::sqrt(r * r - d * d) / u) seen = true;
    }
    hits += seen;
  }
  check_proportion(hits, n, constant_hazard_barrier(r, s, lambda, u));
}

}  // namespace
}  // namespace bordersim::sensors
