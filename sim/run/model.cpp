#include "bordersim/run/model.h"

#include <fmt/format.h>
#include <tbb/parallel_for.h>

#include <algorithm>
#include <cmath>

#include "bordersim/core/error.h"
#include "bordersim/movers/crosser_variety.h"
#include "bordersim/run/sensor_service.h"
#include "bordersim/run/weather_model.h"
#include "bordersim/scenario/limits.h"
#include "moving_sites.h"

namespace bordersim {

std::uint16_t Model::sector_of(double border_s) const {
  // Sectors are few and sorted; the first whose end lies beyond s holds it.
  for (std::size_t i = 0; i + 1 < sectors.size(); ++i) {
    if (border_s < sectors[i].to_m) return static_cast<std::uint16_t>(i);
  }
  return static_cast<std::uint16_t>(sectors.size() - 1);
}

bool Model::tower_sees(std::size_t t, MapPoint p) const {
  const TowerSite& tower = towers[t];
  if (std::hypot(p.x - tower.position.x, p.y - tower.position.y) >= tower.range_m) return false;
  return in_tower_sight(t, p);
}

bool Model::in_tower_sight(std::size_t t, MapPoint p) const {
  const TowerSite& tower = towers[t];
  if (!tower.view) return true;
  const auto cell = geography->terrain.elevation.cell_of(p);
  return cell && tower.view->visible(*cell);
}

const sensors::SunState& Model::sun_at(Time t) const {
  const auto step = static_cast<std::size_t>(std::max<Time>(t, 0) / kLightStep);
  return light[std::min(step, light.size() - 1)];
}

double Model::concealment_at(MapPoint p) const {
  const auto& cover = geography->terrain.cover;
  if (cover.cell_count() == 0) return 0.0;
  const auto cell = cover.geometry().cell_of(p);
  return cell ? terrain::properties(cover_table, cover.at(*cell)).concealment : 0.0;
}

namespace {

// Crossers started before the end keep walking; the light table covers them too.
constexpr double kLightMarginH = 72.0;

std::vector<sensors::SunState> light_table(const Scenario& s, sensors::UtcMs start) {
  const sensors::GeoPoint place{s.site.latitude_deg, s.site.longitude_deg};
  const auto steps =
      static_cast<std::size_t>((s.duration_h + kLightMarginH) * 3600.0 * kTicksPerSecond /
                               static_cast<double>(Model::kLightStep)) +
      1;
  std::vector<sensors::SunState> table(steps);
  // Each step is judged at its middle.
  tbb::parallel_for(std::size_t{0}, steps, [&](std::size_t i) {
    const Time mid = static_cast<Time>(i) * Model::kLightStep + Model::kLightStep / 2;
    table[i] = sensors::sun_state(place, sensors::instant_at(start, mid));
  });
  return table;
}

sensors::CameraSpec camera_spec(const CameraKeys& keys) {
  const auto kind =
      keys.kind == "thermal" ? sensors::CameraKind::kThermal : sensors::CameraKind::kVisible;
  sensors::CameraSpec spec = sensors::default_camera_spec(kind);
  spec.hfov_deg = keys.hfov_deg;
  spec.pixels = keys.pixels;
  spec.focal_mm = keys.focal_mm;
  spec.pitch_um = keys.pitch_um;
  spec.scan_period_s = keys.scan_period_s;
  spec.scan_sector_deg = keys.scan_sector_deg;
  spec.n50_cycles = keys.n50_cycles;
  spec.target_size_m = keys.target_size_m;
  spec.extinction_per_km = keys.extinction_per_km;
  spec.stare_glimpse_s = keys.stare_glimpse_s;
  auto& thermal = spec.thermal;
  thermal.crossover_half_width_h =
      keys.crossover_half_width_h.value_or(thermal.crossover_half_width_h);
  thermal.crossover_factor = keys.crossover_factor.value_or(thermal.crossover_factor);
  thermal.noon_factor = keys.noon_factor.value_or(thermal.noon_factor);
  spec.target_contrast = keys.target_contrast.value_or(spec.target_contrast);
  spec.threshold_contrast = keys.threshold_contrast.value_or(spec.threshold_contrast);
  spec.darkness_elevation_deg = keys.darkness_elevation_deg.value_or(spec.darkness_elevation_deg);
  return spec;
}

// The default land-cover table with the scenario's overrides.
terrain::CoverTable cover_table(const LandCoverKeys& keys) {
  terrain::CoverTable table = terrain::default_cover_table();
  const auto apply = [&](terrain::LandCover cover, const std::optional<CoverOverrideKeys>& o) {
    if (!o) return;
    auto& p = table[static_cast<std::size_t>(cover)];
    p.foot_speed_factor = o->foot_speed_factor.value_or(p.foot_speed_factor);
    p.vehicle_speed_factor = o->vehicle_speed_factor.value_or(p.vehicle_speed_factor);
    p.concealment = o->concealment.value_or(p.concealment);
    p.clutter = o->clutter.value_or(p.clutter);
  };
  using terrain::LandCover;
  apply(LandCover::kDesert, keys.desert);
  apply(LandCover::kSteppe, keys.steppe);
  apply(LandCover::kFarmland, keys.farmland);
  apply(LandCover::kUrban, keys.urban);
  apply(LandCover::kMountain, keys.mountain);
  apply(LandCover::kSwamp, keys.swamp);
  apply(LandCover::kWater, keys.water);
  apply(LandCover::kRoad, keys.road);
  return table;
}

// A border read from a file has a length nobody types exactly: the last sector boundary
// may miss it by 1 %, and the last sector then ends where the border does.
constexpr double kBorderLengthSlack = 0.01;

std::vector<SectorInfo> build_sectors(const Scenario& s, double length_m, const std::string& file) {
  std::vector<double> split_km = s.sectors.split_along_border_km;
  if (split_km.empty()) split_km = {0.0, length_m / 1000.0};
  const double last_m = split_km.back() * 1000.0;
  if (std::abs(last_m - length_m) > kBorderLengthSlack * length_m)
    throw InputError(file, fmt::format("/sectors/split_along_border_km/{}", split_km.size() - 1),
                     fmt::format("must be the border's length, {:.3f} km", length_m / 1000.0));
  std::vector<SectorInfo> sectors;
  for (std::size_t i = 0; i + 1 < split_km.size(); ++i) {
    SectorInfo info;
    info.name = s.sectors.names.empty() ? fmt::format("S{}", i + 1) : s.sectors.names[i];
    info.jurisdiction =
        s.sectors.jurisdiction.empty() ? s.jurisdictions.front().name : s.sectors.jurisdiction[i];
    // The loader has checked that the name is one of the jurisdictions.
    const auto named =
        std::find_if(s.jurisdictions.begin(), s.jurisdictions.end(),
                     [&](const JurisdictionSpec& j) { return j.name == info.jurisdiction; });
    info.jurisdiction_index = static_cast<std::uint16_t>(named - s.jurisdictions.begin());
    info.from_m = split_km[i] * 1000.0;
    info.to_m = i + 2 == split_km.size() ? length_m : split_km[i + 1] * 1000.0;
    if (!(info.from_m < info.to_m))
      throw InputError(file, fmt::format("/sectors/split_along_border_km/{}", i + 1),
                       fmt::format("lies beyond the border's end, {:.3f} km", length_m / 1000.0));
    sectors.push_back(info);
  }
  return sectors;
}

// The cell holding p; a tower standing exactly on the grid's east or south edge (the end
// of the border) belongs to the edge cell.
std::optional<terrain::CellIndex> cell_at_or_on_edge(const terrain::ElevationGrid& dem,
                                                     MapPoint p) {
  if (auto cell = dem.cell_of(p)) return cell;
  const auto& g = dem.geometry();
  const MapPoint nudged{p.x - 1e-6 * g.cell_w, p.y + 1e-6 * g.cell_h};
  return dem.cell_of(nudged);
}

std::vector<TowerSite> build_towers(const TowersSpec& spec, const Geography& geo, double length_m,
                                    double refraction, const std::string& file) {
  const auto& along = spec.along_border;
  if (along.offset_m > length_m)
    throw InputError(file, "/sensors/towers/along_border/offset_m", "lies beyond the border's end");
  // Positions from an index, not a running sum, so that rounding does not drift.
  const double towers_wanted = std::floor((length_m - along.offset_m) / along.spacing_m) + 1;
  if (towers_wanted > static_cast<double>(limits::kMaxTowers))  // a border read from a file
    throw InputError(file, "/sensors/towers/along_border/spacing_m",
                     fmt::format("this makes {:.0f} towers, over the limit of {}", towers_wanted,
                                 limits::kMaxTowers));
  const auto count = static_cast<std::size_t>(towers_wanted);
  std::vector<TowerSite> towers(count);
  for (std::size_t i = 0; i < count; ++i) {
    const double s = along.offset_m + static_cast<double>(i) * along.spacing_m;
    const MapPoint out = geo.border.normal_at(s);  // towards home; cameras face the other way
    // Service (availability, clutter, false alarms, latency): set by build_sensor_service.
    towers[i] = {.position = behind_border(geo.border, s, along.setback_m),
                 .facing_deg = std::fmod(std::atan2(-out.x, -out.y) * 180.0 / M_PI + 360.0, 360.0),
                 .range_m = spec.range_m,
                 .crew = !spec.detection_rate_per_s.none(),
                 .instant = spec.detection_rate_per_s.instant,
                 .rate_per_s = spec.detection_rate_per_s.per_s,
                 .resighting_s = spec.crew_resighting_s,
                 .view = std::nullopt,
                 .availability = {},
                 .clutter = 1.0,
                 .false_alarms_per_s = 0.0,
                 .report_latency_s = 0.0};
  }
  if (!geo.has_elevation()) return towers;

  const auto& dem = geo.terrain.elevation;
  std::vector<terrain::CellIndex> cells(count);
  for (std::size_t i = 0; i < count; ++i) {
    const auto cell = cell_at_or_on_edge(dem, towers[i].position);
    if (!cell || std::isnan(dem.at(*cell)))
      throw InputError(file, "/sensors/towers/along_border",
                       fmt::format("tower {} at ({:.0f}, {:.0f}) stands off the terrain grid", i,
                                   towers[i].position.x, towers[i].position.y));
    cells[i] = *cell;
  }
  terrain::ViewshedParams params;
  params.sight = {spec.height_m, spec.target_height_m, refraction, terrain::kEarthRadiusM};
  // One viewshed per tower serves every sensor on it.
  params.max_distance = spec.sight_range_m();
  // Each tower's viewshed lands in its own slot: the result does not depend on threads.
  tbb::parallel_for(std::size_t{0}, count, [&](std::size_t i) {
    towers[i].view = terrain::compute_viewshed(dem, cells[i], params);
  });
  return towers;
}

}  // namespace

std::size_t Model::responder_count() const {
  std::size_t count = responder_homes.size();
  for (const PatrolSite& patrol : patrols)
    if (patrol.responds) count += static_cast<std::size_t>(patrol.vehicles);
  return count;
}

MapPoint behind_border(const terrain::BorderFrame& border, double s, double setback) {
  return border.offset_at(s, setback);
}

Model build_model(const Scenario& scenario, std::shared_ptr<const Geography> geography,
                  const std::string& file, RouteFieldCache* route_fields) {
  Model model;
  model.geography = std::move(geography);
  const Geography& geo = *model.geography;
  model.border_length_m = geo.border.length();
  model.duration = seconds_to_time(scenario.duration_h * 3600.0);
  model.sectors = build_sectors(scenario, model.border_length_m, file);
  if (const auto& towers = scenario.sensors.towers) {
    model.towers = build_towers(*towers, geo, model.border_length_m,
                                scenario.terrain.refraction_coefficient, file);
    std::vector<MapPoint> sites;
    for (const auto& t : model.towers) sites.push_back(t.position);
    model.tower_index = PointIndex(sites, std::max(towers->range_m, 100.0));
    model.tower_range_m = towers->range_m;
    for (const auto& keys : towers->cameras) model.tower_cameras.push_back(camera_spec(keys));
  }
  model.cover_table = cover_table(scenario.land_cover);
  model.start_utc = sensors::parse_local_time(scenario.start, scenario.site.utc_offset_h);
  if (!model.tower_cameras.empty()) model.light = light_table(scenario, model.start_utc);
  if (scenario.weather && scenario.weather->states) {
    model.weather = weather_chain(*scenario.weather);
    model.weather_cameras = weather_cameras(*model.weather, model.tower_cameras);
  }
  if (const auto& qrf = scenario.response.qrf) {
    for (std::size_t b = 0; b < qrf->bases_km.size(); ++b) {
      const double s = qrf->bases_km[b] * 1000.0;
      if (s > model.border_length_m * (1 + kBorderLengthSlack))
        throw InputError(file, fmt::format("/response/qrf/bases_km/{}", b),
                         "lies beyond the border's end");
      for (std::int64_t team = 0; team < qrf->teams_per_base; ++team) {
        model.responder_homes.push_back(behind_border(geo.border, s, qrf->setback_m));
        model.responder_base.push_back(static_cast<std::uint16_t>(b));
      }
    }
  }
  for (const auto& line : scenario.sensors.ground_sensors)
    model.ground_sensor_reach_m = std::max(model.ground_sensor_reach_m, line.radius_m);
  model.command = resolve_command(scenario);
  model.crossers = {
      scenario.threats,
      model.border_length_m,
      corridor_depth_m(scenario.terrain),
      model.duration,
      model.start_utc,
      scenario.site.longitude_deg,
      NightTable(model.duration, Model::kLightStep,
                 {scenario.site.latitude_deg, scenario.site.longitude_deg}, model.start_utc,
                 model.light),
      knowledge_named(scenario.threats.infiltrators ? scenario.threats.infiltrators->knowledge
                                                    : InfiltratorsSpec{}.knowledge),
      knowledge_named(scenario.threats.smugglers ? scenario.threats.smugglers->knowledge
                                                 : SmugglersSpec{}.knowledge)};
  model.seed = scenario.seed;
  model.max_events_per_replication =
      static_cast<std::uint64_t>(scenario.batch.max_events_per_replication);
  model.seam_band_km = scenario.sectors.seam_band_km;
  build_moving_sensors(model, scenario, file);
  build_sensor_service(model, scenario, file);  // after the sites whose clutter and service it sets
  model.routing = build_route_planning(model, scenario, file, route_fields);
  return model;
}

Model build_model(const Scenario& scenario, const std::string& file) {
  return build_model(scenario, build_geography(scenario.terrain, file), file);
}

}  // namespace bordersim
