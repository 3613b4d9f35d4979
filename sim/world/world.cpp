#include "world.h"

#include <cmath>

#include "sensor_timelines.h"

namespace bordersim::detail {

World::World(const Model& model, std::span<const CrosserPlan> plans, std::uint64_t seed,
             std::uint32_t replication, bool trace)
    : rep_(model, seed, replication, *this),
      tracer_(rep_, trace),
      crossers_(rep_, tracer_, *this, plans),
      pool_(rep_),
      post_(rep_, tracer_, pool_) {
  rep_.sim.set_event_limit(model.max_events_per_replication);
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

// Every event of the replication, to the component that handles it: a sensing
// component's own (kinds from kEventKinds on, a block of kMaxOwnEvents each, in the order
// they joined), or the crossers' and the post's, named here.
void World::handle(const Event& e) {
  if (e.kind >= kEventKinds) {
    const auto own = static_cast<std::size_t>(e.kind - kEventKinds);
    return sensing_[own / kMaxOwnEvents]->handle(own % kMaxOwnEvents, e);
  }
  const std::uint32_t id = e.target.entity;
  switch (static_cast<EventKind>(e.kind)) {
    // The crossers' lives (crossers.h).
    case kLegStart:
      if (!crossers_.started(id)) return crossers_.start_crossing(id);
      if (current(id, e.data)) crossers_.start_leg(id, payload_of(e.data));
      return;
    case kMovementEnds:
      if (current(id, e.data)) crossers_.end_movement(id);
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
    case kEventKinds:  // no event: every enumerator is named, so that -Wswitch warns of a new one
      return;
  }
}

std::uint16_t World::join(Sensing& sensing) {
  sensing_.push_back(&sensing);
  return static_cast<std::uint16_t>(kEventKinds + (sensing_.size() - 1) * kMaxOwnEvents);
}

// What a crosser's life tells the others: a leg start reaches the sensing in the order of
// their list; the end of a crossing, likewise.
void World::leg_starts(std::uint32_t c) {
  for (Sensing* sensing : sensing_) sensing->leg_starts(c);
}
void World::crossing_ends(std::uint32_t c) {
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
