#include "bordersim/run/sensor_service.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <stdexcept>

#include "bordersim/core/error.h"
#include "bordersim/scenario/limits.h"
#include "bordersim/sensors/motion.h"
#include "bordersim/terrain/clutter.h"

namespace bordersim {
namespace {

// As the light table: crossers started before the end keep walking, and the sensors
// they meet keep their timelines.
constexpr double kServiceMarginH = 72.0;

// A border read from a file is not typed exactly: as for sectors and bases, 1 %.
constexpr double kBorderLengthSlack = 0.01;

// Ground sensors fewer than this apart in the index's buckets: the search radius.
constexpr double kMinBucketM = 100.0;

std::uint64_t ground_key(std::size_t line, std::size_t k) {
  return (static_cast<std::uint64_t>(line) << 32) | static_cast<std::uint64_t>(k);
}

void build_ground_sensors(Model& model, const Scenario& scenario, const std::string& file) {
  const Geography& geo = *model.geography;
  const auto& cover = geo.terrain.cover;
  const auto& lines = scenario.sensors.ground_sensors;
  double bucket_m = kMinBucketM;
  for (std::size_t line = 0; line < lines.size(); ++line) {
    const GroundSensorLineSpec& spec = lines[line];
    double from_m = 0.0, to_m = model.border_length_m;
    if (!spec.along_border_km.empty()) {
      from_m = spec.along_border_km[0] * 1000.0;
      to_m = spec.along_border_km[1] * 1000.0;
      if (to_m > model.border_length_m * (1 + kBorderLengthSlack))
        throw InputError(
            file, fmt::format("/sensors/ground_sensors/{}/along_border_km/1", line),
            fmt::format("lies beyond the border's end, {:.3f} km", model.border_length_m / 1000.0));
      to_m = std::min(to_m, model.border_length_m);
    }
    const double wanted = std::floor((to_m - from_m) / spec.spacing_m) + 1;
    if (wanted + static_cast<double>(model.ground_sensors.size()) >
        static_cast<double>(limits::kMaxGroundSensors))
      throw InputError(file, fmt::format("/sensors/ground_sensors/{}/spacing_m", line),
                       fmt::format("this makes over {} ground sensors in all lines, the limit",
                                   limits::kMaxGroundSensors));
    const auto count = static_cast<std::size_t>(wanted);
    for (std::size_t k = 0; k < count; ++k) {
      // From the index, not a running sum, so that rounding does not drift.
      const double s = from_m + static_cast<double>(k) * spec.spacing_m;
      GroundSensorSite site;
      site.position = behind_border(geo.border, s, spec.setback_m);
      site.radius_m = spec.radius_m;
      site.detection_probability = spec.detection_probability;
      site.clutter =
          terrain::mean_clutter_in_disc(cover, model.cover_table, site.position, spec.radius_m);
      site.false_alarms_per_s = sensors::per_day_to_per_s(spec.false_alarms_per_day) * site.clutter;
      site.report_latency_s = spec.report_latency_s;
      site.availability = availability_params(spec.availability);
      site.key = ground_key(line, k);
      site.sector = model.sector_of(s);
      model.ground_sensors.push_back(site);
    }
    bucket_m = std::max(bucket_m, spec.radius_m);
  }
  std::vector<MapPoint> points;
  points.reserve(model.ground_sensors.size());
  for (const auto& g : model.ground_sensors) points.push_back(g.position);
  model.ground_sensor_index = PointIndex(points, bucket_m);
}

std::uint64_t entity_index(const Model& model, SensorRef sensor) {
  return sensor.kind == EntityKind::kGroundSensor ? model.ground_sensors.at(sensor.index).key
                                                  : static_cast<std::uint64_t>(sensor.index);
}

Stream sensor_stream(const Model& model, SensorRef sensor, std::uint64_t replication,
                     Purpose purpose) {
  return Stream({model.seed, replication, {sensor.kind, entity_index(model, sensor)}, purpose});
}

// Places are accepted with probability clutter / max clutter, times whatever else limits
// the sensor's view.
double clutter_weight(const Model& model, MapPoint p, double max_clutter) {
  if (!(max_clutter > 0.0)) return 0.0;
  return terrain::clutter_at(model.geography->terrain.cover, model.cover_table, p) / max_clutter;
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

void build_sensor_service(Model& model, const Scenario& s, const std::string& file) {
  const double default_latency_s = s.response.report_latency_s;
  const auto& cover = model.geography->terrain.cover;
  if (const auto& towers = s.sensors.towers) {
    const auto params = availability_params(towers->availability);
    for (auto& t : model.towers) {
      t.availability = params;
      t.clutter = terrain::mean_clutter_in_disc(cover, model.cover_table, t.position, t.range_m,
                                                t.view ? &*t.view : nullptr);
      t.false_alarms_per_s = sensors::per_day_to_per_s(towers->false_alarms_per_day) * t.clutter;
      t.report_latency_s = towers->report_latency_s.value_or(default_latency_s);
      if (!towers->radar) continue;
      const double clutter =
          terrain::mean_clutter_in_disc(cover, model.cover_table, t.position,
                                        towers->radar->range_m, t.view ? &*t.view : nullptr);
      t.radar_false_alarms_per_s =
          sensors::per_day_to_per_s(towers->radar->false_alarms_per_day) * clutter;
    }
  }
  for (std::size_t i = 0; i < model.drones.size(); ++i) {
    const DroneSpec& spec = s.sensors.drones.at(i);
    DroneSite& d = model.drones[i];
    d.availability = availability_params(spec.availability);
    d.clutter = terrain::mean_clutter_in_box(cover, model.cover_table, d.reach_lo, d.reach_hi);
    d.false_alarms_per_s = sensors::per_day_to_per_s(spec.false_alarms_per_day) * d.clutter;
    d.report_latency_s = spec.report_latency_s.value_or(default_latency_s);
  }
  for (std::size_t i = 0; i < model.patrols.size(); ++i) {
    const PatrolSpec& spec = s.sensors.patrols.at(i);
    model.patrols[i].availability = availability_params(spec.availability);
    model.patrols[i].report_latency_s = spec.report_latency_s.value_or(default_latency_s);
  }
  for (std::size_t i = 0; i < model.air_recon.size(); ++i)
    model.air_recon[i].report_latency_s =
        s.sensors.air_recon.at(i).report_latency_s.value_or(default_latency_s);
  build_ground_sensors(model, s, file);
}

Time service_horizon(const Model& model) {
  return model.duration + seconds_to_time(kServiceMarginH * 3600.0);
}

sensors::Availability sensor_availability(const Model& model, SensorRef sensor,
                                          std::uint64_t replication) {
  const sensors::AvailabilityParams* params = nullptr;
  switch (sensor.kind) {
    case EntityKind::kTower:
      params = &model.towers.at(sensor.index).availability;
      break;
    case EntityKind::kDrone:
      params = &model.drones.at(sensor.index).availability;
      break;
    case EntityKind::kPatrol:
      params = &model.patrols.at(sensor.index).availability;
      break;
    case EntityKind::kGroundSensor:
      params = &model.ground_sensors.at(sensor.index).availability;
      break;
    case EntityKind::kAirRecon:
      return {};
    default:
      throw std::invalid_argument("sensor_availability: not a sensor kind");
  }
  if (params->always_up()) return {};
  return sensors::Availability(*params, service_horizon(model),
                               sensor_stream(model, sensor, replication, Purpose::kAvailability));
}

std::vector<sensors::FalseAlarm> sensor_false_alarms(const Model& model, SensorRef sensor,
                                                     const sensors::Availability& availability,
                                                     std::uint64_t replication) {
  const double top = terrain::max_clutter(model.cover_table);
  const auto stream = [&] {
    return sensor_stream(model, sensor, replication, Purpose::kFalseAlarm);
  };
  switch (sensor.kind) {
    case EntityKind::kTower: {
      const TowerSite& t = model.towers.at(sensor.index);
      const auto weight = [&](MapPoint p) {
        return model.tower_sees(sensor.index, p) ? clutter_weight(model, p, top) : 0.0;
      };
      return sensors::draw_false_alarms(t.false_alarms_per_s, model.duration, availability,
                                        sensors::AlarmArea::in_disc(t.position, t.range_m), weight,
                                        stream());
    }
    case EntityKind::kRadar: {
      const TowerSite& t = model.towers.at(sensor.index);
      const auto weight = [&](MapPoint p) {
        const double bearing = std::atan2(p.x - t.position.x, p.y - t.position.y) * 180.0 / M_PI;
        const bool looked_at =
            sensors::in_radar_sector(model.tower_radar->spec, t.facing_deg, bearing) &&
            model.radar_sees(sensor.index, p);
        return looked_at ? clutter_weight(model, p, top) : 0.0;
      };
      return sensors::draw_false_alarms(
          t.radar_false_alarms_per_s, model.duration, availability,
          sensors::AlarmArea::in_disc(t.position, model.tower_radar->spec.range_m), weight,
          stream());
    }
    case EntityKind::kGroundSensor: {
      const GroundSensorSite& g = model.ground_sensors.at(sensor.index);
      const auto weight = [&](MapPoint p) { return clutter_weight(model, p, top); };
      return sensors::draw_false_alarms(g.false_alarms_per_s, model.duration, availability,
                                        sensors::AlarmArea::in_disc(g.position, g.radius_m), weight,
                                        stream());
    }
    case EntityKind::kDrone: {
      const DroneSite& d = model.drones.at(sensor.index);
      if (d.grounded) return {};
      const auto weight = [&](MapPoint p) { return clutter_weight(model, p, top); };
      return sensors::draw_false_alarms(d.false_alarms_per_s, model.duration, availability,
                                        sensors::AlarmArea::in_box(d.reach_lo, d.reach_hi), weight,
                                        stream());
    }
    case EntityKind::kPatrol:
    case EntityKind::kAirRecon:
      return {};
    default:
      throw std::invalid_argument("sensor_false_alarms: not a sensor kind");
  }
}

double sensor_report_latency_s(const Model& model, SensorRef sensor) {
  switch (sensor.kind) {
    case EntityKind::kTower:
    case EntityKind::kRadar:  // the tower reports what its radar sees
      return model.towers.at(sensor.index).report_latency_s;
    case EntityKind::kDrone:
      return model.drones.at(sensor.index).report_latency_s;
    case EntityKind::kPatrol:
      return model.patrols.at(sensor.index).report_latency_s;
    case EntityKind::kAirRecon:
      return model.air_recon.at(sensor.index).report_latency_s;
    case EntityKind::kGroundSensor:
      return model.ground_sensors.at(sensor.index).report_latency_s;
    default:
      throw std::invalid_argument("sensor_report_latency_s: not a sensor kind");
  }
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
