// Every sensor's up/down timeline and its false alarms, drawn once per replication from its
// own keyed streams (run/sensor_service.h), so variants that share a sensor share its
// failures and alarms. The timelines go to Replica::service, the alarms to
// Replica::false_alarms with a kFalseAlarm event each, reaching the post.
#include "sensor_timelines.h"

#include "bordersim/run/sensor_service.h"

namespace bordersim::detail {

void start_service(Replica& rep_, const DroneSensing& drones) {
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
      if (kind == EntityKind::kDrone && !drones.on_station(i, alarm.at)) continue;
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

}  // namespace bordersim::detail
