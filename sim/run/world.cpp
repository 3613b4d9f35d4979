#include "world.h"

#include <algorithm>
#include <cmath>

#include "bordersim/c2/intercept.h"

namespace bordersim::detail {

World::World(const Model& model, std::span<const CrosserPlan> plans, std::uint64_t seed,
             std::uint32_t replication)
    : model_(model), seed_(seed), when_busy_queue_(model.scenario.response.when_busy == "queue") {
  record_.replication = replication;
  const auto& border = model.geography->border;
  for (std::uint32_t c = 0; c < plans.size(); ++c) {
    const CrosserPlan& plan = plans[c];
    const EntityKey entity{EntityKind::kCrosser, plan.id};
    CrosserState crosser{&plan,
                         border.point_at(plan.border_s),
                         border.normal_at(plan.border_s),
                         0,
                         false,
                         false,
                         {},
                         {},
                         Stream({seed, replication, entity, Purpose::kDetection}),
                         Stream({seed, replication, entity, Purpose::kAirDetection}),
                         {}};
    CrossingRecord row;
    row.replication = replication;
    row.crosser = plan.id;
    row.kind = plan.kind;
    row.group_size = plan.group_size;
    row.sector = model.sector_of(plan.border_s);
    row.start_s = time_to_seconds(plan.start);
    row.border_x_m = crosser.origin.x;
    row.border_y_m = crosser.origin.y;
    crossers_.push_back(std::move(crosser));
    record_.crossing_records.push_back(row);
    sim_.schedule(plan.start, Phase::kMove, crosser_target(c), kCrosserStart);
  }
  for (std::size_t r = 0; r < model.responder_homes.size(); ++r) {
    const MapPoint home = model.responder_homes[r];
    responders_.push_back({home, model.sector_of(border.project(home).s), false, 0});
  }
  init_moving_sensors();
}

ReplicationRecord World::run() {
  record_.events = sim_.run([this](Simulator&, const Event& e) { handle(e); });
  for (const auto& row : record_.crossing_records) {
    ++record_.crossings;
    record_.detected += std::isnan(row.first_detection_s) ? 0 : 1;
    record_.intercepted += row.outcome == Outcome::kIntercepted ? 1 : 0;
    record_.aborted += row.outcome == Outcome::kAborted ? 1 : 0;
    record_.escaped +=
        row.outcome == Outcome::kUndetected || row.outcome == Outcome::kDetectedNotIntercepted;
  }
  return std::move(record_);
}

void World::handle(const Event& e) {
  const std::uint32_t id = e.target.entity;
  switch (static_cast<EventKind>(e.kind)) {
    case kCrosserStart:
      return start_crossing(id);
    case kEnterView:
      return enter_view(id, static_cast<std::size_t>(e.data));
    case kDetection:
      return detect(id);
    case kGlimpse:
      return glimpse(id, e.data / kMaxCameras, e.data % kMaxCameras);
    case kReportArrives:
      return receive_report(id);
    case kInterception:
      return intercept(id, static_cast<std::size_t>(e.data));
    case kGoalReached:
      return reach_goal(id);
    case kResponderFree:
      return free_responder(id);
    case kDroneGlimpse:
      return drone_glimpse(id);
  }
}

void World::start_crossing(std::uint32_t c) {
  CrosserState& crosser = crossers_[c];
  const CrosserPlan& p = *crosser.plan;
  crosser.goal_time = time_at(p, p.goal_m);
  crosser.goal_event =
      sim_.schedule(crosser.goal_time, Phase::kMove, crosser_target(c), kGoalReached);
  start_tower_views(c);
  start_moving_sensors(c);
}

void World::detect(std::uint32_t c) {
  CrosserState& crosser = crossers_[c];
  if (crosser.finished || crosser.detected) return;
  crosser.detected = true;
  record_.crossing_records[c].first_detection_s = time_to_seconds(sim_.now());
  sim_.schedule_in(seconds_to_time(model_.scenario.response.report_latency_s), Phase::kReport,
                   crosser_target(c), kReportArrives);
}

void World::receive_report(std::uint32_t c) {
  if (crossers_[c].finished) return;
  if (dispatch(c)) return;
  const bool some_busy = std::any_of(responders_.begin(), responders_.end(),
                                     [](const ResponderState& r) { return r.busy; });
  if (when_busy_queue_ && some_busy) waiting_.push_back(c);
}

// Sends the free responder that can meet the crosser soonest, if any can before its goal.
bool World::dispatch(std::uint32_t c) {
  const CrosserState& crosser = crossers_[c];
  const CrosserPlan& p = *crosser.plan;
  const MapPoint where = position(crosser, sim_.now());
  const MapPoint velocity{p.speed_mps * crosser.direction.x, p.speed_mps * crosser.direction.y};
  const double speed = model_.scenario.response.qrf ? model_.scenario.response.qrf->speed_mps : 0.0;
  std::optional<std::size_t> best;
  Time best_time = crosser.goal_time;  // must meet strictly before the goal
  for (std::size_t r = 0; r < responders_.size(); ++r) {
    if (responders_[r].busy) continue;
    const double meet_s = earliest_intercept_s(responders_[r].home, speed, where, velocity);
    if (!std::isfinite(meet_s)) continue;
    const Time meet = sim_.now() + seconds_to_time(meet_s);
    if (meet < best_time) {
      best_time = meet;
      best = r;
    }
  }
  if (!best) return false;
  ResponderState& responder = responders_[*best];
  responder.busy = true;
  responder.busy_since = sim_.now();
  sim_.schedule(best_time, Phase::kDecide, crosser_target(c), kInterception, *best);
  return true;
}

void World::intercept(std::uint32_t c, std::size_t r) {
  CrosserState& crosser = crossers_[c];
  finish(c);
  sim_.cancel(crosser.goal_event);
  auto& row = record_.crossing_records[c];
  row.outcome = Outcome::kIntercepted;
  row.interception_s = time_to_seconds(sim_.now());
  // On scene, then back to base before the team can be sent again.
  const auto& qrf = *model_.scenario.response.qrf;
  const MapPoint at = position(crosser, sim_.now());
  const double back_s =
      std::hypot(at.x - responders_[r].home.x, at.y - responders_[r].home.y) / qrf.speed_mps;
  sim_.schedule_in(seconds_to_time(qrf.on_scene_s + back_s), Phase::kDecide,
                   {static_cast<std::uint32_t>(r), responders_[r].sector}, kResponderFree);
}

void World::reach_goal(std::uint32_t c) {
  finish(c);
  record_.crossing_records[c].outcome =
      crossers_[c].detected ? Outcome::kDetectedNotIntercepted : Outcome::kUndetected;
}

// The crossing is over: no sensor looks for it any more.
void World::finish(std::uint32_t c) {
  crossers_[c].finished = true;
  leave_moving_sensors(c);
}

void World::free_responder(std::uint32_t r) {
  ResponderState& responder = responders_[r];
  responder.busy = false;
  record_.responder_busy_s += time_to_seconds(sim_.now() - responder.busy_since);
  // Oldest report first; a crosser no free team can reach in time is given up.
  while (!waiting_.empty() && !responder.busy) {
    const std::uint32_t c = waiting_.front();
    waiting_.pop_front();
    if (!crossers_[c].finished) dispatch(c);
  }
}

}  // namespace bordersim::detail
