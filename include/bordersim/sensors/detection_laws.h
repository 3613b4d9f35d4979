#pragma once
// Closed forms of search theory that the simulator must reproduce: the validation tests
// compare simulated detection rates against them, and planners can use them as sanity
// checks of a layout. SI units; probabilities in [0, 1]. Arguments out of their domain
// (negative lengths, zero speeds) throw std::invalid_argument.
//
// Sources: B. O. Koopman, "Search and Screening", OEG Report 56 (1946) and its 1980
// Pergamon edition, "Search and Screening: General Principles with Historical
// Applications"; A. R. Washburn, "Search and Detection", 4th ed. (INFORMS, 2002).

namespace bordersim::sensors {

// A line of identical sensors at spacing s with a definite ("cookie-cutter") range R,
// crossed perpendicularly at a uniformly random point: the crosser is detected iff its
// track passes within R of a sensor, so P = min(1, 2R/s) (Washburn, barrier of fixed
// cookie-cutter sensors; Koopman's "definite range law").
double definite_range_barrier(double range_m, double spacing_m);

// The same line, but a sensor detects at constant hazard λ while the crosser (speed u) is
// within R. A track at lateral offset d from a sensor spends 2√(R² − d²)/u inside its
// disc; sensors act independently, so hazards add where discs overlap:
//   P = (1/s) ∫₀ˢ [1 − exp(−(2λ/u) Σⱼ √(R² − (x − js)²)₊)] dx,
// which for 2R ≤ s is (2/s) ∫₀^R (1 − exp(−2λ√(R² − d²)/u)) dd. Integrated by tanh-sinh
// quadrature (boost::math::quadrature) between the chord end points, where the integrand
// has square-root kinks.
double constant_hazard_barrier(double range_m, double spacing_m, double rate_per_s,
                               double speed_mps);

// Koopman's inverse-cube law (1946, ch. 3): an observer at height h sees a target at slant
// range r with instantaneous glimpse rate γ = k·h / r³ (detection rate proportional to the
// solid angle the target subtends). Passing on an infinite straight track at speed v, at
// lateral (ground) distance x, the integrated rate is ∫γ dt = 2kh / (v (h² + x²)), so
//   p(x) = 1 − exp(−2kh / (v (h² + x²)))                (inverse_cube_lateral_range_slant)
// and, in Koopman's form for x ≫ h,
//   p(x) = 1 − exp(−2kh / (v x²))                        (inverse_cube_lateral_range)
// whose sweep width ∫p dx over the real line is W = 2√(2πkh / v) (from ∫(1 − e^(−a/x²))dx
// = 2√(πa), a = 2kh/v). Mind the 2 under the root: W = 2√(πkh/v), sometimes quoted,
// belongs to a glimpse rate of kh/(2r³), not to the p(x) above.
double inverse_cube_lateral_range(double lateral_m, double k, double height_m, double speed_mps);
double inverse_cube_lateral_range_slant(double lateral_m, double k, double height_m,
                                        double speed_mps);
double inverse_cube_sweep_width(double k, double height_m, double speed_mps);

// Koopman's random search formula: a searcher of sweep width W moving at speed v for time
// t over area A, its track "random" (disjoint pieces placed independently and uniformly),
// against a target uniform in A: P = 1 − exp(−W v t / A) (Koopman 1946, ch. 3;
// Washburn, random search).
double random_search(double sweep_width_m, double speed_mps, double time_s, double area_m2);

// A camera glimpsing a bearing every τ seconds at a uniformly random phase, a target in
// view for T seconds, each glimpse detecting with probability g independently. The count
// K of glimpses inside the stay is ⌊T/τ⌋ + 1 with probability frac(T/τ), else ⌊T/τ⌋, so
//   P = 1 − E[(1 − g)^K] = 1 − (1 − g)^⌊T/τ⌋ · (1 − frac(T/τ) · g).
double scanning_detection(double in_view_s, double period_s, double glimpse_probability);

// A patrol going back and forth along a barrier segment [0, L] at speed v (instant
// turns), with a cookie-cutter sensor of range R, against a crosser moving perpendicular
// to the barrier at speed u, crossing at a uniform point x ∈ [0, L] at a uniform time
// (equivalently, the patrol's phase uniform over its cycle Π = 2L/v).
struct BarrierPatrol {
  double length_m = 0.0;
  double patrol_speed_mps = 0.0;
  double range_m = 0.0;
  double crosser_speed_mps = 0.0;
};

// Detection probability for a crossing at x, exact.
// Derivation: in the plane (t, s) of time and position along the barrier, the crosser
// at x is within R of the patrol point s at time t (crossing time 0) iff
// u²t² + (s − x)² ≤ R², an ellipse E. The patrol's path is a zigzag of legs of slope ±v;
// a phase shift translates it along t. For each leg, the shifts τ at which it meets E form
// one interval (E is convex): τ ∈ [min over s of (−h(s) − t_leg(s)), max of (h(s) −
// t_leg(s))], s ranging over the leg's and E's common span, h(s) = √(R² − (s − x)²)/u.
// Both extrema have closed-form maximisers (h is concave, t_leg linear), clamped to the
// span. Legs repeat with period Π, so P(x) = |I_forward ∪ I_backward mod Π| / Π.
// Away from the ends the two intervals have length 2R√(1/u² + 1/v²) each and are
// disjoint, giving the interior value below.
double back_and_forth_patrol_at(double crossing_m, const BarrierPatrol& patrol);

// P = (1/L) ∫₀ᴸ P(x) dx, by adaptive Gauss–Kronrod quadrature split at the points where
// P(x) changes form (R and R√(1 + v²/u²) from either end, the clamp limits).
double back_and_forth_patrol(const BarrierPatrol& patrol);

// The interior value (2R/L)·√(1 + v²/u²): exact for crossings farther than R√(1 + v²/u²)
// from both ends while the two passes' intervals do not overlap (4R√(1/u² + 1/v²) ≤ 2L/v);
// without end effects it is the whole answer. As v → 0 it tends to 2R/L, a fixed sensor at
// a random place; the √ term is the gain from the patrol's relative motion.
double back_and_forth_patrol_interior(const BarrierPatrol& patrol);

}  // namespace bordersim::sensors
