#include "bordersim/movers/movement.h"

#include <algorithm>
#include <cmath>

namespace bordersim {

terrain::MapPoint Leg::at(Time t) const {
  if (t1 <= t0) return from;
  const double f = std::clamp(static_cast<double>(t - t0) / static_cast<double>(t1 - t0), 0.0, 1.0);
  return {from.x + f * (to.x - from.x), from.y + f * (to.y - from.y)};
}

terrain::MapPoint Leg::velocity() const {
  if (t1 <= t0) return {0.0, 0.0};
  const double s = time_to_seconds(t1 - t0);
  return {(to.x - from.x) / s, (to.y - from.y) / s};
}

void Movement::go_to(terrain::MapPoint to, double seconds, double detect_factor) {
  end_s_ += seconds;
  const Time t1 = std::max(end_, seconds_to_time(end_s_));
  legs_.push_back({end_point_, to, end_, t1, detect_factor});
  end_point_ = to;
  end_ = t1;
}

void Movement::cut_at(Time t) {
  if (legs_.empty() || t >= end_) return;
  const std::size_t i = leg_at(t);
  Leg& leg = legs_[i];
  leg.to = leg.at(t);
  leg.t1 = t;
  legs_.resize(i + 1);
  end_point_ = leg.to;
  end_ = t;
  end_s_ = time_to_seconds(t);
}

std::size_t Movement::leg_at(Time t) const {
  const auto it = std::upper_bound(legs_.begin(), legs_.end(), t,
                                   [](Time time, const Leg& leg) { return time < leg.t0; });
  return it == legs_.begin() ? 0 : static_cast<std::size_t>(it - legs_.begin()) - 1;
}

terrain::MapPoint Movement::at(Time t) const {
  if (legs_.empty()) return end_point_;
  return legs_[leg_at(t)].at(t);
}

// Legs start in order, so the hint is the last leg starting at or before t exactly when it
// starts by t and the next one after t.
std::size_t Movement::leg_at(Time t, std::size_t hint) const {
  if (hint < legs_.size() && legs_[hint].t0 <= t &&
      (hint + 1 == legs_.size() || t < legs_[hint + 1].t0))
    return hint;
  return leg_at(t);
}

terrain::MapPoint Movement::at(Time t, std::size_t hint) const {
  if (legs_.empty()) return end_point_;
  return legs_[leg_at(t, hint)].at(t);
}

double Movement::length_m() const {
  double total = 0.0;
  for (const Leg& leg : legs_) total += std::hypot(leg.to.x - leg.from.x, leg.to.y - leg.from.y);
  return total;
}

}  // namespace bordersim
