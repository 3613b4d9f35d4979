#pragma once
// The one list of scenario keys: each struct's fields, their JSON names and their valid
// ranges. The loader walks it to read and check a file; the writer walks it to print the
// fully resolved scenario. A key added here is read, checked and written everywhere.
#include <initializer_list>
#include <limits>
#include <string_view>

#include "bordersim/scenario/scenario.h"

namespace bordersim {

// A closed or half-open interval of allowed numbers.
struct Range {
  double min = -std::numeric_limits<double>::infinity();
  double max = std::numeric_limits<double>::infinity();
  bool min_open = false;  // true: value must be > min

  static constexpr Range positive() { return {0.0, std::numeric_limits<double>::infinity(), true}; }
  static constexpr Range non_negative() { return {0.0}; }
  static constexpr Range at_least(double m) { return {m}; }
  static constexpr Range between(double lo, double hi) { return {lo, hi}; }
  static constexpr Range any() { return {}; }
};

// A per-crossing distribution (scenario/distribution.h): the range its parameters that
// are values of the key (value, min, max, mean) must lie in, and whether the exponential
// family means something for the key (a goal depth: yes; a speed: no).
struct DistributionCheck {
  Range range;
  bool exponential = false;
};

// Allowed words for a string key; empty: any string.
using Words = std::initializer_list<std::string_view>;

template <class V>
void visit_fields(V& v, FlatTerrainSpec& t) {
  v.field("length_km", t.length_km, Range::between(0.1, 20000.0));
  v.field("depth_km", t.depth_km, Range::positive());
}

template <class V>
void visit_fields(V& v, SyntheticTerrainSpecKeys& t) {
  v.field("length_km", t.length_km, Range::between(20.0, 20000.0));
  v.field("depth_km", t.depth_km, Range::between(8.0, 2000.0));
  v.field("foreign_depth_km", t.foreign_depth_km, Range::between(1.0, 2000.0));
  v.field("seed", t.seed);
}

// The land-cover classes' names, as scenarios and GeoJSON write them (terrain/land_cover.h).
inline const Words kCoverNames = {"desert",   "steppe", "farmland", "urban",
                                  "mountain", "swamp",  "water",    "road"};

template <class V>
void visit_fields(V& v, CoverRasterClassKeys& c) {
  v.required("value", c.value);
  v.required("cover", c.cover, kCoverNames);
}

template <class V>
void visit_fields(V& v, CoverRasterKeys& c) {
  v.required("file", c.file);
  v.required("classes", c.classes);
  v.field("unmapped", c.unmapped, kCoverNames);
  v.field("nodata", c.nodata, kCoverNames);
  v.field("band", c.band, Range::between(1, 65535));
}

template <class V>
void visit_fields(V& v, CoverPolygonKeys& c) {
  v.required("file", c.file);
  v.field("property", c.property);
  v.field("all_touched", c.all_touched);
}

template <class V>
void visit_fields(V& v, TerrainFilesSpec& t) {
  v.required("border", t.border);
  v.required("home_point_lonlat", t.home_point_lonlat, Range::between(-180.0, 180.0));
  v.field("dem", t.dem);
  v.field("rivers", t.rivers);
  v.field("towns", t.towns);
  v.field("crs", t.crs);
  v.field("depth_km", t.depth_km, Range::between(1.0, 2000.0));
  v.field("foreign_depth_km", t.foreign_depth_km, Range::between(1.0, 2000.0));
  v.field("seed", t.seed);
  v.field("river_width_m", t.river_width_m, Range::between(1.0, 10000.0));
  v.field("town_people_per_km2", t.town_people_per_km2, Range::between(10.0, 1e6));
  v.field("land_cover_raster", t.land_cover_raster);
  v.field("land_cover_polygons", t.land_cover_polygons);
}

template <class V>
void visit_fields(V& v, TerrainSpec& t) {
  v.field("flat", t.flat);
  v.field("synthetic", t.synthetic);
  v.field("files", t.files);
  v.field("cell_m", t.cell_m, Range::between(10.0, 5000.0));
  v.field("max_cells", t.max_cells, Range::between(1, 4e9));
  v.field("refraction_coefficient", t.refraction_coefficient, Range::between(0.0, 1.0));
}

template <class V>
void visit_fields(V& v, CoverOverrideKeys& c) {
  v.field("foot_speed_factor", c.foot_speed_factor, Range::between(0.0, 10.0));
  v.field("vehicle_speed_factor", c.vehicle_speed_factor, Range::between(0.0, 10.0));
  v.field("concealment", c.concealment, Range::between(0.0, 1.0));
  v.field("clutter", c.clutter, Range::between(0.0, 1000.0));
}

template <class V>
void visit_fields(V& v, LandCoverKeys& l) {
  v.field("desert", l.desert);
  v.field("steppe", l.steppe);
  v.field("farmland", l.farmland);
  v.field("urban", l.urban);
  v.field("mountain", l.mountain);
  v.field("swamp", l.swamp);
  v.field("water", l.water);
  v.field("road", l.road);
}

template <class V>
void visit_fields(V& v, JurisdictionSpec& j) {
  v.required("name", j.name);
}

template <class V>
void visit_fields(V& v, SectorsSpec& s) {
  v.field("split_along_border_km", s.split_along_border_km, Range::non_negative());
  v.field("names", s.names);
  v.field("jurisdiction", s.jurisdiction);
  v.field("handoff", s.handoff, Words{"delayed", "never", "joint"});
  v.field("handoff_delay_s", s.handoff_delay_s, Range::non_negative());
  v.field("seam_band_km", s.seam_band_km, Range::non_negative());
}

template <class V>
void visit_fields(V& v, AlongBorderSpec& a) {
  v.field("spacing_m", a.spacing_m, Range::at_least(1.0));
  v.field("offset_m", a.offset_m, Range::non_negative());
  v.field("setback_m", a.setback_m, Range::any());
}

template <class V>
void visit_fields(V& v, CameraKeys& c) {
  v.field("kind", c.kind, Words{"visible", "thermal"});
  v.field("hfov_deg", c.hfov_deg, Range{0.0, 360.0, true});
  v.field("pixels", c.pixels, Range::at_least(1.0));
  v.field("focal_mm", c.focal_mm, Range::positive());
  v.field("pitch_um", c.pitch_um, Range::positive());
  v.field("scan_period_s", c.scan_period_s, Range::non_negative());
  v.field("scan_sector_deg", c.scan_sector_deg, Range{0.0, 360.0, true});
  v.field("n50_cycles", c.n50_cycles, Range::positive());
  v.field("target_size_m", c.target_size_m, Range::positive());
  v.field("extinction_per_km", c.extinction_per_km, Range::non_negative());
  v.field("stare_glimpse_s", c.stare_glimpse_s, Range::at_least(0.1));
  v.field("crossover_half_width_h", c.crossover_half_width_h, Range::between(0.0, 12.0));
  v.field("crossover_factor", c.crossover_factor, Range::between(0.0, 1.0));
  v.field("noon_factor", c.noon_factor, Range::between(0.0, 1.0));
}

template <class V>
void visit_fields(V& v, DowntimeSpec& d) {
  v.field("first_at_h", d.first_at_h, Range::non_negative());
  v.field("every_h", d.every_h, Range::non_negative());
  v.required("duration_h", d.duration_h, Range::positive());
}

template <class V>
void visit_fields(V& v, AvailabilitySpec& a) {
  v.field("mtbf_h", a.mtbf_h, Range::non_negative());
  v.field("mttr_h", a.mttr_h, Range::positive());
  v.field("downtime", a.downtime);
}

template <class V>
void visit_fields(V& v, RadarCoverKeys& c) {
  v.field("desert", c.desert, Range::between(0.0, 1.0));
  v.field("steppe", c.steppe, Range::between(0.0, 1.0));
  v.field("farmland", c.farmland, Range::between(0.0, 1.0));
  v.field("urban", c.urban, Range::between(0.0, 1.0));
  v.field("mountain", c.mountain, Range::between(0.0, 1.0));
  v.field("swamp", c.swamp, Range::between(0.0, 1.0));
  v.field("water", c.water, Range::between(0.0, 1.0));
  v.field("road", c.road, Range::between(0.0, 1.0));
}

template <class V>
void visit_fields(V& v, RadarKeys& r) {
  // At most 50 km: twice the radio horizon between a 20 m mast and a walker (about 24 km),
  // and each tower's viewshed grows with the square of the range.
  v.field("range_m", r.range_m, Range{0.0, 50000.0, true});
  v.field("sector_centre_deg", r.sector_centre_deg, Range::between(-360.0, 360.0));
  v.field("sector_width_deg", r.sector_width_deg, Range{0.0, 360.0, true});
  // At least 0.1 s: a look is an iteration when a leg starts, and a zero period never ends.
  v.field("scan_period_s", r.scan_period_s, Range::between(0.1, 3600.0));
  v.field("pd0", r.pd0, Range::between(0.0, 1.0));
  v.field("walker_r0_m", r.walker_r0_m, Range::positive());
  v.field("vehicle_r0_m", r.vehicle_r0_m, Range::positive());
  v.field("falloff_exponent", r.falloff_exponent, Range::between(0.5, 20.0));
  v.field("cover_factor", r.cover_factor);
  v.field("report_interval_s", r.report_interval_s, Range::between(0.1, 86400.0));
  v.field("false_alarms_per_day", r.false_alarms_per_day, Range::non_negative());
}

template <class V>
void visit_fields(V& v, TowersSpec& t) {
  v.field("along_border", t.along_border);
  v.field("height_m", t.height_m, Range::non_negative());
  v.field("target_height_m", t.target_height_m, Range::non_negative());
  v.field("range_m", t.range_m, Range::positive());
  v.field("detection_rate_per_s", t.detection_rate_per_s);
  // At least a second: the crew's looks are events, and a zero interval would never end.
  v.field("crew_resighting_s", t.crew_resighting_s, Range::at_least(1.0));
  v.field("cameras", t.cameras);
  v.field("radar", t.radar);
  v.field("availability", t.availability);
  v.field("false_alarms_per_day", t.false_alarms_per_day, Range::non_negative());
  v.field("report_latency_s", t.report_latency_s, Range::non_negative());
}

template <class V>
void visit_fields(V& v, SiteSpec& s) {
  v.field("latitude_deg", s.latitude_deg, Range::between(-90.0, 90.0));
  v.field("longitude_deg", s.longitude_deg, Range::between(-180.0, 180.0));
  v.field("utc_offset_h", s.utc_offset_h, Range::between(-14.0, 14.0));
}

template <class V>
void visit_fields(V& v, OrbitSpec& o) {
  v.required("along_border_km", o.along_border_km, Range::non_negative());
  v.field("offset_m", o.offset_m, Range::any());
  v.field("pattern", o.pattern, Words{"line", "random"});
  v.field("depth_m", o.depth_m, Range::positive());
  v.field("leg_km", o.leg_km, Range::positive());
}

template <class V>
void visit_fields(V& v, DroneSensorSpec& s) {
  v.field("law", s.law, Words{"inverse_cube", "definite"});
  v.field("range_m", s.range_m, Range::positive());
  v.field("k_m2_per_s", s.k_m2_per_s, Range::positive());
  v.field("glimpse_period_s", s.glimpse_period_s, Range::between(0.001, 86400.0));
}

template <class V>
void visit_fields(V& v, DroneSpec& d) {
  v.field("base_km", d.base_km, Range::non_negative());
  v.field("base_setback_m", d.base_setback_m, Range::any());
  v.required("orbit", d.orbit);
  v.field("altitude_m", d.altitude_m, Range::positive());
  v.field("speed_mps", d.speed_mps, Range::positive());
  v.field("endurance_h", d.endurance_h, Range::positive());
  v.field("turnaround_h", d.turnaround_h, Range::non_negative());
  v.field("airframes", d.airframes, Range::between(1, 10000));
  v.field("min_ceiling_m", d.min_ceiling_m, Range::non_negative());
  v.field("sensor", d.sensor);
  v.field("availability", d.availability);
  v.field("false_alarms_per_day", d.false_alarms_per_day, Range::non_negative());
  v.field("report_latency_s", d.report_latency_s, Range::non_negative());
}

template <class V>
void visit_fields(V& v, PatrolSpec& p) {
  v.field("route", p.route, Words{"border_road"});
  v.field("along_border_km", p.along_border_km, Range::non_negative());
  v.field("offset_m", p.offset_m, Range::any());
  v.field("vehicles", p.vehicles, Range::between(1, 100000));
  v.field("speed_mps", p.speed_mps, Range::positive());
  v.field("sweep_width_m", p.sweep_width_m, Range::positive());
  v.field("availability", p.availability);
  v.field("report_latency_s", p.report_latency_s, Range::non_negative());
  v.field("respond", p.respond);
  v.field("response_speed_mps", p.response_speed_mps, Range::positive());
  v.field("on_scene_s", p.on_scene_s, Range::non_negative());
  v.field("route_points", p.route_points, Range::any());
  v.field("route_lonlat", p.route_lonlat, Range::between(-180.0, 180.0));
  v.field("route_file", p.route_file);
  v.field("drive", p.drive, Words{"shuttle", "loop"});
  v.field("active_h", p.active_h, Range::between(0.0, 24.0));
}

template <class V>
void visit_fields(V& v, AirReconSpec& a) {
  v.field("sectors", a.sectors);
  v.field("first_at_h", a.first_at_h, Range::non_negative());
  v.field("every_h", a.every_h, Range::positive());
  v.field("duration_h", a.duration_h, Range::positive());
  v.field("speed_mps", a.speed_mps, Range::positive());
  v.field("sweep_width_m", a.sweep_width_m, Range::positive());
  v.field("strip_m", a.strip_m, Range::any());
  v.field("min_ceiling_m", a.min_ceiling_m, Range::non_negative());
  v.field("report_latency_s", a.report_latency_s, Range::non_negative());
}

template <class V>
void visit_fields(V& v, GroundSensorLineSpec& g) {
  v.field("along_border_km", g.along_border_km, Range::non_negative());
  v.field("spacing_m", g.spacing_m, Range::at_least(1.0));
  v.field("setback_m", g.setback_m, Range::any());
  v.field("radius_m", g.radius_m, Range::positive());
  v.field("detection_probability", g.detection_probability, Range::between(0.0, 1.0));
  v.field("false_alarms_per_day", g.false_alarms_per_day, Range::non_negative());
  v.field("report_latency_s", g.report_latency_s, Range::non_negative());
  v.field("availability", g.availability);
}

template <class V>
void visit_fields(V& v, SensorsSpec& s) {
  v.field("towers", s.towers);
  v.field("drones", s.drones);
  v.field("patrols", s.patrols);
  v.field("air_recon", s.air_recon);
  v.field("ground_sensors", s.ground_sensors);
}

template <class V>
void visit_fields(V& v, WeatherStateSpec& w) {
  v.field("mean_duration_h", w.mean_duration_h, Range::positive());
  v.field("to", w.to, Range::non_negative());
  v.field("visible_extinction_per_km", w.visible_extinction_per_km, Range::non_negative());
  v.field("thermal_extinction_per_km", w.thermal_extinction_per_km, Range::non_negative());
  v.field("drones_fly", w.drones_fly);
  v.field("air_recon_flies", w.air_recon_flies);
  v.field("patrol_sweep_width_factor", w.patrol_sweep_width_factor, Range::between(0.0, 10.0));
  v.field("crew_detection_factor", w.crew_detection_factor, Range::between(0.0, 1.0));
}

template <class V>
void visit_fields(V& v, WeatherSpec& w) {
  v.field("cloud_base_m", w.cloud_base_m, Range::non_negative());
  v.field("states", w.states);
}

template <class V>
void visit_fields(V& v, ReactionsSpec& r) {
  v.field("abort", r.abort, Range::between(0.0, 1.0));
  v.field("hide", r.hide, Range::between(0.0, 1.0));
  v.field("run", r.run, Range::between(0.0, 1.0));
  v.field("hide_s", r.hide_s, Range::non_negative());
  v.field("run_speed_factor", r.run_speed_factor, Range::positive());
  v.field("hidden_detection_factor", r.hidden_detection_factor, Range::between(0.0, 1.0));
}

template <class V>
void visit_fields(V& v, OriginSpec& o) {
  v.required("along_border_km", o.along_border_km, Range::non_negative());
  v.field("weight", o.weight, Range::positive());
}

template <class V>
void visit_fields(V& v, InfiltratorsSpec& i) {
  v.field("per_day", i.per_day, Range::non_negative());
  v.field("group_size", i.group_size, Range::between(1, 10000));
  v.field("speed_mps", i.speed_mps, DistributionCheck{Range::positive()});
  v.field("approach_m", i.approach_m, Range::non_negative());
  v.field("goal_depth_km", i.goal_depth_km, DistributionCheck{Range::positive(), true});
  v.field("night_preference", i.night_preference, Range::between(0.0, 1.0));
  v.field("arrival_profile", i.arrival_profile, Range::non_negative());
  v.field("knowledge", i.knowledge, Words{"naive", "informed", "adaptive"});
  v.field("risk_aversion_s", i.risk_aversion_s, Range::non_negative());
  v.field("corridor_km", i.corridor_km, Range::between(0.1, 20000.0));
  v.field("reactions", i.reactions);
  v.field("origins", i.origins);
}

template <class V>
void visit_fields(V& v, CargoValueSpec& c) {
  v.field("mean", c.mean, Range::non_negative());
  v.field("cv", c.cv, Range::between(0.0, 100.0));
}

template <class V>
void visit_fields(V& v, CargoMixSpec& c) {
  v.field("drugs", c.drugs, Range::non_negative());
  v.field("weapons", c.weapons, Range::non_negative());
  v.field("people", c.people, Range::non_negative());
}

template <class V>
void visit_fields(V& v, CargoValuesSpec& c) {
  v.field("drugs", c.drugs);
  v.field("weapons", c.weapons);
  v.field("people", c.people);
}

template <class V>
void visit_fields(V& v, SmugglersSpec& s) {
  v.field("per_day", s.per_day, Range::non_negative());
  v.field("organisations", s.organisations, Range::between(1, 65534));
  v.field("organisation_weights", s.organisation_weights, Range::non_negative());
  v.field("cargo", s.cargo);
  v.field("value_usd", s.value_usd);
  v.field("vehicle_share", s.vehicle_share, Range::between(0.0, 1.0));
  v.field("group_size", s.group_size, Range::between(1, 10000));
  v.field("foot_speed_mps", s.foot_speed_mps, DistributionCheck{Range::positive()});
  v.field("vehicle_speed_mps", s.vehicle_speed_mps, DistributionCheck{Range::positive()});
  v.field("approach_m", s.approach_m, Range::non_negative());
  v.field("goal_depth_km", s.goal_depth_km, DistributionCheck{Range::positive(), true});
  v.field("night_preference", s.night_preference, Range::between(0.0, 1.0));
  v.field("arrival_profile", s.arrival_profile, Range::non_negative());
  v.field("knowledge", s.knowledge, Words{"naive", "informed", "adaptive"});
  v.field("risk_aversion_s", s.risk_aversion_s, Range::non_negative());
  v.field("corridor_km", s.corridor_km, Range::between(0.1, 20000.0));
  v.field("reactions", s.reactions);
  v.field("origins", s.origins);
}

template <class V>
void visit_fields(V& v, ThreatsSpec& t) {
  v.field("infiltrators", t.infiltrators);
  v.field("smugglers", t.smugglers);
}

template <class V>
void visit_fields(V& v, QrfSpec& q) {
  v.field("bases_km", q.bases_km, Range::non_negative());
  v.field("setback_m", q.setback_m, Range::any());
  v.field("teams_per_base", q.teams_per_base, Range::between(1, 10000));
  v.field("speed_mps", q.speed_mps, Range::positive());
  v.field("on_scene_s", q.on_scene_s, Range::non_negative());
  v.field("on_scene", q.on_scene, Words{"fixed", "exponential"});
}

template <class V>
void visit_fields(V& v, ResponseSpec& r) {
  v.field("qrf", r.qrf);
  v.field("report_latency_s", r.report_latency_s, Range::non_negative());
  v.field("when_busy", r.when_busy, Words{"queue", "drop"});
  v.field("track_hold_s", r.track_hold_s, Range::non_negative());
  v.field("p_target_given_crosser", r.p_target_given_crosser, Range::between(0.0, 1.0));
  v.field("p_target_given_false_alarm", r.p_target_given_false_alarm, Range::between(0.0, 1.0));
  v.field("dispatch_delay_s", r.dispatch_delay_s, Range::non_negative());
  v.field("dispatch_delay", r.dispatch_delay, Words{"fixed", "exponential", "normal"});
  v.field("dispatch_delay_sd_s", r.dispatch_delay_sd_s, Range::non_negative());
  v.field("prediction", r.prediction, Words{"exact", "last_seen", "fastest_route"});
  v.field("search_s", r.search_s, Range::between(0.0, 1e7));
  v.field("search_radius_m", r.search_radius_m, Range::between(0.0, 1e6));
  v.field("assessment", r.assessment, Words{"none", "tower_camera"});
  v.field("assessment_s", r.assessment_s, Range::between(0.0, 1e6));
  v.field("assessment_looks", r.assessment_looks, Range::between(1, 1000));
  v.field("max_response_margin_s", r.max_response_margin_s, Range::between(-1e7, 1e7));
  v.field("priority", r.priority, Words{"first_come", "kind", "cargo_value"});
  v.field("retask_from_false_alarms", r.retask_from_false_alarms);
}

template <class V>
void visit_fields(V& v, TrenchObstacleSpec& t) {
  v.field("crossing_time_s", t.crossing_time_s, Range::non_negative());
  v.field("detection_factor", t.detection_factor, Range::non_negative());
}

template <class V>
void visit_fields(V& v, RiverObstacleSpec& r) {
  v.field("crossing_time_s", r.crossing_time_s, Range::non_negative());
  v.field("ford_crossing_time_s", r.ford_crossing_time_s, Range::non_negative());
  v.field("ford_every_km", r.ford_every_km, Range::non_negative());
  v.field("detection_factor", r.detection_factor, Range::non_negative());
}

template <class V>
void visit_fields(V& v, FenceObstacleSpec& f) {
  v.field("from_km", f.from_km, Range::non_negative());
  v.field("to_km", f.to_km, Range::non_negative());
  v.field("setback_m", f.setback_m, Range::any());
  v.field("gap_every_km", f.gap_every_km, Range::non_negative());
  v.field("gap_m", f.gap_m, Range::non_negative());
  v.field("crossing_time_s", f.crossing_time_s, Range::non_negative());
  v.field("detection_factor", f.detection_factor, Range::non_negative());
}

template <class V>
void visit_fields(V& v, ObstaclesSpec& o) {
  v.field("trench", o.trench);
  v.field("rivers", o.rivers);
  v.field("fence", o.fence);
}

template <class V>
void visit_fields(V& v, RoutingSpec& r) {
  v.field("cell_m", r.cell_m, Range::between(10.0, 10000.0));
  v.field("max_cells", r.max_cells, Range::between(1, 4e9));
  v.field("vehicle_half_speed_grade", r.vehicle_half_speed_grade, Range::positive());
  v.field("vehicle_max_grade", r.vehicle_max_grade, Range::positive());
  v.field("crossers", r.crossers, Words{"planned", "straight"});
}

template <class V>
void visit_fields(V& v, BatchSpec& b) {
  v.field("replications", b.replications, Range::between(1, 1e9));
  v.field("stop_when_halfwidth", b.stop_when_halfwidth, Range{0.0, 0.5, true});
  v.field("max_events_per_replication", b.max_events_per_replication, Range::between(1, 1e12));
}

template <class V>
void visit_fields(V& v, Scenario& s) {
  v.field("name", s.name);
  v.field("seed", s.seed);
  v.field("start", s.start);
  v.field("duration_h", s.duration_h, Range{0.0, 24.0 * 366.0 * 10.0, true});
  v.field("site", s.site);
  v.field("weather", s.weather);
  v.field("terrain", s.terrain);
  v.field("land_cover", s.land_cover);
  v.field("jurisdictions", s.jurisdictions);
  v.field("sectors", s.sectors);
  v.field("sensors", s.sensors);
  v.field("threats", s.threats);
  v.field("response", s.response);
  v.field("obstacles", s.obstacles);
  v.field("routing", s.routing);
  v.field("batch", s.batch);
}

}  // namespace bordersim
