// Lower bounds on a responder's drive, so that the dispatch search can skip the teams and
// vehicles that cannot beat the best meeting found so far. ResponderPool::meeting_time steps along
// the crosser's movement and asks the responder's route field at every step; along a long
// border most responders are far away, and a bound that needs no field tells which ones
// without changing whom the post sends (bench/README.md, "Replications: the dispatch
// search").
//
// Why the bounds hold (route_planning.h, cost_field.h):
// - A route field's seconds along a chain of cell centres are at least the chain's length
//   times the least vehicle pace on the surface: an edge costs its half lengths times the
//   two cells' paces times a slope factor >= 1 for vehicles, plus obstacle times >= 0. The
//   straight stubs at either end cost their length times a cell's pace. By the triangle
//   inequality a team from its base needs at least |base − p| · min_pace / speed.
// - A patrol's vehicle first drives its road to a source: the lane is a straight piece per
//   border bend, each moving exactly as far as the arc length, so the chord between two
//   places is at most the arc between them plus the jumps between pieces (and round a loop,
//   the closing gap): J. The field starts at the source's cell centre, within h (half a
//   cell's diagonal) of the source. So it needs at least
//   |v − p| / max(speed, response_speed / min_pace) − J / speed − h · min_pace / response_speed.
// The fields hold floats: the bound keeps 0.1 % of the distance and a second in hand.
#include <algorithm>
#include <cmath>

#include "bordersim/terrain/segment_distance.h"
#include "responder_pool.h"

namespace bordersim::detail {

namespace {

// Numerical slacks, not behaviour (see the top of the file): the route fields hold floats,
// so the bound keeps 0.1 % of the distance and a second in hand to stay below every drive.
constexpr double kDistanceKept = 1.0 - 1e-3;
constexpr double kSlackS = 1.0;

}  // namespace

// Per responding patrol, J above. Called once per replication, by the constructor.
void ResponderPool::init_drive_bounds() {
  patrol_jumps_m_.assign(rep_.model.patrols.size(), 0.0);
  for (std::size_t p = 0; p < rep_.model.patrols.size(); ++p) {
    const PatrolSite& site = rep_.model.patrols[p];
    const auto& pieces = site.route.pieces;
    double jumps = 0.0;
    for (std::size_t i = 0; i + 1 < pieces.size(); ++i) {
      const MapPoint end = pieces[i].at(pieces[i].s1), next = pieces[i + 1].at(pieces[i].s1);
      jumps += std::hypot(next.x - end.x, next.y - end.y);
    }
    if (site.loop) {
      const MapPoint a = lane_point(site.route, site.route.from_m);
      const MapPoint b = lane_point(site.route, site.route.to_m);
      jumps += std::hypot(b.x - a.x, b.y - a.y);
    }
    patrol_jumps_m_[p] = jumps;
  }
}

// travel_s(r, p) >= |p − from| / max_speed_mps − slack_s for every p; empty where no bound
// is known (straight drives, or a surface without a positive least pace).
std::optional<ResponderPool::DriveBound> ResponderPool::drive_bound(std::size_t r) const {
  if (drives_straight(r)) return std::nullopt;
  const double min_pace = rep_.model.routing->vehicle_min_pace;
  if (!(min_pace > 0.0) || !std::isfinite(min_pace)) return std::nullopt;
  const auto& vehicle = responders_[r].vehicle;
  if (!vehicle) return DriveBound{responders_[r].home, speed_mps(r) / min_pace, 0.0};
  const PatrolSite& site = rep_.model.patrols[vehicle->patrol];
  const auto& g = rep_.model.routing->surface->geometry();
  const double across_mps = site.response_speed_mps / min_pace;
  const double half_diagonal_m = 0.5 * std::hypot(g.cell_w, g.cell_h);
  return DriveBound{
      at(r), std::max(site.speed_mps, across_mps),
      patrol_jumps_m_[vehicle->patrol] / site.speed_mps + half_diagonal_m / across_mps};
}

// True when responder r, setting off at `leave`, provably cannot be where the crosser is
// (along `path`) at any time from max(now, leave) to `until`: then meeting_time finds no
// meeting at or before `until`.
bool ResponderPool::cannot_meet_by(std::size_t r, const Movement& path, Time leave,
                                   Time until) const {
  const Time from = std::max(rep_.sim.now(), leave);
  if (from > until) return true;
  const auto bound = drive_bound(r);
  if (!bound) return false;
  // Met at t <= until only if |p(t) − from| <= max_speed · (t − leave + slack).
  const double reach_m =
      bound->max_speed_mps * (time_to_seconds(until - leave) + bound->slack_s + kSlackS);
  // The root only where the squares cannot tell: they are within a few ulps of the true
  // values, far inside the 1e-9 margins, so the answer is the root's (and hypot is slow).
  const double reach2 = reach_m * reach_m;
  const auto far_enough = [&](MapPoint a, MapPoint b) {
    const double kept2 =
        kDistanceKept * kDistanceKept * terrain::dist2_to_segment(bound->from, a, b);
    if (kept2 > reach2 * (1.0 + 1e-9)) return true;
    if (kept2 < reach2 * (1.0 - 1e-9)) return false;
    return kDistanceKept * terrain::distance_to_segment_m(bound->from, a, b) > reach_m;
  };
  const auto& legs = path.legs();
  if (legs.empty()) return far_enough(path.end_point(), path.end_point());
  for (std::size_t i = path.leg_at(from); i < legs.size() && legs[i].t0 <= until; ++i) {
    const Leg& leg = legs[i];
    if (!far_enough(leg.at(std::max(leg.t0, from)), leg.at(std::min(leg.t1, until)))) return false;
  }
  return true;
}

// dispatch_order_: the responders, those that may be soonest at `crosser_at` first (by
// the bound), so that a good meeting is found early and the others are skipped.
const std::vector<std::pair<double, std::size_t>>& ResponderPool::order_for_dispatch(
    MapPoint crosser_at) {
  dispatch_order_.clear();
  for (std::size_t r = 0; r < responders_.size(); ++r) {
    double key = 0.0;
    if (const auto bound = drive_bound(r))
      key = std::hypot(crosser_at.x - bound->from.x, crosser_at.y - bound->from.y) /
                bound->max_speed_mps -
            bound->slack_s;
    dispatch_order_.emplace_back(key, r);
  }
  std::sort(dispatch_order_.begin(), dispatch_order_.end());
  return dispatch_order_;
}

}  // namespace bordersim::detail
