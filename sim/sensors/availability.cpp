#include "bordersim/sensors/availability.h"

#include <algorithm>
#include <boost/random/exponential_distribution.hpp>
#include <cmath>
#include <stdexcept>

namespace bordersim::sensors {

double AvailabilityParams::failure_unavailability() const {
  if (mtbf_s <= 0.0) return 0.0;
  return mttr_s / (mtbf_s + mttr_s);
}

std::vector<Interval> merge_intervals(std::vector<Interval> intervals, Time horizon) {
  for (auto& i : intervals) {
    i.begin = std::clamp<Time>(i.begin, 0, horizon);
    i.end = std::clamp<Time>(i.end, 0, horizon);
  }
  std::erase_if(intervals, [](const Interval& i) { return i.end <= i.begin; });
  std::sort(intervals.begin(), intervals.end(),
            [](const Interval& a, const Interval& b) { return a.begin < b.begin; });
  std::vector<Interval> merged;
  for (const auto& i : intervals) {
    // Touching intervals merge too: up() never changes at a point where both sides are down.
    if (!merged.empty() && i.begin <= merged.back().end) {
      merged.back().end = std::max(merged.back().end, i.end);
    } else {
      merged.push_back(i);
    }
  }
  return merged;
}

Availability Availability::from_intervals(std::vector<Interval> down, Time horizon) {
  Availability a;
  a.down_ = merge_intervals(std::move(down), horizon);
  return a;
}

namespace {

// Alternating exponential up and down periods from the stationary state.
void add_failures(const AvailabilityParams& p, Time horizon, Stream& stream,
                  std::vector<Interval>& out) {
  if (p.mtbf_s <= 0.0) return;
  bool up = uniform01(stream) >= p.failure_unavailability();
  boost::random::exponential_distribution<double> unit(1.0);
  double t_s = 0.0;
  const double horizon_s = time_to_seconds(horizon);
  while (t_s < horizon_s) {
    const double length_s = unit(stream) * (up ? p.mtbf_s : p.mttr_s);
    if (!up)
      out.push_back({seconds_to_time(t_s), seconds_to_time(std::min(t_s + length_s, horizon_s))});
    t_s += length_s;
    up = !up;
  }
}

void add_schedule(const ScheduledDowntime& w, Time horizon, std::vector<Interval>& out) {
  if (w.every_s <= 0.0) {
    out.push_back({seconds_to_time(w.first_at_s), seconds_to_time(w.first_at_s + w.duration_s)});
    return;
  }
  // Window k from its own index, not a running sum, so that rounding does not drift.
  for (std::int64_t k = 0;; ++k) {
    const double begin_s = w.first_at_s + static_cast<double>(k) * w.every_s;
    const Time begin = seconds_to_time(begin_s);
    if (begin >= horizon) break;
    out.push_back({begin, seconds_to_time(begin_s + w.duration_s)});
  }
}

}  // namespace

Availability::Availability(const AvailabilityParams& params, Time horizon, Stream stream) {
  if (params.mtbf_s > 0.0 && !(params.mttr_s > 0.0))
    throw std::invalid_argument("availability: mttr must be > 0 when mtbf is");
  for (const auto& w : params.downtime) {
    if (!(w.duration_s >= 0.0) || !(w.first_at_s >= 0.0) || !(w.every_s >= 0.0) ||
        (w.every_s > 0.0 && w.every_s < w.duration_s))
      throw std::invalid_argument(
          "availability: scheduled downtime windows overlap or are negative");
  }
  std::vector<Interval> down;
  add_failures(params, horizon, stream, down);
  for (const auto& w : params.downtime) add_schedule(w, horizon, down);
  down_ = merge_intervals(std::move(down), horizon);
}

bool Availability::up(Time t) const {
  // The last interval starting at or before t holds t if t is before its end.
  auto it = std::upper_bound(down_.begin(), down_.end(), t,
                             [](Time x, const Interval& i) { return x < i.begin; });
  if (it == down_.begin()) return true;
  return t >= std::prev(it)->end;
}

Time Availability::next_change(Time t) const {
  auto it = std::upper_bound(down_.begin(), down_.end(), t,
                             [](Time x, const Interval& i) { return x < i.begin; });
  if (it != down_.begin() && t < std::prev(it)->end) return std::prev(it)->end;  // down now
  return it == down_.end() ? kNever : it->begin;
}

Time Availability::down_time(Time from, Time to) const {
  Time total = 0;
  for (const auto& i : down_) {
    if (i.begin >= to) break;
    total += std::max<Time>(0, std::min(i.end, to) - std::max(i.begin, from));
  }
  return total;
}

}  // namespace bordersim::sensors
