// Every sensor's up/down timeline and its false alarms, drawn once per replication from its
// own keyed streams (run/sensor_service.h), so variants that share a sensor share its
// failures and alarms. The timelines go to Replica::service, the alarms to
// Replica::false_alarms with a kFalseAlarm event each, reaching the post. What differs
// between kinds is their row of service_kinds(): nothing here names a kind.
#include "sensor_timelines.h"

#include <algorithm>

#include "bordersim/run/sensor_service.h"

namespace bordersim::detail {
namespace {

// Drones are on the ground while the weather keeps them there: down, as for a failure.
void ground_in_weather(const Replica& rep, std::vector<sensors::Availability>& sites) {
  if (!rep.weather || !rep.model.weather->grounds_drones()) return;
  const Time horizon = service_horizon(rep.model);
  const auto grounded = rep.weather->intervals_without(
      [&](std::uint16_t s) { return rep.model.weather->states[s].drones_fly; }, horizon);
  for (auto& service : sites) {
    std::vector<sensors::Interval> down(service.down_intervals().begin(),
                                        service.down_intervals().end());
    down.insert(down.end(), grounded.begin(), grounded.end());
    service = sensors::Availability::from_intervals(std::move(down), horizon);
  }
}

}  // namespace

void start_service(Replica& rep, std::span<Sensing* const> sensing) {
  const Model& model = rep.model;
  const auto replication = rep.record.replication;
  for (const ServiceKind& kind : service_kinds()) {
    if (kind.in_service_with) {
      rep.service.share(kind.kind, *kind.in_service_with);
      continue;
    }
    std::vector<sensors::Availability> sites;
    sites.reserve(kind.sites(model));
    for (std::size_t i = 0; i < kind.sites(model); ++i)
      sites.push_back(sensor_availability(model, {kind.kind, i}, replication));
    if (kind.grounded_by_weather) ground_in_weather(rep, sites);
    rep.service.set(kind.kind, std::move(sites));
  }

  // False alarms reach the post a report latency after they are raised, kind after kind
  // (the order of same-time events).
  const auto& border = model.geography->border;
  const auto watching = [&](EntityKind kind, std::size_t i, Time t) {
    return std::all_of(sensing.begin(), sensing.end(),
                       [&](const Sensing* s) { return s->watching(kind, i, t); });
  };
  for (const ServiceKind& kind : service_kinds()) {
    if (!kind.false_alarms_per_s) continue;
    const auto& service = rep.service.of(kind.kind);
    for (std::size_t i = 0; i < kind.sites(model); ++i) {
      const SensorRef sensor{kind.kind, i};
      const double latency_s = sensor_report_latency_s(model, sensor);
      for (const sensors::FalseAlarm& alarm :
           sensor_false_alarms(model, sensor, service[i], replication)) {
        if (!watching(kind.kind, i, alarm.at)) continue;
        const auto sector = model.sector_of(border.project(alarm.where).s);
        const auto a = static_cast<std::uint32_t>(rep.false_alarms.size());
        rep.false_alarms.push_back({alarm, sector});
        rep.sim.schedule(alarm.at + seconds_to_time(latency_s), Phase::kReport, {a, sector},
                         kFalseAlarm);
      }
    }
  }
  rep.record.false_alarms = rep.false_alarms.size();
}

}  // namespace bordersim::detail
