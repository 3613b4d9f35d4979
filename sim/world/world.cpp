#include "world.h"

#include <algorithm>
#include <boost/random/beta_distribution.hpp>
#include <cmath>
#include <stdexcept>

#include "sensor_timelines.h"

namespace bordersim::detail {

World::World(const Model& model, std::span<const CrosserPlan> plans, std::uint64_t seed,
             std::uint32_t replication, bool trace)
    : rep_(model, seed, replication, *this),
      tracer_(rep_, trace),
      pool_(rep_),
      post_(rep_, tracer_, pool_, plans.size()) {
  for (Sensing* sensing : sensing_)
    for (const EventKind kind : sensing->events()) {
      if (sensing_for_[kind]) throw std::logic_error("World: two components handle one event");
      sensing_for_[kind] = sensing;
    }
  rep_.sim.set_event_limit(model.max_events_per_replication);
  for (std::uint32_t c = 0; c < plans.size(); ++c) {
    const CrosserPlan& plan = plans[c];
    const EntityKey entity{EntityKind::kCrosser, plan.key};
    CrosserState crosser(plan, Stream({seed, replication, entity, Purpose::kDetection}),
                         Stream({seed, replication, entity, Purpose::kAirDetection}),
                         Stream({seed, replication, entity, Purpose::kClassification}),
                         Stream({seed, replication, entity, Purpose::kGroundDetection}),
                         Stream({seed, replication, entity, Purpose::kRadarDetection}));
    CrossingRecord row;
    row.replication = replication;
    row.crosser = plan.id;
    row.kind = plan.kind;
    row.group_size = plan.group_size;
    row.sector = model.sector_of(plan.border_s);
    row.start_s = time_to_seconds(plan.start);
    rep_.crossers.push_back(std::move(crosser));
    rep_.record.crossing_records.push_back(row);
    rep_.sim.schedule(plan.start, Phase::kMove, crosser_target(c), kLegStart, stamped(0, 0));
  }
  if (model.weather)
    rep_.weather.emplace(*model.weather, service_horizon(model),
                         Stream({seed, replication, {EntityKind::kWeather, 0}, Purpose::kWeather}));
  rep_.rounds = PatrolRounds(model, seed, replication);
  start_service(rep_, sensing_);
}

ReplicationRecord World::run() {
  rep_.record.events = rep_.sim.run([this](Simulator&, const Event& e) { handle(e); });
  if (rep_.weather) {
    for (const Time t :
         rep_.weather->time_in_states(0, rep_.model.duration, rep_.model.weather->states.size()))
      rep_.record.weather_s.push_back(time_to_seconds(t));
  }
  for (const auto& row : rep_.record.crossing_records) {
    ++rep_.record.crossings;
    rep_.record.detected += std::isnan(row.first_detection_s) ? 0 : 1;
    rep_.record.intercepted += row.outcome == Outcome::kIntercepted ? 1 : 0;
    rep_.record.aborted += row.outcome == Outcome::kAborted ? 1 : 0;
    rep_.record.escaped +=
        row.outcome == Outcome::kUndetected || row.outcome == Outcome::kDetectedNotIntercepted;
  }
  return std::move(rep_.record);
}

// Every event of the replication, to the component that handles it.
void World::handle(const Event& e) {
  const std::uint32_t id = e.target.entity;
  switch (static_cast<EventKind>(e.kind)) {
    // The crossers' lives (world.cpp).
    case kLegStart:
      if (rep_.crossers[id].movement.legs().empty()) return start_crossing(id);
      if (current(id, e.data)) start_leg(id, payload_of(e.data));
      return;
    case kMovementEnds:
      if (current(id, e.data)) end_movement(id);
      return;
    // The command post (c2/command_post.h).
    case kFalseAlarm:
      return post_.receive_false_alarm(id);
    case kReportArrives:
      return post_.receive_report(id, static_cast<Time>(e.data));
    case kInterception:
      return post_.arrive(id, e.data);
    case kResponderFree:
      return post_.free_responder(id, e.data);
    case kAssessed:
      return post_.assessed(id);
    case kAlarmAssessed:
      return post_.alarm_assessed(id);
    case kFound:
      return post_.found(id, e.data);
    // The sensing: the component whose events() lists it (each header's first lines say
    // which), routed in World::World.
    default:
      return sensing_for_[e.kind]->handle(e);
  }
}

void World::start_crossing(std::uint32_t c) {
  CrosserState& crosser = rep_.crossers[c];
  crosser.border_s = crosser.plan->knowledge == Knowledge::kAdaptive ? choose_corridor(crosser)
                                                                     : crosser.plan->border_s;
  plan_movement(crosser);
  // Where the route crosses the border line: the crossing's place and sector. Where the
  // border bends so sharply that the start already lies on its home side, the border
  // point it set off from stands for it.
  const auto& border = rep_.model.geography->border;
  auto& row = rep_.record.crossing_records[c];
  row.border_x_m = border.point_at(crosser.border_s).x;
  row.border_y_m = border.point_at(crosser.border_s).y;
  row.sector = rep_.model.sector_of(crosser.border_s);
  for (const Leg& leg : crosser.movement.legs()) {
    const double before = border.project(leg.from).offset;
    const double after = border.project(leg.to).offset;
    if (before < 0.0 && after >= 0.0) {
      // The signed distance to the border is continuous along the leg but not linear
      // where the border bends: bisect for where it changes sign.
      double lo = 0.0, hi = 1.0;
      const auto point = [&](double f) {
        return MapPoint{leg.from.x + f * (leg.to.x - leg.from.x),
                        leg.from.y + f * (leg.to.y - leg.from.y)};
      };
      for (int i = 0; i < 60; ++i) {
        const double mid = 0.5 * (lo + hi);
        (border.project(point(mid)).offset < 0.0 ? lo : hi) = mid;
      }
      const MapPoint p = point(hi);
      // Where the border bends sharply the sign may flip off the line: take the nearest
      // border point.
      const double s = border.project(p).s;
      row.border_x_m = border.point_at(s).x;
      row.border_y_m = border.point_at(s).y;
      row.sector = rep_.model.sector_of(s);
      break;
    }
  }
  start_leg(c, 0);
}

// Thompson sampling: the group's belief that corridor k lets a crossing through is
// Beta(1 + through, 1 + stopped); the crosser draws from each belief and takes the corridor
// with the highest draw, crossing at the same relative place inside it as its plan had in
// its first corridor-width. So a group explores while it knows little and settles on what
// works, and keeps checking the others now and then.
double World::choose_corridor(CrosserState& crosser) {
  const CrosserPlan& p = *crosser.plan;
  const double area = p.origin_to_m - p.origin_from_m;
  if (!(area > 0.0) || !(p.corridor_m > 0.0)) return p.border_s;
  const auto n = static_cast<std::size_t>(std::max(1.0, std::floor(area / p.corridor_m)));
  const double width = area / static_cast<double>(n);
  auto& tallies = corridors_[{p.kind, p.organisation, p.origin}];
  tallies.resize(n);
  Stream draws(
      {rep_.seed, rep_.record.replication, {EntityKind::kCrosser, p.key}, Purpose::kCorridor});
  double best = -1.0;
  for (std::size_t k = 0; k < n; ++k) {
    boost::random::beta_distribution<double> belief(1.0 + tallies[k].through,
                                                    1.0 + tallies[k].stopped);
    const double draw = belief(draws);
    if (draw > best) {
      best = draw;
      crosser.corridor = static_cast<std::uint32_t>(k);
    }
  }
  const double within = std::fmod(p.border_s - p.origin_from_m, width);
  return p.origin_from_m + static_cast<double>(crosser.corridor) * width + within;
}

void World::learn(const CrosserState& crosser, Outcome outcome) {
  const CrosserPlan& p = *crosser.plan;
  if (p.knowledge != Knowledge::kAdaptive) return;
  auto& tally = corridors_[{p.kind, p.organisation, p.origin}][crosser.corridor];
  const bool through =
      outcome == Outcome::kUndetected || outcome == Outcome::kDetectedNotIntercepted;
  (through ? tally.through : tally.stopped) += 1;
}

// Down the cost field of its mover, knowledge and goal from its starting point, when the
// ground has a routing grid; otherwise (flat ground, or no way found) straight across
// along the border's normal, from approach_m before the border line to goal_m behind it.
void World::plan_movement(CrosserState& crosser) {
  const CrosserPlan& p = *crosser.plan;
  const auto& border = rep_.model.geography->border;
  const MapPoint from = behind_border(border, crosser.border_s, -p.approach_m);
  crosser.movement = Movement(from, p.start);
  if (const auto& planning = rep_.model.routing) {
    const auto mover = p.mover == Mover::kVehicle ? routes::Mover::kVehicle : routes::Mover::kFoot;
    const double aversion = p.knowledge == Knowledge::kInformed ? p.risk_aversion_s : 0.0;
    if (const routes::CostField* field = planning->field_for(mover, aversion, p.goal_m)) {
      const routes::Route route = field->route_from(from);
      const routes::ObstacleCosts& obstacles = planning->surface->obstacles();
      // A route runs through routing-cell centres. Shifted by the start's offset from its
      // cell's centre, crossers keep their uniform spread across the ground instead of
      // lining up on a lattice (which a line of ground sensors would see all or none of);
      // the leg into the first centre then vanishes.
      const auto& grid = planning->surface->geometry();
      const auto start_cell = grid.cell_of(from);
      const MapPoint centre = start_cell ? grid.cell_centre(*start_cell) : from;
      const MapPoint shift{from.x - centre.x, from.y - centre.y};
      for (const routes::RouteLeg& leg : route.legs) {
        const MapPoint to{leg.to.x + shift.x, leg.to.y + shift.y};
        // The surface is paced at 1 m/s; obstacle crossings take their own time.
        if (leg.obstacle != routes::Obstacle::kNone)
          crosser.movement.go_to(to, leg.seconds, obstacles.detection_factor(leg.obstacle));
        else if (to.x != crosser.movement.end_point().x || to.y != crosser.movement.end_point().y)
          crosser.movement.go_to(to, leg.seconds / p.speed_mps);
      }
      if (!route.empty()) return;
    }
  }
  crosser.movement.go_to(behind_border(border, crosser.border_s, p.goal_m),
                         (p.approach_m + p.goal_m) / p.speed_mps);
}

// Everything that can see the crosser on this leg plans its events now; the next leg
// starts when this one ends.
void World::start_leg(std::uint32_t c, std::size_t leg) {
  CrosserState& crosser = rep_.crossers[c];
  crosser.leg = leg;
  ++crosser.stamp;
  crosser.views.clear();
  for (Sensing* sensing : sensing_) sensing->leg_starts(c);
  const Leg& now = crosser.current_leg();
  if (leg + 1 < crosser.movement.legs().size())
    rep_.sim.schedule(now.t1, Phase::kMove, crosser_target(c), kLegStart,
                      stamped(crosser.stamp, leg + 1));
  else
    rep_.sim.schedule(now.t1, Phase::kMove, crosser_target(c), kMovementEnds,
                      stamped(crosser.stamp, 0));
}

// A crosser that knows it has been seen aborts (walks back the way it came), hides (stays
// put, harder to see, then goes on) or runs (the rest of its route faster), as its plan
// says. Its movement is rewritten from now on and its current leg starts afresh.
void World::react(std::uint32_t c) {
  CrosserState& crosser = rep_.crossers[c];
  const CrosserPlan& plan = *crosser.plan;
  if (plan.reaction == Reaction::kNone) return;
  const Time now = rep_.sim.now();
  const std::vector<Leg> before = crosser.movement.legs();
  const std::size_t at = crosser.movement.leg_at(now);
  crosser.movement.cut_at(now);
  post_.new_way(c);  // which may pass nearer some team
  Movement& movement = crosser.movement;
  const MapPoint here = movement.end_point();
  const auto rest = [&](double time_factor) {  // the legs it had still to walk
    const Leg& current = before[at];
    movement.go_to(current.to, time_to_seconds(current.t1 - now) * time_factor,
                   current.detect_factor);
    for (std::size_t i = at + 1; i < before.size(); ++i)
      movement.go_to(before[i].to, time_to_seconds(before[i].t1 - before[i].t0) * time_factor,
                     before[i].detect_factor);
  };
  switch (plan.reaction) {
    case Reaction::kNone:
      return;
    case Reaction::kAbort: {
      crosser.turned_back = true;
      const std::vector<Leg> walked = movement.legs();
      for (std::size_t i = walked.size(); i-- > 0;)
        movement.go_to(walked[i].from, time_to_seconds(walked[i].t1 - walked[i].t0));
      break;
    }
    case Reaction::kHide:
      movement.go_to(here, plan.hide_s, plan.hidden_detection_factor);
      rest(1.0);
      break;
    case Reaction::kRun:
      rest(1.0 / plan.run_speed_factor);
      break;
  }
  // The legs walked so far stay as they were (the current one cut short); the new ones
  // start now.
  start_leg(c, at + 1);
}

void World::end_movement(std::uint32_t c) {
  const CrosserState& crosser = rep_.crossers[c];
  if (crosser.turned_back) return finish(c, Outcome::kAborted);
  finish(c, crosser.detected ? Outcome::kDetectedNotIntercepted : Outcome::kUndetected);
}

// The crossing is over: no sensor looks for it any more.
void World::finish(std::uint32_t c, Outcome outcome) {
  if (tracer_.on()) tracer_.end(c, outcome);
  rep_.crossers[c].finished = true;
  rep_.record.crossing_records[c].outcome = outcome;
  learn(rep_.crossers[c], outcome);
  for (Sensing* sensing : sensing_) sensing->crossing_ends(c);
}

// The sensing's report of a crosser seen, to the command post.
void World::detect(std::uint32_t c, Detector by, double report_latency_s) {
  post_.detect(c, by, report_latency_s);
}

// Asked by the sweeps: the responder pool's record of a patrol vehicle on a call.
bool World::vehicle_away(std::size_t p, std::size_t k, Time t) const {
  return pool_.vehicle_away(p, k, t);
}

}  // namespace bordersim::detail
