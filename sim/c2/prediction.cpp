// Where the command post thinks a crosser is going, outside response.prediction "exact":
// from where it was last detected along the fastest route towards the home side, at the
// mean speed of its kind (it does not know this crosser's own speed, goal or route). The
// team sent there searches on arrival (c2/search.h); a new report while it is on its way
// sends it to meet the new projection instead.
#include <algorithm>
#include <cmath>

#include "bordersim/c2/search.h"
#include "bordersim/run/trace_notes.h"
#include "command_post.h"

namespace bordersim::detail {
namespace {

// The mean speed and goal depth of the crosser's kind and mover, as the scenario keys
// them; a crosser without a threat spec (hand-made plans) is taken at its own.
KindMeans kind_means(const CommandParams& post, const CrosserPlan& p) {
  const auto& means = p.kind == CrosserKind::kInfiltrator ? post.infiltrators
                      : p.mover == Mover::kVehicle        ? post.smugglers_vehicle
                                                          : post.smugglers_foot;
  return means ? *means : KindMeans{p.speed_mps, p.goal_m};
}

}  // namespace

// Down the naive cost field of its mover (the fastest way on the routing grid), else
// straight along the border's normal to the goal depth.
Prediction CommandPost::predict(std::uint32_t c) const {
  const CrosserState& crosser = rep_.crossers[c];
  const Track& track = tracks_[c];
  const CommandParams& response = rep_.model.command;
  const CrosserPlan& p = *crosser.plan;
  const Time seen = std::max<Time>(track.seen_at, 0);
  const MapPoint from = position(crosser, std::min(seen, crosser.movement.end()));
  const KindMeans means = kind_means(response, p);
  Movement route(from, seen);
  bool routed = false;
  if (const auto& planning = rep_.model.routing) {
    const auto mover = p.mover == Mover::kVehicle ? routes::Mover::kVehicle : routes::Mover::kFoot;
    if (const routes::CostField* field = planning->field_for(mover, 0.0, means.goal_m)) {
      const routes::Route fastest = field->route_from(from);
      const routes::ObstacleCosts& obstacles = planning->surface->obstacles();
      for (const routes::RouteLeg& leg : fastest.legs) {
        // The surface is paced at 1 m/s; obstacle crossings take their own time.
        if (leg.obstacle != routes::Obstacle::kNone)
          route.go_to(leg.to, leg.seconds, obstacles.detection_factor(leg.obstacle));
        else
          route.go_to(leg.to, leg.seconds / means.speed_mps);
      }
      routed = !fastest.empty();
    }
  }
  if (!routed) {
    const auto& border = rep_.model.geography->border;
    const auto at = border.project(from);
    const double left_m = std::max(0.0, means.goal_m - at.offset);
    route.go_to(behind_border(border, at.s, means.goal_m), left_m / means.speed_mps);
  }
  Prediction out;
  out.escape = route.end();
  out.path = response.prediction == PredictionRule::kLastSeen ? Movement(from, seen) : route;
  const double hold_s =
      std::max(0.0, time_to_seconds(std::max(out.escape, rep_.sim.now()) - out.path.end()));
  // After the projection ends (or, "last_seen", at the place) the post's picture holds
  // still (response.hold_after_escape_s): a team is sent only if it can be there by then.
  out.path.go_to(out.path.end_point(), hold_s + response.hold_after_escape_s);
  return out;
}

// How long a crosser on foot would take from `where` to its goal depth, straight along
// the border's normal: what the post allows a false alarm's "crosser" under a maximum
// response time.
double CommandPost::escape_s_from(MapPoint where) const {
  const KindMeans& means = rep_.model.command.alarm_walker;
  const double offset = rep_.model.geography->border.project(where).offset;
  return std::max(0.0, means.goal_m - offset) / means.speed_mps;
}

// A new report while the team is on its way: it goes to meet the new projection instead,
// if it can (its drive taken as if it had headed there from the start: turning on the way
// is not modelled); otherwise it keeps its goal.
void CommandPost::retarget(std::uint32_t c) {
  Track& track = tracks_[c];
  if (!track.responder || track.team_leaves == kNever) return;  // searching already
  const std::size_t r = *track.responder;
  const Prediction predicted = predict(c);
  Time bound = predicted.path.end();
  if (const Time latest = latest_arrival(predicted.escape); latest != kNever)
    bound = std::min(bound, latest + 1);
  const auto meet = pool_.meeting_time(r, predicted.path, track.team_leaves);
  if (!meet || *meet >= bound) return;
  ++track.trip;
  track.goal = predicted.path.at(*meet);
  if (tracer_.on())
    trace_dispatch(c, r, track.team_leaves, *meet, std::string(trace_note::kNewGoal));
  rep_.sim.schedule(*meet, Phase::kDecide, rep_.target(c), kInterception, stamped(track.trip, r));
}

// The team is at its goal. As in "exact", it acts on the post's track: if the track has
// lapsed (no report for track_hold_s) the post has called it off, a missed arrival, and a
// later report may send a team again. Without this a search mode found crossers the post
// had lost and beat perfect knowledge ("exact"). Otherwise it searches for search_s and
// finds the crosser the first time it comes within search_radius_m (its own eyes: the
// track need not hold during the search); if it does not, it drives back after the search.
void CommandPost::search(std::uint32_t c, std::size_t r) {
  CrosserState& crosser = rep_.crossers[c];
  Track& track = tracks_[c];
  const CommandParams& response = rep_.model.command;
  track.team_leaves = kNever;  // there: no new goal any more
  if (rep_.sim.now() > track.track_until) {
    if (tracer_.on()) tracer_.arrival(c, pool_.traced(r), false, track.track_until);
    track.responder.reset();
    ++rep_.record.missed_arrivals;
    return return_to_base(r, track.goal, 0.0);
  }
  if (!crosser.finished && crosser.movement.end() > rep_.sim.now()) {
    const Time until =
        std::min(time_after(rep_.sim.now(), response.search_s), crosser.movement.end() - 1);
    if (tracer_.on()) tracer_.search(c, pool_.traced(r), until);
    if (const auto t = first_within_disc(crosser.movement, track.goal, response.search_radius_m,
                                         rep_.sim.now(), until))
      return void(
          rep_.sim.schedule(*t, Phase::kDecide, rep_.target(c), kFound, stamped(track.trip, r)));
  } else if (tracer_.on()) {
    tracer_.arrival(c, pool_.traced(r), false, track.track_until);  // the crossing had ended
  }
  track.responder.reset();
  ++rep_.record.missed_arrivals;
  return_to_base(r, track.goal, response.search_s);
}

void CommandPost::found(std::uint32_t c, std::uint64_t data) {
  CrosserState& crosser = rep_.crossers[c];
  Track& track = tracks_[c];
  if (stamp_of(data) != track.trip) return;
  const auto r = static_cast<std::size_t>(payload_of(data));
  track.responder.reset();
  if (tracer_.on()) tracer_.arrival(c, pool_.traced(r), !crosser.finished, track.track_until);
  if (!crosser.finished) return intercept(c, r);
  ++rep_.record.missed_arrivals;
  return_to_base(r, track.goal, 0.0);
}

}  // namespace bordersim::detail
