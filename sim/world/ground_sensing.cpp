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
  const auto replication = rep_.record.replication;
  const auto timelines = [&](EntityKind kind, std::size_t count) {
    std::vector<sensors::Availability> service;
    service.reserve(count);
    for (std::size_t i = 0; i < count; ++i)
      service.push_back(sensor_availability(rep_.model, {kind, i}, replication));
    return service;
  };
  rep_.service.towers = timelines(EntityKind::kTower, rep_.model.towers.size());
  rep_.service.drones = timelines(EntityKind::kDrone, rep_.model.drones.size());
  if (rep_.weather && rep_.model.weather->grounds_drones()) {
    // Drones are on the ground while the weather keeps them there: down, as for a failure.
    const Time horizon = service_horizon(rep_.model);
    const auto grounded = rep_.weather->intervals_without(
        [&](std::uint16_t s) { return rep_.model.weather->states[s].drones_fly; }, horizon);
    for (auto& service : rep_.service.drones) {
      std::vector<sensors::Interval> down(service.down_intervals().begin(),
                                          service.down_intervals().end());
      down.insert(down.end(), grounded.begin(), grounded.end());
      service = sensors::Availability::from_intervals(std::move(down), horizon);
    }
  }
  rep_.service.patrols = timelines(EntityKind::kPatrol, rep_.model.patrols.size());
  rep_.service.ground_sensors =
      timelines(EntityKind::kGroundSensor, rep_.model.ground_sensors.size());

  // False alarms reach the post a report latency after they are raised. A drone raises
  // none while no airframe is on station.
  const auto& border = rep_.model.geography->border;
  const auto raise = [&](EntityKind kind, std::size_t i, const sensors::Availability& service) {
    const SensorRef sensor{kind, i};
    const double latency_s = sensor_report_latency_s(rep_.model, sensor);
    for (const sensors::FalseAlarm& alarm :
         sensor_false_alarms(rep_.model, sensor, service, replication)) {
      if (kind == EntityKind::kDrone && !drones_[i].schedule.on_station_at(alarm.at)) continue;
      const auto sector = rep_.model.sector_of(border.project(alarm.where).s);
      const auto a = static_cast<std::uint32_t>(rep_.false_alarms.size());
      rep_.false_alarms.push_back({alarm, sector});
      rep_.sim.schedule(alarm.at + seconds_to_time(latency_s), Phase::kReport, {a, sector},
                        kFalseAlarm);
    }
  };
  for (std::size_t i = 0; i < rep_.model.towers.size(); ++i)
    raise(EntityKind::kTower, i, rep_.service.towers[i]);
  for (std::size_t i = 0; i < rep_.model.drones.size(); ++i) {
    if (!rep_.model.drones[i].grounded) raise(EntityKind::kDrone, i, rep_.service.drones[i]);
  }
  for (std::size_t i = 0; i < rep_.model.ground_sensors.size(); ++i)
    raise(EntityKind::kGroundSensor, i, rep_.service.ground_sensors[i]);
  // A radar is in service when its tower is.
  if (rep_.model.tower_radar)
    for (std::size_t i = 0; i < rep_.model.towers.size(); ++i)
      raise(EntityKind::kRadar, i, rep_.service.towers[i]);
  rep_.record.false_alarms = rep_.false_alarms.size();
}

// The passes of the current leg through ground sensors' discs. A pass that began on an
// earlier leg was drawn then.
void World::start_ground_sensors(std::uint32_t c) {
  if (rep_.model.ground_sensors.empty()) return;
  const CrosserState& crosser = rep_.crossers[c];
  const Leg& leg = crosser.current_leg();
  const Time from = std::max(leg.t0, rep_.sim.now());
  for (const GroundSensorPass& pass : ground_sensor_passes(
           rep_.model, leg.at(from), time_to_seconds(from), leg.to, time_to_seconds(leg.t1))) {
    if (pass.starts_inside && crosser.leg != 0) continue;
    const Time at = std::max(from, seconds_to_time(pass.enter_s));
    rep_.sim.schedule(at, Phase::kSense, crosser_target(c), kGroundPass,
                      stamped(crosser.stamp, pass.sensor));
  }
}

void World::ground_pass(std::uint32_t c, std::size_t sensor) {
  const GroundSensorSite& site = rep_.model.ground_sensors[sensor];
  if (!up(EntityKind::kGroundSensor, sensor, rep_.sim.now())) {
    if (tracer_.on())
      tracer_.look(c, Detector::kGroundSensor, sensor, site.position, site.detection_probability,
                   false, false);
    return;
  }
  // Seismic and acoustic sensing does not care for cover: no concealment here.
  const bool hit = uniform01(rep_.crossers[c].ground) < site.detection_probability;
  if (tracer_.on())
    tracer_.look(c, Detector::kGroundSensor, sensor, site.position, site.detection_probability, hit,
                 true);
  if (hit) detect(c, Detector::kGroundSensor, site.report_latency_s);
}

}  // namespace bordersim::detail
