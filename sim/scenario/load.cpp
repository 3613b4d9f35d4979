#include "bordersim/scenario/load.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <limits>
#include <set>

#include "bordersim/scenario/strict_json.h"
#include "bordersim/sensors/camera.h"
#include "bordersim/sensors/sun.h"
#include "check_limits.h"
#include "check_patrols.h"
#include "check_threats.h"
#include "check_weather.h"
#include "field_io.h"

namespace bordersim {
namespace detail {

std::string pointer_token(std::string_view key) {
  std::string out;
  for (char c : key) {
    if (c == '~')
      out += "~0";
    else if (c == '/')
      out += "~1";
    else
      out += c;
  }
  return out;
}

}  // namespace detail

namespace {

using detail::FieldReader;

// Exactly one kind of terrain; none written means flat ground with its defaults.
void settle_terrain_kind(TerrainSpec& t, const std::string& file) {
  const int kinds = t.flat.has_value() + t.synthetic.has_value() + t.files.has_value();
  if (kinds > 1)
    throw InputError(file, "/terrain",
                     "give one of \"flat\", \"synthetic\" or \"files\", not several");
  if (kinds == 0) t.flat.emplace();
}

// Data files named relative to the scenario are found beside it; each must exist, so that
// a typo fails before any work.
void resolve_terrain_files(TerrainFilesSpec& files, const std::filesystem::path& scenario_dir,
                           const std::string& file) {
  if (files.home_point_lonlat.size() != 2)
    throw InputError(file, "/terrain/files/home_point_lonlat", "expected [lon, lat]");
  const auto resolve = [&](std::string& path, const char* key) {
    if (path.empty()) return;
    std::filesystem::path p(path);
    if (p.is_relative()) p = scenario_dir / p;
    if (!std::filesystem::is_regular_file(p))
      throw InputError(file, std::string("/terrain/files/") + key,
                       "cannot open \"" + p.string() + "\"");
    path = p.lexically_normal().string();
  };
  if (!files.crs.empty() && !parse_epsg(files.crs))
    throw InputError(file, "/terrain/files/crs",
                     fmt::format("\"{}\" is not \"EPSG:<code>\" of a metric CRS", files.crs));
  resolve(files.border, "border");
  resolve(files.dem, "dem");
  resolve(files.rivers, "rivers");
  resolve(files.towns, "towns");
  if (files.land_cover_raster) resolve(files.land_cover_raster->file, "land_cover_raster/file");
  if (files.land_cover_polygons)
    resolve(files.land_cover_polygons->file, "land_cover_polygons/file");
}

// The border's length where the scenario alone tells it; empty for real geography, whose
// length is known only once its file is read (the model checks it then).
std::optional<double> border_length_km(const TerrainSpec& t) {
  if (t.flat) return t.flat->length_km;
  if (t.synthetic) return t.synthetic->length_km;
  return std::nullopt;
}

double corridor_depth_km(const TerrainSpec& t) {
  if (t.flat) return t.flat->depth_km;
  if (t.synthetic) return t.synthetic->depth_km;
  return t.files->depth_km;
}

// A stretch [from, to] along the border, in km: two increasing values within the border.
void check_stretch(const std::vector<double>& km, double length_km, const std::string& ptr,
                   const std::string& file) {
  if (km.size() != 2) throw InputError(file, ptr, "expected [from, to] in km along the border");
  if (!(km[0] < km[1])) throw InputError(file, ptr + "/1", "must be greater than from");
  if (km[1] > length_km) throw InputError(file, ptr + "/1", "lies beyond the end of the border");
}

// Drones, patrols and reconnaissance: stretches within the border, sectors that exist.
// Checks that need the border's geometry (a drone's transit against its endurance) are
// made when the model is built.
void check_moving_sensors(const Scenario& s, std::size_t sector_count, double length_km,
                          const std::string& file) {
  for (std::size_t i = 0; i < s.sensors.drones.size(); ++i) {
    const DroneSpec& d = s.sensors.drones[i];
    const std::string ptr = fmt::format("/sensors/drones/{}", i);
    check_stretch(d.orbit.along_border_km, length_km, ptr + "/orbit/along_border_km", file);
    if (d.base_km > length_km)
      throw InputError(file, ptr + "/base_km", "lies beyond the end of the border");
  }
  for (std::size_t i = 0; i < s.sensors.patrols.size(); ++i) {
    const PatrolSpec& p = s.sensors.patrols[i];
    if (!p.along_border_km.empty())
      check_stretch(p.along_border_km, length_km,
                    fmt::format("/sensors/patrols/{}/along_border_km", i), file);
  }
  std::vector<std::string> names = s.sectors.names;
  if (names.empty()) {
    for (std::size_t k = 0; k < sector_count; ++k) names.push_back(fmt::format("S{}", k + 1));
  }
  for (std::size_t i = 0; i < s.sensors.air_recon.size(); ++i) {
    const AirReconSpec& a = s.sensors.air_recon[i];
    const std::string ptr = fmt::format("/sensors/air_recon/{}", i);
    if (a.strip_m.size() != 2)
      throw InputError(file, ptr + "/strip_m", "expected [from, to] in m across the border");
    if (!(a.strip_m[0] < a.strip_m[1]))
      throw InputError(file, ptr + "/strip_m/1", "must be greater than from");
    std::set<std::string> seen;
    for (std::size_t k = 0; k < a.sectors.size(); ++k) {
      if (std::find(names.begin(), names.end(), a.sectors[k]) == names.end())
        throw InputError(file, fmt::format("{}/sectors/{}", ptr, k),
                         fmt::format("\"{}\" is not a sector (see /sectors/names)", a.sectors[k]));
      if (!seen.insert(a.sectors[k]).second)
        throw InputError(file, fmt::format("{}/sectors/{}", ptr, k), "sector listed twice");
    }
    if (a.duration_h > a.every_h)
      throw InputError(file, ptr + "/duration_h", "sorties overlap: longer than every_h");
  }
}

// Maintenance windows of one sensor must not overlap themselves: a window no longer than
// its period.
void check_availability(const AvailabilitySpec& a, const std::string& ptr,
                        const std::string& file) {
  for (std::size_t k = 0; k < a.downtime.size(); ++k) {
    const DowntimeSpec& d = a.downtime[k];
    if (d.every_h > 0.0 && d.duration_h > d.every_h)
      throw InputError(file, fmt::format("{}/downtime/{}/duration_h", ptr, k),
                       "windows overlap: longer than every_h");
  }
}

// Ground sensor lines within the border; every sensor's maintenance windows well formed.
void check_sensor_service(const Scenario& s, double length_km, const std::string& file) {
  if (s.sensors.towers)
    check_availability(s.sensors.towers->availability, "/sensors/towers/availability", file);
  for (std::size_t i = 0; i < s.sensors.drones.size(); ++i)
    check_availability(s.sensors.drones[i].availability,
                       fmt::format("/sensors/drones/{}/availability", i), file);
  for (std::size_t i = 0; i < s.sensors.patrols.size(); ++i)
    check_availability(s.sensors.patrols[i].availability,
                       fmt::format("/sensors/patrols/{}/availability", i), file);
  for (std::size_t i = 0; i < s.sensors.ground_sensors.size(); ++i) {
    const GroundSensorLineSpec& g = s.sensors.ground_sensors[i];
    const std::string ptr = fmt::format("/sensors/ground_sensors/{}", i);
    if (!g.along_border_km.empty())
      check_stretch(g.along_border_km, length_km, ptr + "/along_border_km", file);
    check_availability(g.availability, ptr + "/availability", file);
  }
}

// Checks that involve more than one key. Pointers name the key to fix.
void check_consistency(const Scenario& s, const std::string& file) {
  const auto fail = [&](const std::string& ptr, const std::string& problem) {
    throw InputError(file, ptr, problem);
  };
  const std::optional<double> known_length_km = border_length_km(s.terrain);
  const double length_km = known_length_km.value_or(std::numeric_limits<double>::infinity());

  try {
    sensors::parse_local_time(s.start, s.site.utc_offset_h);
  } catch (const std::invalid_argument& e) {
    fail("/start", std::string("expected a local time YYYY-MM-DDThh:mm[:ss]: ") + e.what());
  }
  if (s.jurisdictions.empty()) fail("/jurisdictions", "at least one jurisdiction is needed");
  std::set<std::string> jurisdiction_names;
  for (std::size_t i = 0; i < s.jurisdictions.size(); ++i) {
    if (!jurisdiction_names.insert(s.jurisdictions[i].name).second)
      fail(fmt::format("/jurisdictions/{}/name", i), "duplicate jurisdiction name");
  }

  const auto& split = s.sectors.split_along_border_km;
  const std::size_t sector_count = split.empty() ? 1 : split.size() - 1;
  if (!split.empty()) {
    if (split.size() < 2) fail("/sectors/split_along_border_km", "needs at least two values");
    if (split.front() != 0.0) fail("/sectors/split_along_border_km/0", "must be 0");
    for (std::size_t i = 1; i < split.size(); ++i) {
      if (!(split[i] > split[i - 1]))
        fail(fmt::format("/sectors/split_along_border_km/{}", i), "must be increasing");
    }
    if (known_length_km && std::abs(split.back() - length_km) > 1e-9 * length_km)
      fail(fmt::format("/sectors/split_along_border_km/{}", split.size() - 1),
           fmt::format("must equal the border's length, {} km", length_km));
  }
  if (!s.sectors.names.empty() && s.sectors.names.size() != sector_count)
    fail("/sectors/names", fmt::format("expected {} names, one per sector", sector_count));
  if (!s.sectors.jurisdiction.empty()) {
    if (s.sectors.jurisdiction.size() != sector_count)
      fail("/sectors/jurisdiction", fmt::format("expected {} names, one per sector", sector_count));
    for (std::size_t i = 0; i < sector_count; ++i) {
      if (!jurisdiction_names.contains(s.sectors.jurisdiction[i]))
        fail(fmt::format("/sectors/jurisdiction/{}", i),
             fmt::format("\"{}\" is not a jurisdiction in /jurisdictions",
                         s.sectors.jurisdiction[i]));
    }
  }

  if (s.sensors.towers && s.sensors.towers->along_border.offset_m > length_km * 1000.0)
    fail("/sensors/towers/along_border/offset_m", "lies beyond the end of the border");
  if (s.sensors.towers) {
    const auto& cameras = s.sensors.towers->cameras;
    for (std::size_t i = 0; i < cameras.size(); ++i) {
      const CameraKeys& c = cameras[i];
      const auto thermal_only = [&](const std::optional<double>& key, const char* name) {
        if (key && c.kind != "thermal")
          fail(fmt::format("/sensors/towers/cameras/{}/{}", i, name),
               "applies to thermal cameras only (this camera's kind is \"visible\")");
      };
      thermal_only(c.crossover_half_width_h, "crossover_half_width_h");
      thermal_only(c.crossover_factor, "crossover_factor");
      thermal_only(c.noon_factor, "noon_factor");
      if (c.darkness_elevation_deg && c.kind == "thermal")
        fail(fmt::format("/sensors/towers/cameras/{}/darkness_elevation_deg", i),
             "applies to visible cameras only (this camera's kind is \"thermal\": it sees in "
             "the dark)");
      // A camera whose target is no brighter than its threshold would never see anyone.
      const sensors::CameraSpec kind_default = sensors::default_camera_spec(
          c.kind == "thermal" ? sensors::CameraKind::kThermal : sensors::CameraKind::kVisible);
      const double target = c.target_contrast.value_or(kind_default.target_contrast);
      const double threshold = c.threshold_contrast.value_or(kind_default.threshold_contrast);
      if (!(target > threshold))
        fail(fmt::format("/sensors/towers/cameras/{}/{}", i,
                         c.target_contrast ? "target_contrast" : "threshold_contrast"),
             fmt::format("the target's contrast ({}) must exceed the camera's threshold ({}), "
                         "or the camera never sees anyone",
                         target, threshold));
    }
  }

  check_moving_sensors(s, sector_count, length_km, file);
  detail::check_patrol_routes(s.sensors, s.terrain.files.has_value(), length_km, file);
  check_sensor_service(s, length_km, file);

  const bool planned_routes = !s.terrain.flat && s.routing.crossers == "planned";
  detail::check_threats(s.threats, length_km, corridor_depth_km(s.terrain), planned_routes, file);
  if (s.weather) detail::check_weather(*s.weather, s.duration_h, file);

  if (const auto& qrf = s.response.qrf) {
    if (qrf->bases_km.empty()) fail("/response/qrf/bases_km", "at least one base is needed");
    for (std::size_t i = 0; i < qrf->bases_km.size(); ++i) {
      if (qrf->bases_km[i] > length_km)
        fail(fmt::format("/response/qrf/bases_km/{}", i), "lies beyond the end of the border");
    }
  }
}

Scenario read_scenario(const Json& document, const std::string& file) {
  Scenario scenario;
  FieldReader reader(document, "", file);
  visit_fields(reader, scenario);
  reader.finish();
  settle_terrain_kind(scenario.terrain, file);
  if (scenario.terrain.files)
    resolve_terrain_files(*scenario.terrain.files, std::filesystem::path(file).parent_path(), file);
  detail::resolve_patrol_routes(scenario.sensors, std::filesystem::path(file).parent_path(), file);
  check_consistency(scenario, file);
  detail::check_limits(scenario, file);
  detail::settle_arrival_timing(scenario.threats);
  return scenario;
}

Json parse_json(const std::string& text, const std::string& file) {
  Json document = parse_strict_json(text, file);
  if (!document.is_object()) throw InputError(file, "", "a scenario must be a JSON object");
  return document;
}

// An error found in a variant points into the variant's patch when the patch wrote the
// offending key, and into the base otherwise (then the message names the variant).
Scenario read_variant(const Json& base, const std::string& name, const Json& patch,
                      const std::string& file) {
  const std::string variant_ptr = "/variants/" + detail::pointer_token(name);
  if (!patch.is_object())
    throw InputError(file, variant_ptr, "a variant must be a JSON object (a merge patch)");
  for (const char* shared : {"seed", "batch", "variants"}) {
    if (patch.contains(shared))
      throw InputError(file, variant_ptr + "/" + shared,
                       "variants share the batch's seed and replications (common random numbers); "
                       "set it in the base scenario");
  }
  Json merged = base;
  merged.merge_patch(patch);
  try {
    return read_scenario(merged, file);
  } catch (const InputError& e) {
    const Json::json_pointer where(e.pointer());
    if (patch.contains(where)) throw InputError(file, variant_ptr + e.pointer(), e.problem());
    throw InputError(file, e.pointer(), e.problem() + fmt::format(" (in variant \"{}\")", name));
  }
}

}  // namespace

Json scenario_to_json(const Scenario& scenario) { return detail::FieldWriter::to_json(scenario); }

LoadedScenario load_scenario_text(const std::string& text, const std::string& file,
                                  const ScenarioOverrides& overrides) {
  Json document = parse_json(text, file);
  if (overrides.seed) document["seed"] = *overrides.seed;
  if (overrides.replications) {
    if (!document.contains("batch")) document["batch"] = Json::object();
    if (document["batch"].is_object()) document["batch"]["replications"] = *overrides.replications;
  }

  // The sweep is scenario/sweep.h's to read; `run` and `validate` carry it along.
  Json sweep;
  if (auto it = document.find("sweep"); it != document.end()) {
    sweep = *it;
    document.erase(it);
  }

  Json patches = Json::object();
  if (auto it = document.find("variants"); it != document.end()) {
    if (!it->is_object() || it->empty())
      throw InputError(file, "/variants", "expected an object of named merge patches");
    check_variant_names(*it, file);
    patches = *it;
    document.erase("variants");
  } else {
    patches["baseline"] = Json::object();
  }

  LoadedScenario loaded;
  loaded.file = file;
  loaded.base = read_scenario(document, file);
  for (const auto& wanted : overrides.only_variants) {
    if (!patches.contains(wanted))
      throw InputError(file, "/variants", fmt::format("no variant named \"{}\"", wanted));
  }
  loaded.resolved = scenario_to_json(loaded.base);
  if (!sweep.is_null()) loaded.resolved["sweep"] = sweep;
  loaded.resolved["variants"] = Json::object();
  for (const auto& [name, patch] : patches.items()) {
    const auto& only = overrides.only_variants;
    if (!only.empty() && std::find(only.begin(), only.end(), name) == only.end()) continue;
    loaded.variants.push_back({name, read_variant(document, name, patch, file), patch});
    loaded.resolved["variants"][name] = patch;
  }
  return loaded;
}

LoadedScenario load_scenario_file(const std::string& path, const ScenarioOverrides& overrides) {
  return load_scenario_text(read_scenario_bytes(path), path, overrides);
}

}  // namespace bordersim
