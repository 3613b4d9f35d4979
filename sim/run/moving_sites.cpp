#include "moving_sites.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <stdexcept>

#include "bordersim/core/error.h"
#include "bordersim/scenario/limits.h"
#include "bordersim/sensors/motion.h"
#include "patrol_routes.h"

namespace bordersim {
namespace {

// Lane pieces are looked up by the box of a crossing (a few km): cells of this size.
constexpr double kLaneBucketM = 5000.0;
// A stretch given in km may overshoot a border read from a file by this fraction.
constexpr double kLengthSlack = 0.01;

// The lane `offset` behind the border over [from, to], one piece per border segment.
void add_lane(SweepRoute& route, const terrain::BorderFrame& border, double offset) {
  const auto lane = static_cast<std::uint32_t>(route.lane_offsets_m.size());
  route.lane_offsets_m.push_back(offset);
  std::vector<double> cuts{route.from_m};
  for (double s : border.vertex_s()) {
    if (s > route.from_m && s < route.to_m) cuts.push_back(s);
  }
  cuts.push_back(route.to_m);
  for (std::size_t i = 0; i + 1 < cuts.size(); ++i) {
    const double s0 = cuts[i], s1 = cuts[i + 1];
    if (!(s1 > s0)) continue;
    const double mid = 0.5 * (s0 + s1);  // inside the segment: its own tangent and normal
    const MapPoint n = border.normal_at(mid);
    const MapPoint start = border.point_at(s0);
    route.pieces.push_back(
        {lane, s0, s1, {start.x + offset * n.x, start.y + offset * n.y}, border.tangent_at(mid)});
  }
}

void index_lanes(SweepRoute& route) {
  route.index = SegmentIndex(kLaneBucketM);
  for (std::uint32_t i = 0; i < route.pieces.size(); ++i) {
    const LanePiece& p = route.pieces[i];
    route.index.insert(i, p.p0, p.at(p.s1));
  }
}

// A stretch in km checked against the border's real length (files: known only now).
std::pair<double, double> stretch_m(const std::vector<double>& km, double length_m,
                                    const std::string& ptr, const std::string& file) {
  if (km.empty()) return {0.0, length_m};
  if (km[1] * 1000.0 > length_m * (1 + kLengthSlack))
    throw InputError(file, ptr + "/1",
                     fmt::format("lies beyond the border's end, {:.3f} km", length_m / 1000.0));
  return {km[0] * 1000.0, std::min(km[1] * 1000.0, length_m)};
}

// Grows [lo, hi] to hold p.
void grow(MapPoint& lo, MapPoint& hi, MapPoint p) {
  lo = {std::min(lo.x, p.x), std::min(lo.y, p.y)};
  hi = {std::max(hi.x, p.x), std::max(hi.y, p.y)};
}

DroneSite build_drone(const Model& model, const Scenario& scenario, const DroneSpec& spec,
                      std::size_t i, const std::string& file) {
  const auto& border = model.geography->border;
  const std::string ptr = fmt::format("/sensors/drones/{}", i);
  DroneSite d;
  const auto [from, to] = stretch_m(spec.orbit.along_border_km, model.border_length_m,
                                    ptr + "/orbit/along_border_km", file);
  d.random_pattern = spec.orbit.pattern == "random";
  d.from_m = from;
  d.to_m = to;
  d.offset_m = spec.orbit.offset_m;
  d.depth_m = d.random_pattern ? spec.orbit.depth_m : 0.0;
  d.leg_m = spec.orbit.leg_km * 1000.0;
  d.speed_mps = spec.speed_mps;
  d.law = spec.sensor.law == "definite" ? DroneLaw::kDefinite : DroneLaw::kInverseCube;
  d.range_m = spec.sensor.range_m;
  d.k_m2_per_s = spec.sensor.k_m2_per_s;
  d.glimpse_period = std::max<Time>(1, seconds_to_time(spec.sensor.glimpse_period_s));
  d.altitude_m = spec.altitude_m;
  if (const auto& weather = scenario.weather) {
    d.grounded = weather->cloud_base_m < spec.min_ceiling_m;
    d.altitude_m = std::min(d.altitude_m, weather->cloud_base_m);  // stays below the cloud to see
  }
  if (spec.base_km * 1000.0 > model.border_length_m * (1 + kLengthSlack))
    throw InputError(file, ptr + "/base_km", "lies beyond the border's end");
  const MapPoint base = behind_border(border, spec.base_km * 1000.0, spec.base_setback_m);
  const MapPoint middle = behind_border(border, 0.5 * (from + to), d.offset_m);
  d.transit_s = std::hypot(base.x - middle.x, base.y - middle.y) / spec.speed_mps;
  try {
    const auto schedule = sensors::station_schedule(
        spec.endurance_h * 3600.0, spec.turnaround_h * 3600.0, d.transit_s, spec.airframes);
    d.on_station = schedule.on_station;
    d.slot = schedule.slot;
  } catch (const std::invalid_argument&) {
    throw InputError(
        file, ptr + "/endurance_h",
        fmt::format("leaves no time on station: the round trip from the base takes {:.2f} h",
                    2.0 * d.transit_s / 3600.0));
  }
  // The ground within range of the track: the track's lanes' box, grown by the range.
  SweepRoute edges;
  edges.from_m = from;
  edges.to_m = to;
  add_lane(edges, border, d.offset_m - 0.5 * d.depth_m);
  add_lane(edges, border, d.offset_m + 0.5 * d.depth_m);
  d.reach_lo = edges.pieces.front().p0;
  d.reach_hi = d.reach_lo;
  for (const LanePiece& p : edges.pieces) {
    grow(d.reach_lo, d.reach_hi, p.p0);
    grow(d.reach_lo, d.reach_hi, p.at(p.s1));
  }
  d.reach_lo = {d.reach_lo.x - d.range_m, d.reach_lo.y - d.range_m};
  d.reach_hi = {d.reach_hi.x + d.range_m, d.reach_hi.y + d.range_m};
  d.sector = model.sector_of(0.5 * (from + to));
  return d;
}

// A lane along the polyline `points` (closed back to the first when `loop`), its arc
// length the distance driven from the first point; repeated points are skipped.
void add_polyline_lane(SweepRoute& route, std::vector<MapPoint> points, bool loop) {
  route.lane_offsets_m.push_back(0.0);
  if (loop) points.push_back(points.front());
  double s = 0.0;
  for (std::size_t j = 0; j + 1 < points.size(); ++j) {
    const MapPoint a = points[j], b = points[j + 1];
    const double length = std::hypot(b.x - a.x, b.y - a.y);
    if (!(length > 0.0)) continue;
    route.pieces.push_back({0, s, s + length, a, {(b.x - a.x) / length, (b.y - a.y) / length}});
    s += length;
  }
  route.from_m = 0.0;
  route.to_m = s;
}

// Seconds since local midnight at simulated time 0, from the scenario's start.
double start_of_run_local_s(const Model& model, const Scenario& scenario) {
  constexpr std::int64_t kDayMs = 86'400'000;
  const auto offset_ms =
      static_cast<std::int64_t>(std::llround(scenario.site.utc_offset_h * 3'600'000.0));
  return static_cast<double>(((model.start_utc + offset_ms) % kDayMs + kDayMs) % kDayMs) / 1000.0;
}

PatrolSite build_patrol(const Model& model, const Scenario& scenario, const PatrolSpec& spec,
                        std::size_t i, const std::string& file) {
  PatrolSite p;
  const std::string ptr = fmt::format("/sensors/patrols/{}", i);
  if (spec.route_points || spec.route_lonlat || spec.route_file) {
    p.on_border_road = false;
    p.loop = spec.drive == "loop";
    add_polyline_lane(p.route, patrol_route_points(model, spec, i, file), p.loop);
    if (!(p.route.to_m > 0.0))
      throw InputError(file,
                       ptr + (spec.route_points   ? "/route_points"
                              : spec.route_lonlat ? "/route_lonlat"
                                                  : "/route_file"),
                       "a route of zero length (all its points coincide)");
    // Routes in lon/lat are measured only now: the bound on legs of the round
    // (check_limits.cpp) is applied here.
    const double legs = scenario.duration_h * 3600.0 * spec.speed_mps / p.route.to_m *
                        static_cast<double>(spec.vehicles);
    if (legs > limits::kMaxPeriodicSteps)
      throw InputError(file,
                       ptr + (spec.route_points   ? "/route_points"
                              : spec.route_lonlat ? "/route_lonlat"
                                                  : "/route_file"),
                       fmt::format("{:.0f} legs of the round per replication (duration x speed / "
                                   "length x vehicles), over the limit of {:.0f}",
                                   legs, limits::kMaxPeriodicSteps));
  } else {
    const auto [from, to] =
        stretch_m(spec.along_border_km, model.border_length_m, ptr + "/along_border_km", file);
    p.route.from_m = from;
    p.route.to_m = to;
    add_lane(p.route, model.geography->border, spec.offset_m);
  }
  index_lanes(p.route);
  if (spec.active_h)
    p.shifts = sensors::DailyWindows(*spec.active_h, start_of_run_local_s(model, scenario));
  p.vehicles = spec.vehicles;
  p.speed_mps = spec.speed_mps;
  p.range_m = 0.5 * spec.sweep_width_m;
  p.responds = spec.respond;
  p.response_speed_mps = spec.response_speed_mps.value_or(spec.speed_mps);
  p.on_scene_s = spec.on_scene_s;
  return p;
}

ReconSite build_recon(const Model& model, const Scenario& scenario, const AirReconSpec& spec) {
  ReconSite r;
  r.first_s = spec.first_at_h * 3600.0;
  r.every_s = spec.every_h * 3600.0;
  r.duration_s = spec.duration_h * 3600.0;
  r.speed_mps = spec.speed_mps;
  r.range_m = 0.5 * spec.sweep_width_m;
  if (const auto& weather = scenario.weather)
    r.grounded = weather->cloud_base_m < spec.min_ceiling_m;
  // Lanes evenly spaced across the strip, no farther apart than the sweep width.
  const double depth = spec.strip_m[1] - spec.strip_m[0];
  const auto lanes =
      static_cast<std::size_t>(std::max(1.0, std::ceil(depth / spec.sweep_width_m - 1e-9)));
  for (const SectorInfo& sector : model.sectors) {
    if (!spec.sectors.empty() &&
        std::find(spec.sectors.begin(), spec.sectors.end(), sector.name) == spec.sectors.end())
      continue;
    SweepRoute route;
    route.from_m = sector.from_m;
    route.to_m = sector.to_m;
    for (std::size_t j = 0; j < lanes; ++j)
      add_lane(
          route, model.geography->border,
          spec.strip_m[0] + (static_cast<double>(j) + 0.5) * depth / static_cast<double>(lanes));
    index_lanes(route);
    r.sectors.push_back(std::move(route));
  }
  return r;
}

}  // namespace

MapPoint lane_point(const SweepRoute& route, double s) {
  // One lane: its pieces follow one another along the border.
  auto piece = std::lower_bound(route.pieces.begin(), route.pieces.end(), s,
                                [](const LanePiece& q, double x) { return q.s1 < x; });
  if (piece == route.pieces.end()) --piece;
  return piece->at(s);
}

void build_moving_sensors(Model& model, const Scenario& scenario, const std::string& file) {
  const SensorsSpec& sensors = scenario.sensors;
  for (std::size_t i = 0; i < sensors.drones.size(); ++i)
    model.drones.push_back(build_drone(model, scenario, sensors.drones[i], i, file));
  std::int64_t vehicles = 0;
  for (std::size_t i = 0; i < sensors.patrols.size(); ++i) {
    model.patrols.push_back(build_patrol(model, scenario, sensors.patrols[i], i, file));
    model.patrols.back().first_vehicle = static_cast<std::uint32_t>(vehicles);
    vehicles += sensors.patrols[i].vehicles;
    if (vehicles >= std::int64_t{1} << 24)
      throw InputError(file, fmt::format("/sensors/patrols/{}/vehicles", i),
                       "more than 16777215 patrol vehicles in all");
  }
  for (const AirReconSpec& spec : sensors.air_recon)
    model.air_recon.push_back(build_recon(model, scenario, spec));
}

}  // namespace bordersim
