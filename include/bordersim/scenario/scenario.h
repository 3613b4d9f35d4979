#pragma once
// Validated scenario values and the one list of scenario keys. Each struct's members are
// the documented defaults of its JSON keys (scenarios/README.md); its visit_fields, next to
// it, gives the keys' JSON names and valid ranges (the rules: field_rules.h). Starting from
// visit_fields(V&, Scenario&) at the end of this file, the visits are the one list of
// scenario keys: the loader walks it to read and check a file (and rejects unknown keys);
// the writer walks it to print the fully resolved scenario, in the order of the visits. A
// key added to a struct and its visit is read, checked and written everywhere.
// Units are in the names: _m, _s, _km, _h, _mps, _per_s, _per_day. Topics have headers of
// their own, each struct next to its visit: the ground (terrain_keys.h), the weather
// (weather_keys.h), the sensors (sensor_keys.h and the headers it includes, one a kind),
// the crossers (threat_keys.h), the response (response_keys.h) and the obstacles
// (obstacle_keys.h); this one holds the site, jurisdictions, sectors, routing, the batch
// and the whole.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "bordersim/scenario/field_rules.h"
#include "bordersim/scenario/obstacle_keys.h"
#include "bordersim/scenario/response_keys.h"
#include "bordersim/scenario/sensor_keys.h"
#include "bordersim/scenario/terrain_keys.h"
#include "bordersim/scenario/threat_keys.h"
#include "bordersim/scenario/weather_keys.h"

namespace bordersim {

struct JurisdictionSpec {
  std::string name;
};

template <class V>
void visit_fields(V& v, JurisdictionSpec& j) {
  v.required("name", j.name);
}

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

template <class V>
void visit_fields(V& v, SectorsSpec& s) {
  v.field("split_along_border_km", s.split_along_border_km, Range::non_negative());
  v.field("names", s.names);
  v.field("jurisdiction", s.jurisdiction);
  v.field("handoff", s.handoff, Words{"delayed", "never", "joint"});
  v.field("handoff_delay_s", s.handoff_delay_s, Range::non_negative());
  v.field("seam_band_km", s.seam_band_km, Range::non_negative());
}

// Where and when on earth: the sun's elevation (day, night, thermal crossover) comes from it.
struct SiteSpec {
  double latitude_deg = 34.5;  // the Iraq–Syria border
  double longitude_deg = 41.0;
  double utc_offset_h = 3.0;  // of `start`
};

template <class V>
void visit_fields(V& v, SiteSpec& s) {
  v.field("latitude_deg", s.latitude_deg, Range::between(-90.0, 90.0));
  v.field("longitude_deg", s.longitude_deg, Range::between(-180.0, 180.0));
  v.field("utc_offset_h", s.utc_offset_h, Range::between(-14.0, 14.0));
}

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

template <class V>
void visit_fields(V& v, RoutingSpec& r) {
  v.field("cell_m", r.cell_m, Range::between(10.0, 10000.0));
  v.field("max_cells", r.max_cells, Range::between(1, 4e9));
  v.field("vehicle_half_speed_grade", r.vehicle_half_speed_grade, Range::positive());
  v.field("vehicle_max_grade", r.vehicle_max_grade, Range::positive());
  v.field("crossers", r.crossers, Words{"planned", "straight"});
}

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

template <class V>
void visit_fields(V& v, BatchSpec& b) {
  v.field("replications", b.replications, Range::between(1, 1e9));
  v.field("stop_when_halfwidth", b.stop_when_halfwidth, Range{0.0, 0.5, true});
  v.field("max_events_per_replication", b.max_events_per_replication, Range::between(1, 1e12));
}

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
