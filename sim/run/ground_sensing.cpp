// Ground sensors, sensors' availability and false alarms.
//
// A ground sensor sees a crosser that passes through its disc, once per pass, with its
// detection probability, when the crosser enters the disc: the passes through every disc a
// leg crosses are solved when the leg starts. Every sensor's up/down timeline and its false
// alarms are drawn once per replication from its own keyed streams (run/sensor_service.h),
// so variants that share a sensor share its failures and alarms.
#include <algorithm>

#include "world.h"

namespace bordersim::detail {

void World::init_service() {
  const auto replication = record_.replication;
  const auto timelines = [&](EntityKind kind, std::size_t count) {
    std::vector<sensors::Availability> service;
    service.reserve(count);
    for (std::size_t i = 0; i < count; ++i)
      service.push_back(sensor_availability(model_, {kind, i}, replication));
    return service;
  };
  tower_service_ = timelines(EntityKind::kTower, model_.towers.size());
  drone_service_ = timelines(EntityKind::kDrone, model_.drones.size());
  if (weather_ && model_.weather->grounds_drones()) {
    // Drones are on the ground while the weather keeps them there: down, as for a failure.
    const Time horizon = service_horizon(model_);
    const auto grounded = weather_->intervals_without(
        [&](std::uint16_t s) { return model_.weather->states[s].drones_fly; }, horizon);
    for (auto& service : drone_service_) {
      std::vector<sensors::Interval> down(service.down_intervals().begin(),
                                          service.down_intervals().end());
      down.insert(down.end(), grounded.begin(), grounded.end());
      service = sensors::Availability::from_intervals(std::move(down), horizon);
    }
  }
  patrol_service_ = timelines(EntityKind::kPatrol, model_.patrols.size());
  ground_service_ = timelines(EntityKind::kGroundSensor, model_.ground_sensors.size());

  // False alarms reach the post a report latency after they are raised. A drone raises
  // none while no airframe is on station.
  const auto& border = model_.geography->border;
  const auto raise = [&](EntityKind kind, std::size_t i, const sensors::Availability& service) {
    const SensorRef sensor{kind, i};
    const double latency_s = sensor_report_latency_s(model_, sensor);
    for (const sensors::FalseAlarm& alarm :
         sensor_false_alarms(model_, sensor, service, replication)) {
      if (kind == EntityKind::kDrone && !drones_[i].schedule.on_station_at(alarm.at)) continue;
      const auto sector = model_.sector_of(border.project(alarm.where).s);
      const auto a = static_cast<std::uint32_t>(false_alarms_.size());
      false_alarms_.push_back({alarm, sector});
      sim_.schedule(alarm.at + seconds_to_time(latency_s), Phase::kReport, {a, sector},
                    kFalseAlarm);
    }
  };
  for (std::size_t i = 0; i < model_.towers.size(); ++i)
    raise(EntityKind::kTower, i, tower_service_[i]);
  for (std::size_t i = 0; i < model_.drones.size(); ++i) {
    if (!model_.drones[i].grounded) raise(EntityKind::kDrone, i, drone_service_[i]);
  }
  for (std::size_t i = 0; i < model_.ground_sensors.size(); ++i)
    raise(EntityKind::kGroundSensor, i, ground_service_[i]);
  // A radar is in service when its tower is.
  if (model_.tower_radar)
    for (std::size_t i = 0; i < model_.towers.size(); ++i)
      raise(EntityKind::kRadar, i, tower_service_[i]);
  record_.false_alarms = false_alarms_.size();
}

bool World::up(EntityKind kind, std::size_t index, Time t) const {
  switch (kind) {
    case EntityKind::kTower:
      return tower_service_[index].up(t);
    case EntityKind::kDrone:
      return drone_service_[index].up(t);
    case EntityKind::kPatrol:
      return patrol_service_[index].up(t);
    case EntityKind::kGroundSensor:
      return ground_service_[index].up(t);
    default:
      return true;
  }
}

// The passes of the current leg through ground sensors' discs. A pass that began on an
// earlier leg was drawn then.
void World::start_ground_sensors(std::uint32_t c) {
  if (model_.ground_sensors.empty()) return;
  const CrosserState& crosser = crossers_[c];
  const Leg& leg = crosser.current_leg();
  const Time from = std::max(leg.t0, sim_.now());
  for (const GroundSensorPass& pass : ground_sensor_passes(
           model_, leg.at(from), time_to_seconds(from), leg.to, time_to_seconds(leg.t1))) {
    if (pass.starts_inside && crosser.leg != 0) continue;
    const Time at = std::max(from, seconds_to_time(pass.enter_s));
    sim_.schedule(at, Phase::kSense, crosser_target(c), kGroundPass,
                  stamped(crosser.stamp, pass.sensor));
  }
}

void World::ground_pass(std::uint32_t c, std::size_t sensor) {
  const GroundSensorSite& site = model_.ground_sensors[sensor];
  if (!up(EntityKind::kGroundSensor, sensor, sim_.now())) {
    if (tracing_)
      trace_look(c, Detector::kGroundSensor, sensor, site.position, site.detection_probability,
                 false, false);
    return;
  }
  // Seismic and acoustic sensing does not care for cover: no concealment here.
  const bool hit = uniform01(crossers_[c].ground) < site.detection_probability;
  if (tracing_)
    trace_look(c, Detector::kGroundSensor, sensor, site.position, site.detection_probability, hit,
               true);
  if (hit) detect(c, Detector::kGroundSensor, site.report_latency_s);
}

}  // namespace bordersim::detail
