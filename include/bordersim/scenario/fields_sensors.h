#pragma once
// The keys of the scenario's sensors and weather (sensor_keys.h): their JSON names and valid
// ranges. Part of the one list of scenario keys (fields.h).
#include "bordersim/scenario/field_rules.h"
#include "bordersim/scenario/sensor_keys.h"

namespace bordersim {

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
  v.field("target_contrast", c.target_contrast, Range::positive());
  v.field("threshold_contrast", c.threshold_contrast, Range::positive());
  // From the horizon down to the end of astronomical twilight.
  v.field("darkness_elevation_deg", c.darkness_elevation_deg, Range::between(-18.0, 0.0));
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

}  // namespace bordersim
