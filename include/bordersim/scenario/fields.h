#pragma once
// The one list of scenario keys: each struct's fields, their JSON names and their valid
// ranges. The loader walks it to read and check a file; the writer walks it to print the
// fully resolved scenario. A key added here is read, checked and written everywhere. The
// ground's, the sensors' and the crossers' keys are in fields_terrain.h, fields_sensors.h
// and fields_threats.h; the rules a value must follow in field_rules.h.
#include "bordersim/scenario/field_rules.h"
#include "bordersim/scenario/fields_sensors.h"
#include "bordersim/scenario/fields_terrain.h"
#include "bordersim/scenario/fields_threats.h"
#include "bordersim/scenario/scenario.h"

namespace bordersim {

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
void visit_fields(V& v, SiteSpec& s) {
  v.field("latitude_deg", s.latitude_deg, Range::between(-90.0, 90.0));
  v.field("longitude_deg", s.longitude_deg, Range::between(-180.0, 180.0));
  v.field("utc_offset_h", s.utc_offset_h, Range::between(-14.0, 14.0));
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
  v.field("hold_after_escape_s", r.hold_after_escape_s, Range::between(0.0, 1e7));
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
