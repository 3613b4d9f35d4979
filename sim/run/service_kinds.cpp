// Every kind of sensor's service, one row each (ServiceKind, run/sensor_service.h): how its
// keys resolve into its sites' fields (build), and where the service functions
// (sensor_availability, sensor_false_alarms, sensor_report_latency_s) and the world's
// timelines and alarms (sim/world/sensor_timelines.cpp) read them. A new kind of sensor
// adds its build and its row here.
#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <cmath>

#include "bordersim/core/error.h"
#include "bordersim/run/sensor_service.h"
#include "bordersim/scenario/limits.h"
#include "bordersim/terrain/clutter.h"

namespace bordersim {
namespace {

using sensors::AlarmArea;
using sensors::AvailabilityParams;

// A border read from a file is not typed exactly: as for sectors and bases, 1 %.
constexpr double kBorderLengthSlack = 0.01;

// Towers: failures and maintenance of the whole tower, false alarms at the mean clutter of
// the cells it sees within range.
void tower_service(Model& model, const Scenario& s, const std::string& /*file*/) {
  const auto& towers = s.sensors.towers;
  if (!towers) return;
  const auto& cover = model.geography->terrain.cover;
  const auto params = availability_params(towers->availability);
  for (auto& t : model.towers) {
    t.availability = params;
    t.clutter = terrain::mean_clutter_in_disc(cover, model.cover_table, t.position, t.range_m,
                                              t.view ? &*t.view : nullptr);
    t.false_alarms_per_s = sensors::per_day_to_per_s(towers->false_alarms_per_day) * t.clutter;
    t.report_latency_s = towers->report_latency_s.value_or(s.response.report_latency_s);
  }
}

// Drones: false alarms at the mean clutter of the reach box.
void drone_service(Model& model, const Scenario& s, const std::string& /*file*/) {
  const auto& cover = model.geography->terrain.cover;
  for (std::size_t i = 0; i < model.drones.size(); ++i) {
    const DroneSpec& spec = s.sensors.drones.at(i);
    DroneSite& d = model.drones[i];
    d.availability = availability_params(spec.availability);
    d.clutter = terrain::mean_clutter_in_box(cover, model.cover_table, d.reach_lo, d.reach_hi);
    d.false_alarms_per_s = sensors::per_day_to_per_s(spec.false_alarms_per_day) * d.clutter;
    d.report_latency_s = spec.report_latency_s.value_or(s.response.report_latency_s);
  }
}

void patrol_service(Model& model, const Scenario& s, const std::string& /*file*/) {
  for (std::size_t i = 0; i < model.patrols.size(); ++i) {
    const PatrolSpec& spec = s.sensors.patrols.at(i);
    model.patrols[i].availability = availability_params(spec.availability);
    model.patrols[i].report_latency_s = spec.report_latency_s.value_or(s.response.report_latency_s);
  }
}

void air_recon_service(Model& model, const Scenario& s, const std::string& /*file*/) {
  for (std::size_t i = 0; i < model.air_recon.size(); ++i)
    model.air_recon[i].report_latency_s =
        s.sensors.air_recon.at(i).report_latency_s.value_or(s.response.report_latency_s);
}

// Ground sensors fewer than this apart in the index's buckets: the search radius.
constexpr double kMinBucketM = 100.0;

std::uint64_t ground_key(std::size_t line, std::size_t k) {
  return (static_cast<std::uint64_t>(line) << 32) | static_cast<std::uint64_t>(k);
}

// Ground sensors: the sites themselves, line by line, and the index over them.
void ground_sensor_service(Model& model, const Scenario& scenario, const std::string& file) {
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

// Radars on the towers: the law's parameters, and false alarms at the mean clutter of the
// cells the tower sees within the radar's range.
void radar_service(Model& model, const Scenario& s, const std::string& /*file*/) {
  const auto& towers = s.sensors.towers;
  if (!towers || !towers->radar) return;
  const RadarKeys& keys = *towers->radar;
  TowerRadar& radar = model.tower_radar.emplace();
  radar.spec = {.range_m = keys.range_m,
                .sector_centre_deg = keys.sector_centre_deg,
                .sector_width_deg = keys.sector_width_deg,
                .scan_period_s = keys.scan_period_s,
                .pd0 = keys.pd0,
                .walker_r0_m = keys.walker_r0_m,
                .vehicle_r0_m = keys.vehicle_r0_m,
                .falloff_exponent = keys.falloff_exponent,
                .cover_factor = {keys.cover_factor.desert, keys.cover_factor.steppe,
                                 keys.cover_factor.farmland, keys.cover_factor.urban,
                                 keys.cover_factor.mountain, keys.cover_factor.swamp,
                                 keys.cover_factor.water,  // terrain::LandCover order
                                 keys.cover_factor.road}};
  radar.report_interval_s = keys.report_interval_s;
  const auto& cover = model.geography->terrain.cover;
  for (const auto& t : model.towers) {
    const double clutter = terrain::mean_clutter_in_disc(cover, model.cover_table, t.position,
                                                         keys.range_m, t.view ? &*t.view : nullptr);
    radar.false_alarms_per_s.push_back(sensors::per_day_to_per_s(keys.false_alarms_per_day) *
                                       clutter);
  }
}

bool radar_looks_at(const Model& m, std::size_t i, MapPoint p) {
  const TowerSite& t = m.towers[i];
  return sensors::in_radar_coverage(m.tower_radar->spec, t.facing_deg, p.x - t.position.x,
                                    p.y - t.position.y) &&
         m.in_tower_sight(i, p);
}

// In EntityKind order (service_kinds()).
constexpr std::array kServiceKinds = {
    ServiceKind{
        .kind = EntityKind::kTower,
        .sites = [](const Model& m) { return m.towers.size(); },
        .availability = [](const Model& m, std::size_t i) -> const AvailabilityParams& {
          return m.towers[i].availability;
        },
        .false_alarms_per_s = [](const Model& m,
                                 std::size_t i) { return m.towers[i].false_alarms_per_s; },
        .alarm_area =
            [](const Model& m, std::size_t i) {
              return AlarmArea::in_disc(m.towers[i].position, m.towers[i].range_m);
            },
        .looks_at = [](const Model& m, std::size_t i, MapPoint p) { return m.tower_sees(i, p); },
        .report_latency_s = [](const Model& m,
                               std::size_t i) { return m.towers[i].report_latency_s; },
        .build = tower_service,
    },
    ServiceKind{
        .kind = EntityKind::kDrone,
        .sites = [](const Model& m) { return m.drones.size(); },
        .availability = [](const Model& m, std::size_t i) -> const AvailabilityParams& {
          return m.drones[i].availability;
        },
        .grounded_by_weather = true,
        // A grounded drone raises none. Its alarms do not know its airframes' rotation: the
        // world drops those that fall while no airframe is on station.
        .false_alarms_per_s =
            [](const Model& m, std::size_t i) {
              return m.drones[i].grounded ? 0.0 : m.drones[i].false_alarms_per_s;
            },
        .alarm_area =
            [](const Model& m, std::size_t i) {
              return AlarmArea::in_box(m.drones[i].reach_lo, m.drones[i].reach_hi);
            },
        .report_latency_s = [](const Model& m,
                               std::size_t i) { return m.drones[i].report_latency_s; },
        .build = drone_service,
    },
    ServiceKind{
        .kind = EntityKind::kPatrol,
        .sites = [](const Model& m) { return m.patrols.size(); },
        .availability = [](const Model& m, std::size_t i) -> const AvailabilityParams& {
          return m.patrols[i].availability;
        },
        .report_latency_s = [](const Model& m,
                               std::size_t i) { return m.patrols[i].report_latency_s; },
        .build = patrol_service,
    },
    ServiceKind{
        .kind = EntityKind::kAirRecon,
        .sites = [](const Model& m) { return m.air_recon.size(); },
        .report_latency_s = [](const Model& m,
                               std::size_t i) { return m.air_recon[i].report_latency_s; },
        .build = air_recon_service,
    },
    ServiceKind{
        .kind = EntityKind::kGroundSensor,
        .sites = [](const Model& m) { return m.ground_sensors.size(); },
        .stream_index = [](const Model& m, std::size_t i) { return m.ground_sensors[i].key; },
        .availability = [](const Model& m, std::size_t i) -> const AvailabilityParams& {
          return m.ground_sensors[i].availability;
        },
        .false_alarms_per_s = [](const Model& m,
                                 std::size_t i) { return m.ground_sensors[i].false_alarms_per_s; },
        .alarm_area =
            [](const Model& m, std::size_t i) {
              return AlarmArea::in_disc(m.ground_sensors[i].position, m.ground_sensors[i].radius_m);
            },
        .report_latency_s = [](const Model& m,
                               std::size_t i) { return m.ground_sensors[i].report_latency_s; },
        .build = ground_sensor_service,
    },
    ServiceKind{
        .kind = EntityKind::kRadar,
        .sites = [](const Model& m) { return m.tower_radar ? m.towers.size() : 0; },
        .in_service_with = EntityKind::kTower,
        .false_alarms_per_s = [](const Model& m,
                                 std::size_t i) { return m.tower_radar->false_alarms_per_s[i]; },
        .alarm_area =
            [](const Model& m, std::size_t i) {
              return AlarmArea::in_disc(m.towers[i].position, m.tower_radar->spec.range_m);
            },
        .looks_at = radar_looks_at,
        // The tower reports what its radar sees.
        .report_latency_s = [](const Model& m,
                               std::size_t i) { return m.towers[i].report_latency_s; },
        .build = radar_service,
    },
};

constexpr bool in_entity_kind_order() {
  for (std::size_t i = 1; i < kServiceKinds.size(); ++i)
    if (kServiceKinds[i - 1].kind >= kServiceKinds[i].kind) return false;
  return true;
}
static_assert(in_entity_kind_order(), "kServiceKinds: one row per kind, in EntityKind order");

}  // namespace

std::span<const ServiceKind> service_kinds() { return kServiceKinds; }

}  // namespace bordersim
