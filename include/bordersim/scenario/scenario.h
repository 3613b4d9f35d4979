#pragma once
// Validated scenario values. Member defaults are the documented defaults of the JSON keys
// (scenarios/README.md); the loader fills these structs and rejects unknown keys.
// Units are in the names: _m, _s, _km, _h, _mps, _per_s, _per_day. The ground, the sensors
// and the crossers have headers of their own (terrain_keys.h, sensor_keys.h, threat_keys.h);
// this one holds the sectors, the response, obstacles, routing, the batch and the whole.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "bordersim/scenario/distribution.h"
#include "bordersim/scenario/sensor_keys.h"
#include "bordersim/scenario/terrain_keys.h"
#include "bordersim/scenario/threat_keys.h"

namespace bordersim {

struct JurisdictionSpec {
  std::string name;
};

struct SectorsSpec {
  // Boundaries along the border, from 0 to the border's length: n + 1 values for n sectors.
  std::vector<double> split_along_border_km;  // empty: one sector, the whole border
  std::vector<std::string> names;             // default "S1", "S2", ...
  std::vector<std::string> jurisdiction;      // one per sector; empty: the first jurisdiction
  // A report goes to the post of the sector where the crosser is. Responders of another
  // jurisdiction may take it after handoff_delay_s ("delayed"), not at all ("never"), or
  // at once ("joint": one command, the seam closed).
  std::string handoff = "delayed";
  double handoff_delay_s = 0.0;
  // Crossings within this distance (along the border) of a seam between two
  // jurisdictions count as "near a seam" in the seam penalty.
  double seam_band_km = 10.0;
};

struct QrfSpec {
  std::vector<double> bases_km = {305.0};  // positions along the border
  double setback_m = 10000.0;              // distance of the bases behind the border
  std::int64_t teams_per_base = 1;
  double speed_mps = 15.0;
  double on_scene_s = 900.0;       // time at the interception before driving back
  std::string on_scene = "fixed";  // "fixed" or "exponential" (with mean on_scene_s)
};

struct ResponseSpec {
  std::optional<QrfSpec> qrf;
  double report_latency_s = 60.0;
  std::string when_busy = "queue";  // "queue": wait for a free team; "drop": give up
  // The post keeps a track while reports keep coming: each report holds it until the
  // detection's time + track_hold_s. A responder intercepts only if the track is held
  // when it arrives.
  double track_hold_s = 900.0;
  // Probability that the post takes a report of a real crosser for a target (else it
  // dismisses that report), and a false alarm for a target (it then sends a responder).
  double p_target_given_crosser = 1.0;
  double p_target_given_false_alarm = 0.5;
  // Between a report taken for a target and the responder setting off.
  double dispatch_delay_s = 0.0;
  // "fixed", "exponential" (mean dispatch_delay_s) or "normal" (mean dispatch_delay_s, sd
  // dispatch_delay_sd_s, truncated at 0: EASI's normal response time). One draw per crosser.
  std::string dispatch_delay = "fixed";
  double dispatch_delay_sd_s = 0.0;  // "normal" only
  // Where the post sends a team (sim/c2/prediction.cpp): "exact" (to a point of the
  // route the crosser will really take: validation), "last_seen" (to where it was last
  // detected) or "fastest_route" (to meet it on the fastest route from there towards its
  // goal, at its kind's mean speed). Outside "exact" the team, once there, searches for
  // search_s: it finds the crosser the first time it comes within search_radius_m.
  std::string prediction = "exact";
  double search_s = 1800.0;
  double search_radius_m = 500.0;
  // Outside "exact": after its projection ends (the predicted escape; "last_seen": at the
  // place), the post's picture of a crosser holds still this long, so a team is sent only
  // if it can be there by then.
  double hold_after_escape_s = 43200.0;
  // Before acting on a report the post may have it assessed (sim/c2/assessment.cpp):
  // "none", or "tower_camera": the best camera of a tower in service that sees the place
  // looks assessment_looks times during assessment_s; seen, a crosser is confirmed as a
  // target; a false alarm so looked at is recognised as one. Inconclusive: the post's
  // verdict as without assessment.
  std::string assessment = "none";
  double assessment_s = 60.0;
  std::int64_t assessment_looks = 5;
  // Dispatch rules (sim/c2/dispatch_rules.cpp). No team is sent that cannot be there
  // before the predicted escape + max_response_margin_s (unset: no such rule).
  std::optional<double> max_response_margin_s;
  // Which waiting report a freed team takes: "first_come" (oldest), "kind" (vehicles and
  // armed groups before foot smugglers, then oldest), "cargo_value" (highest, then oldest).
  std::string priority = "first_come";
  // A confirmed target no free team can meet takes a team on its way to a false alarm.
  bool retask_from_false_alarms = false;
};

// Linear obstacles (routes/obstacles.h has the reasons for each default). The trench and
// rivers come with the terrain; the fence, when given, runs along the border.
struct TrenchObstacleSpec {
  double crossing_time_s = 240.0;  // on foot; vehicles only through the gaps
  double detection_factor = 2.0;   // multiplies the detection hazard while crossing
};

struct RiverObstacleSpec {
  double crossing_time_s = 600.0;       // on foot, wading or swimming; vehicles: bridges, fords
  double ford_crossing_time_s = 120.0;  // either mover, at a ford
  double ford_every_km = 0.0;           // a ford every so far along each river; 0: none
  double detection_factor = 2.0;
};

struct FenceObstacleSpec {
  double from_km = 0.0;  // along the border
  double to_km = 0.0;    // 0: to the border's end
  double setback_m = 100.0;
  double gap_every_km = 0.0;  // 0: no gaps
  double gap_m = 50.0;
  double crossing_time_s = 300.0;  // cutting or climbing, on foot; vehicles only at gaps
  double detection_factor = 2.0;
};

struct ObstaclesSpec {
  TrenchObstacleSpec trench;
  RiverObstacleSpec rivers;
  std::optional<FenceObstacleSpec> fence;
};

// The grid crossers and responders plan routes on (routes/cost_surface.h).
struct RoutingSpec {
  double cell_m = 250.0;
  std::int64_t max_cells = 20'000'000;
  double vehicle_half_speed_grade = 0.15;  // off-road speed halves at this grade
  double vehicle_max_grade = 0.3;          // steeper is impassable to vehicles
  // "planned": crossers walk down cost fields; "straight": along the border's normal at
  // their crossing point, as search-theory formulas assume (validation).
  std::string crossers = "planned";
};

struct BatchSpec {
  std::int64_t replications = 100;
  // Sequential stopping: stop at the first block of kStopBlock replications after which
  // every variant's 95 % interval of detection and interception rate has a half-width
  // below this; unset: run every replication.
  std::optional<double> stop_when_halfwidth;
  // A replication handling more events is stopped and the run refused (exit 2): a runaway
  // guard. The default scenario's replications handle 2 000 to 26 000 events; 10^8 take
  // 15-20 CPU-minutes (about 100 000 events a second), and 10^6 crossers, the arrivals
  // limit, with 100 events each still fit.
  std::int64_t max_events_per_replication = 100'000'000;
};

// Where and when on earth: the sun's elevation (day, night, thermal crossover) comes from it.
struct SiteSpec {
  double latitude_deg = 34.5;  // the Iraq–Syria border
  double longitude_deg = 41.0;
  double utc_offset_h = 3.0;  // of `start`
};

struct Scenario {
  std::string name = "unnamed";
  std::uint64_t seed = 1;
  std::string start = "2026-11-25T18:00:00";  // local time at the site
  double duration_h = 24.0;
  SiteSpec site;
  std::optional<WeatherSpec> weather;
  TerrainSpec terrain;
  LandCoverKeys land_cover;
  std::vector<JurisdictionSpec> jurisdictions = {{"default"}};
  SectorsSpec sectors;
  SensorsSpec sensors;
  ThreatsSpec threats;
  ResponseSpec response;
  ObstaclesSpec obstacles;
  RoutingSpec routing;
  BatchSpec batch;
};

}  // namespace bordersim
