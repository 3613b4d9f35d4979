#include "bordersim/run/sensor_service.h"

#include <cmath>
#include <stdexcept>

#include "bordersim/sensors/motion.h"
#include "bordersim/terrain/clutter.h"

namespace bordersim {
namespace {

// As the light table: crossers started before the end keep walking, and the sensors
// they meet keep their timelines.
constexpr double kServiceMarginH = 72.0;

// The sensor's row, its index checked against the model's sites of that kind.
const ServiceKind& row_of(const Model& model, SensorRef sensor) {
  const ServiceKind& row = service_kind(sensor.kind);
  if (sensor.index >= row.sites(model)) throw std::out_of_range("sensor service: no such sensor");
  return row;
}

Stream sensor_stream(const Model& model, const ServiceKind& row, std::size_t i,
                     std::uint64_t replication, Purpose purpose) {
  const std::uint64_t index = row.stream_index ? row.stream_index(model, i) : i;
  return Stream({model.seed, replication, {row.kind, index}, purpose});
}

}  // namespace

sensors::AvailabilityParams availability_params(const AvailabilitySpec& spec) {
  sensors::AvailabilityParams p;
  p.mtbf_s = spec.mtbf_h * 3600.0;
  p.mttr_s = spec.mttr_h * 3600.0;
  for (const auto& d : spec.downtime)
    p.downtime.push_back({d.first_at_h * 3600.0, d.every_h * 3600.0, d.duration_h * 3600.0});
  return p;
}

const ServiceKind& service_kind(EntityKind kind) {
  for (const ServiceKind& row : service_kinds())
    if (row.kind == kind) return row;
  throw std::invalid_argument("sensor service: not a sensor kind");
}

void build_sensor_service(Model& model, const Scenario& scenario, const std::string& file) {
  for (const ServiceKind& row : service_kinds())
    if (row.build) row.build(model, scenario, file);
}

Time service_horizon(const Model& model) {
  return model.duration + seconds_to_time(kServiceMarginH * 3600.0);
}

sensors::Availability sensor_availability(const Model& model, SensorRef sensor,
                                          std::uint64_t replication) {
  const ServiceKind& row = row_of(model, sensor);
  if (row.in_service_with)
    return sensor_availability(model, {*row.in_service_with, sensor.index}, replication);
  if (!row.availability) return {};
  const sensors::AvailabilityParams& params = row.availability(model, sensor.index);
  if (params.always_up()) return {};
  return sensors::Availability(
      params, service_horizon(model),
      sensor_stream(model, row, sensor.index, replication, Purpose::kAvailability));
}

std::vector<sensors::FalseAlarm> sensor_false_alarms(const Model& model, SensorRef sensor,
                                                     const sensors::Availability& availability,
                                                     std::uint64_t replication) {
  const ServiceKind& row = row_of(model, sensor);
  if (!row.false_alarms_per_s) return {};
  const double rate_per_s = row.false_alarms_per_s(model, sensor.index);
  if (!(rate_per_s > 0.0)) return {};
  // Places are accepted with probability clutter / max clutter where the sensor looks.
  const double top = terrain::max_clutter(model.cover_table);
  const auto weight = [&](MapPoint p) {
    if (!(top > 0.0)) return 0.0;
    if (row.looks_at && !row.looks_at(model, sensor.index, p)) return 0.0;
    return terrain::clutter_at(model.geography->terrain.cover, model.cover_table, p) / top;
  };
  return sensors::draw_false_alarms(
      rate_per_s, model.duration, availability, row.alarm_area(model, sensor.index), weight,
      sensor_stream(model, row, sensor.index, replication, Purpose::kFalseAlarm));
}

double sensor_report_latency_s(const Model& model, SensorRef sensor) {
  return row_of(model, sensor).report_latency_s(model, sensor.index);
}

std::vector<GroundSensorPass> ground_sensor_passes(const Model& model, MapPoint a, double ta,
                                                   MapPoint b, double tb) {
  std::vector<GroundSensorPass> passes;
  if (model.ground_sensors.empty()) return passes;
  for (const std::uint32_t i :
       model.ground_sensor_index.near_box(a, b, model.ground_sensor_reach_m)) {
    const GroundSensorSite& g = model.ground_sensors[i];
    if (const auto w = sensors::window_within(g.position, g.radius_m, a, ta, b, tb)) {
      const bool inside = std::hypot(a.x - g.position.x, a.y - g.position.y) <= g.radius_m;
      passes.push_back({i, w->first, w->second, inside});
    }
  }
  return passes;
}

}  // namespace bordersim
