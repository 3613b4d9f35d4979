#include "bordersim/sensors/patrol_cycle.h"

#include <algorithm>
#include <stdexcept>

#include "bordersim/sensors/motion.h"

namespace bordersim::sensors {

double cycle_position(double unfolded_m, double length_m, bool loop) {
  if (!loop) return back_and_forth_position(unfolded_m, length_m);
  if (!(length_m > 0)) throw std::invalid_argument("cycle_position: length must be positive");
  double w = std::fmod(unfolded_m, length_m);
  if (w < 0) w += length_m;
  return w;
}

DailyWindows::DailyWindows(const std::vector<std::vector<double>>& windows_h, double start_of_run_s)
    : start_s_(std::fmod(start_of_run_s, kDayS)) {
  for (const auto& w : windows_h) {
    if (w.size() != 2) throw std::invalid_argument("a window is [from_h, to_h]");
    const double from = w[0], to = w[1];
    if (!(from >= 0.0 && from <= 24.0 && to >= 0.0 && to <= 24.0))
      throw std::invalid_argument("a window's hours lie in [0, 24]");
    if (from == to) throw std::invalid_argument("a window of zero length");
    if (from < to) {
      spans_.emplace_back(from * 3600.0, to * 3600.0);
    } else {  // over midnight
      if (from < 24.0) spans_.emplace_back(from * 3600.0, kDayS);
      if (to > 0.0) spans_.emplace_back(0.0, to * 3600.0);
    }
  }
  std::sort(spans_.begin(), spans_.end());
  if (start_s_ < 0) start_s_ += kDayS;
}

bool DailyWindows::active(double t_s) const {
  if (always()) return true;
  double local = std::fmod(t_s + start_s_, kDayS);
  if (local < 0) local += kDayS;
  return std::any_of(spans_.begin(), spans_.end(),
                     [&](const auto& span) { return local >= span.first && local < span.second; });
}

}  // namespace bordersim::sensors
