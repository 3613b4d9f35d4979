#pragma once
// A patrol vehicle's place on its route and the hours it is out. Pure geometry and clock
// arithmetic, shared by the model (sim/run) and its tests.
//
// A route of length L is driven either as a circuit ("loop": one way round, the last point
// joined back to the first, a cycle of L) or back and forth ("shuttle": out and back, a
// cycle of 2L). A vehicle that has driven `unfolded` metres of its cycle is at
// cycle_position(unfolded, L, loop) along the route. n vehicles are spread evenly over the
// cycle: vehicle k is k·cycle/n ahead of vehicle 0.
#include <cmath>
#include <cstdint>
#include <utility>
#include <vector>

namespace bordersim::sensors {

// The length of one cycle of a route of `length_m`: L for a loop, 2L for a shuttle.
inline double cycle_length(double length_m, bool loop) { return loop ? length_m : 2.0 * length_m; }

// Arc length along the route, in [0, length_m], after `unfolded_m` of the cycle (any sign).
// Throws std::invalid_argument unless length_m > 0.
double cycle_position(double unfolded_m, double length_m, bool loop);

// How far vehicle k of n is ahead of vehicle 0 on a cycle of `cycle_m`.
inline double vehicle_offset(std::int64_t k, std::int64_t n, double cycle_m) {
  return static_cast<double>(k) * cycle_m / static_cast<double>(n);
}

// Daily windows of local time when a patrol's vehicles are out ("shifts"). Each window is
// [from_h, to_h] in hours of the local day, 0 ≤ from_h, to_h ≤ 24, from_h ≠ to_h; a window
// with from_h > to_h runs over midnight (22 → 6). No windows: out all the time.
class DailyWindows {
 public:
  DailyWindows() = default;
  // `start_of_run_s`: seconds since local midnight at simulated time 0.
  // Throws std::invalid_argument on a window outside [0, 24] or of zero length.
  DailyWindows(const std::vector<std::vector<double>>& windows_h, double start_of_run_s);

  bool always() const { return spans_.empty(); }
  // Out at simulated time t (seconds).
  bool active(double t_s) const;
  // The parts of [t0, t1] (simulated seconds) when out, in order, each passed to
  // visit(from, to). Always out: [t0, t1] itself.
  template <class Visit>
  void active_spans(double t0, double t1, Visit&& visit) const {
    if (always()) return visit(t0, t1);
    if (!(t0 <= t1)) return;
    const double first_day = std::floor((t0 + start_s_) / kDayS);
    const double last_day = std::floor((t1 + start_s_) / kDayS);
    for (double day = first_day; day <= last_day; day += 1.0) {
      const double midnight = day * kDayS - start_s_;  // simulated time of this local midnight
      for (const auto& [from, to] : spans_) {
        const double a = std::max(t0, midnight + from), b = std::min(t1, midnight + to);
        if (a <= b) visit(a, b);
      }
    }
  }

  static constexpr double kDayS = 86400.0;

 private:
  std::vector<std::pair<double, double>> spans_;  // within one day, in seconds, sorted
  double start_s_ = 0.0;
};

}  // namespace bordersim::sensors
