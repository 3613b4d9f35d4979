#pragma once
// The keys of patrols (vehicles along a road or a route of their own) and of air
// reconnaissance (scheduled sorties over sectors). Each struct's members are its keys'
// defaults; its visit_fields, next to it, their JSON names, valid ranges and printing order
// (scenario.h has the conventions and the one list of keys; scenarios/README.md documents
// every key).
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "bordersim/scenario/field_rules.h"
#include "bordersim/scenario/service_keys.h"

namespace bordersim {

// Vehicles driving back and forth along a road at offset_m behind the border (or along a
// route of their own, below), spread evenly along their cycle; each sees crossers within
// sweep_width_m / 2 (definite range) and, when `respond`, is sent after crossers like a
// quick-reaction team.
struct PatrolSpec {
  std::string route = "border_road";    // the road parallel to the border, unless one below
  std::vector<double> along_border_km;  // [from, to]; empty: the whole border
  double offset_m = 500.0;
  std::int64_t vehicles = 1;
  double speed_mps = 10.0;
  double sweep_width_m = 800.0;
  AvailabilitySpec availability;             // of the whole patrol: every vehicle at once
  std::optional<double> report_latency_s;    // absent: response.report_latency_s
  bool respond = true;                       // its vehicles are responders too
  std::optional<double> response_speed_mps;  // off its road, by terrain; absent: speed_mps
  double on_scene_s = 900.0;                 // at an interception before driving back
  // A route of its own, a polyline (at most one of the three; along_border_km and offset_m
  // then do not apply): points [along_km, behind_m] on flat and synthetic ground; points
  // [lon, lat] or a GeoJSON LineString file (relative to the scenario) on real ground.
  std::optional<std::vector<std::vector<double>>> route_points;
  std::optional<std::vector<std::vector<double>>> route_lonlat;
  std::optional<std::string> route_file;
  std::string drive = "shuttle";  // "shuttle": back and forth; "loop": one way round, closed
  // Daily shifts [[from_h, to_h], ...] in local hours (from_h > to_h: over midnight);
  // outside them the vehicles neither sense nor respond. Absent: out all the time.
  std::optional<std::vector<std::vector<double>>> active_h;
};

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

// Reconnaissance sorties on a schedule: at first_at_h, then every every_h, one aircraft
// per listed sector flies lanes parallel to the border over the sector's strip for
// duration_h, seeing crossers within sweep_width_m / 2 (definite range).
struct AirReconSpec {
  std::vector<std::string> sectors;  // names; empty: every sector
  double first_at_h = 0.0;
  double every_h = 12.0;
  double duration_h = 2.0;
  double speed_mps = 60.0;
  double sweep_width_m = 2000.0;
  std::vector<double> strip_m = {-2000.0, 2000.0};  // [from, to] across the border
  double min_ceiling_m = 0.0;                       // no sorties under a lower cloud base
  std::optional<double> report_latency_s;           // absent: response.report_latency_s
};

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

}  // namespace bordersim
