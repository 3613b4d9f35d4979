// How soon responders can be somewhere: the earliest meeting of a responder with a crosser
// along its movement (the dispatch search asks it of each team it does not skip), and the
// free responder soonest at a place (a false alarm's). Both answer as the route fields
// settled whole would; they ask a field only as far as their question needs
// (travel_s_or_more), and ask the nearest responders first (order_for_dispatch).
#include <algorithm>
#include <cmath>
#include <limits>

#include "bordersim/c2/intercept.h"
#include "responder_pool.h"

namespace bordersim::detail {

// The free responder of the post's jurisdiction (any, when command is joint) that gets to
// `where` soonest, the lowest index on ties. The nearest (by the drive bound) are asked
// first, so that the others need only show that they are not sooner: a drive known to
// be longer than the best so far need not be known exactly (travel_s_or_more).
std::optional<std::size_t> ResponderPool::nearest_free(MapPoint where, std::uint16_t post) {
  std::optional<std::size_t> best;
  double best_s = std::numeric_limits<double>::infinity();
  for (const auto& [bound, r] : order_for_dispatch(where)) {
    if (!ready(r)) continue;
    if (jurisdiction(r) != post && rep_.model.command.handoff != Handoff::kJoint) continue;
    double drive_s = travel_s_or_more(r, where, best_s);
    if (drive_s == best_s && best && r < *best) drive_s = travel_s(r, where);  // a tie?
    if (drive_s < best_s || (drive_s == best_s && best && r < *best)) {
      best_s = drive_s;
      best = r;
    }
  }
  return best;
}

// The earliest time at which responder r, setting off from where it is now at `leave`,
// can be where the crosser is, along the crosser's remaining movement.
std::optional<Time> ResponderPool::meeting_time(std::size_t r, const Movement& path,
                                                Time leave) const {
  const auto& legs = path.legs();
  const Time now = rep_.sim.now();
  if (drives_straight(r)) {
    // Straight driving: leg by leg, the meeting is a quadratic.
    const MapPoint start = at(r);
    const double speed = speed_mps(r);
    for (std::size_t i = path.leg_at(now); i < legs.size(); ++i) {
      const Leg& leg = legs[i];
      const Time from = std::max({leg.t0, now, leave});
      if (from > leg.t1) continue;
      // Set off at `leave`, the responder has been on its way for from − leave seconds.
      const double t = earliest_intercept_s(start, speed, leg.at(from), leg.velocity(),
                                            time_to_seconds(from - leave));
      // A barely faster responder meets ages later: time_after gives kNever there.
      if (std::isfinite(t) && time_after(from, t) <= leg.t1) return from + seconds_to_time(t);
    }
    return std::nullopt;
  }
  // Over roads and terrain the drive has no closed form: step along the crosser's
  // movement and bisect the first step the responder can make in time. The step is a
  // quarter of how late the responder would be (5 s to 300 s): lateness shrinks by at most
  // 1 s a second plus the rate at which the crosser's approach shortens the drive, so no
  // chance longer than 5 s is stepped over while the crosser moves at most three times as
  // fast as the responder drives where it is; a crosser out of the responder's reach steps
  // 300 s. (Fixed 300 s steps missed about 2 interceptions in 1000 of the default's.)
  constexpr double kMinStepS = 5.0, kMaxStepS = 300.0;
  constexpr Time kPrecision = kTicksPerSecond / 10;
  // How late the responder would be, +inf where no vehicle gets. Where it is later than
  // 4 × kMaxStepS (and a second, against rounding), how much later changes nothing: the
  // step is kMaxStepS and no meeting is there; so a lower bound of the drive does (a base's
  // field built in part then need not settle as far as every crosser it hears of).
  const auto late_s = [&](Time t) {
    const double waited = time_to_seconds(t - leave);
    return travel_s_or_more(r, path.at(t), waited + 4.0 * kMaxStepS + 1.0) - waited;
  };
  const Time end = path.end();
  Time before = std::max(now, leave);
  if (before > end) return std::nullopt;
  double late = late_s(before);
  if (late <= 0.0) return before;
  for (;;) {
    const double step_s =
        std::isfinite(late) ? std::clamp(late / 4.0, kMinStepS, kMaxStepS) : kMaxStepS;
    Time t = std::min(before + seconds_to_time(step_s), end);
    late = late_s(t);
    if (late <= 0.0) {
      while (t - before > kPrecision) {
        const Time mid = before + (t - before) / 2;
        (late_s(mid) <= 0.0 ? t : before) = mid;
      }
      return t;
    }
    if (t == end) return std::nullopt;
    before = t;
  }
}

}  // namespace bordersim::detail
