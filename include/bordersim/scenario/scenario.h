#pragma once
// Validated scenario values. Member defaults are the documented defaults of the JSON keys
// (scenarios/README.md); the loader fills these structs and rejects unknown keys.
// Units are in the names: _m, _s, _km, _h, _mps, _per_s, _per_day.
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "bordersim/scenario/distribution.h"

namespace bordersim {

// Flat ground with a straight border along the x axis from 0 to length; crossers come
// from y < 0 and head for y > 0 ("behind the border"). No elevation: nothing blocks sight.
struct FlatTerrainSpec {
  double length_km = 610.0;
  double depth_km = 60.0;
};

// The generated corridor of terrain/synthetic.h: relief, land cover, rivers, towns, roads
// and a trench, from a seed. The border runs along the x axis as for flat ground.
struct SyntheticTerrainSpecKeys {
  double length_km = 610.0;
  double depth_km = 60.0;
  double foreign_depth_km = 10.0;
  std::uint64_t seed = 7;
};

// Real geography: a border line (GeoJSON, lon/lat) and optionally a DEM (GeoTIFF or SRTM
// .hgt) and rivers; everything is reprojected to one metric CRS (a UTM zone chosen from
// the border's centre unless `crs` names one). Without a DEM, elevation is synthetic.
// Relative paths are relative to the scenario file.

// A land-cover raster of the user's (ESA WorldCover, CORINE, a planner's own), read through
// GDAL and resampled by nearest neighbour onto the corridor's grid; it replaces the made-up
// cover in every cell.
struct CoverRasterClassKeys {
  std::int64_t value = 0;  // a raster value
  std::string cover;       // the land-cover class it means ("farmland")
};
struct CoverRasterKeys {
  std::string file;                           // required
  std::vector<CoverRasterClassKeys> classes;  // required: raster value -> class
  std::optional<std::string> unmapped;        // class of values not in `classes`; absent: error
  std::optional<std::string> nodata;          // class of NoData and uncovered cells; absent: error
  std::int64_t band = 1;
};
// GeoJSON polygons naming their class, burnt over the cover (made up or from the raster).
struct CoverPolygonKeys {
  std::string file;                // required
  std::string property = "cover";  // the string property holding the class name
  bool all_touched = false;        // false: a cell whose centre is inside; true: any cell touched
};

struct TerrainFilesSpec {
  std::string border;                     // required
  std::vector<double> home_point_lonlat;  // [lon, lat] of a point on the home side; required
  std::string dem;                        // empty: synthetic elevation
  std::string rivers;                     // GeoJSON lines
  std::string towns;                      // GeoJSON points (Natural Earth populated places)
  std::string crs;                        // e.g. "EPSG:32637"; empty: automatic UTM
  double depth_km = 60.0;                 // corridor behind the border
  double foreign_depth_km = 10.0;         // corridor before it
  std::uint64_t seed = 7;                 // of the synthetic elevation
  double river_width_m = 200.0;          // water burnt along each river line (no width in the file)
  double town_people_per_km2 = 10000.0;  // a town's urban disc holds its population at this density
  std::optional<CoverRasterKeys> land_cover_raster;     // absent: made-up cover
  std::optional<CoverPolygonKeys> land_cover_polygons;  // absent: none
};

struct TerrainSpec {
  // Exactly one of these; none given means flat.
  std::optional<FlatTerrainSpec> flat;
  std::optional<SyntheticTerrainSpecKeys> synthetic;
  std::optional<TerrainFilesSpec> files;
  double cell_m = 100.0;                    // raster resolution (synthetic and files)
  std::int64_t max_cells = 200'000'000;     // larger grids are refused before allocation
  double refraction_coefficient = 0.85714;  // line of sight over a curved earth; 0: flat earth
};

// Overrides of one land-cover class's properties (terrain/land_cover.cpp has the defaults
// and the reasons for them); a key left out keeps its default.
struct CoverOverrideKeys {
  std::optional<double> foot_speed_factor;
  std::optional<double> vehicle_speed_factor;
  std::optional<double> concealment;
  std::optional<double> clutter;
};

struct LandCoverKeys {
  std::optional<CoverOverrideKeys> desert, steppe, farmland, urban, mountain, swamp, water, road;
};

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

// The tower crew's detection rate inside range and sight: a per-second hazard, "instant"
// (cookie cutter), or "none" (cameras only).
struct DetectionRate {
  bool instant = true;
  double per_s = 0.0;  // used when !instant; 0 with !instant means "none"
  bool none() const { return !instant && per_s == 0.0; }
};

// A camera on every tower (sensors/camera.h has the physics and the sources of these
// defaults: a 1080p visible camera behind a 100 mm lens). Thermal cameras want their own
// pitch (17 µm uncooled LWIR) and pixel count.
struct CameraKeys {
  std::string kind = "visible";  // "visible" or "thermal"
  double hfov_deg = 30.0;
  double pixels = 1920.0;
  double focal_mm = 100.0;
  double pitch_um = 3.0;
  double scan_period_s = 60.0;     // 0: a staring camera
  double scan_sector_deg = 180.0;  // centred on the foreign side
  double n50_cycles = 0.75;
  double target_size_m = 0.75;
  double extinction_per_km = 0.17;
  double stare_glimpse_s = 3.4;  // a staring camera's glimpse interval (scan_period_s 0)
  // Thermal cameras only (sensors/camera.h, ThermalDiurnal); absent: the model's defaults.
  std::optional<double> crossover_half_width_h;  // ± this of sunrise and sunset
  std::optional<double> crossover_factor;        // glimpse probability × this inside it
  std::optional<double> noon_factor;             // × this with the sun at the zenith
};

struct AlongBorderSpec {
  double spacing_m = 2000.0;
  double offset_m = 1000.0;  // position of the first tower along the border
  double setback_m = 0.0;    // distance behind the border line
};

// Scheduled maintenance: down for duration_h at first_at_h + k × every_h (every_h 0: once).
struct DowntimeSpec {
  double first_at_h = 0.0;
  double every_h = 0.0;
  double duration_h = 0.0;  // required
};

// When a sensor is in service (sensors/availability.h): random failures with exponential
// times between failures (mean mtbf_h; 0: never fails) and repairs (mean mttr_h), and
// scheduled maintenance windows.
struct AvailabilitySpec {
  double mtbf_h = 0.0;
  double mttr_h = 4.0;
  std::vector<DowntimeSpec> downtime;
};

// A ground surveillance radar on every tower (sensors/radar.h has the law and the sources
// of these defaults): one look per scan at each moving target in its sector, range and
// sight, detecting with Pd(r) × the land cover's factor.
struct RadarCoverKeys {
  double desert = 1.0, steppe = 1.0, farmland = 0.8, urban = 0.3, mountain = 0.6, swamp = 0.7,
         water = 1.0, road = 1.0;
};

struct RadarKeys {
  double range_m = 12000.0;
  double sector_centre_deg = 0.0;   // from the tower's facing (the foreign side), clockwise
  double sector_width_deg = 360.0;  // 360: all round
  double scan_period_s = 4.0;
  double pd0 = 0.9;
  double walker_r0_m = 5000.0;
  double vehicle_r0_m = 9000.0;
  double falloff_exponent = 4.0;
  RadarCoverKeys cover_factor;
  // After a report, the radar's next report of the same crosser comes no sooner than this
  // (the tracker updates the post, not every scan).
  double report_interval_s = 60.0;
  double false_alarms_per_day = 2.0;  // per radar, over clutter 1 (scaled by its disc's)
};

struct TowersSpec {
  AlongBorderSpec along_border;
  double height_m = 12.0;        // observer height above ground, for line of sight
  double target_height_m = 1.7;  // a standing person
  double range_m = 1500.0;       // of the crew and of the cameras' viewshed
  DetectionRate detection_rate_per_s;
  double crew_resighting_s = 60.0;  // after losing a crosser, the crew looks again this late
  std::vector<CameraKeys> cameras;
  std::optional<RadarKeys> radar;          // absent: no radar
  AvailabilitySpec availability;           // of the whole tower: crew, cameras and radar
  double false_alarms_per_day = 0.5;       // per tower, over clutter 1 (scaled by its view's)
  std::optional<double> report_latency_s;  // absent: response.report_latency_s
};

// Where a drone searches: back and forth along a line parallel to the border ("line"),
// or a pseudo-random track over a box of the border frame ("random": straight legs of
// uniformly random heading, reflected at the box's edges). Offsets: behind the border
// (+) or before it (−).
struct OrbitSpec {
  std::vector<double> along_border_km;  // [from, to]; required
  double offset_m = 0.0;                // of the line, or of the box's centre line
  std::string pattern = "line";         // "line" or "random"
  double depth_m = 10000.0;             // "random": the box's extent across the border
  double leg_km = 20.0;                 // "random": a new heading after this distance
};

// A drone's sensor (sensors/motion.h): it glimpses every glimpse_period_s what lies within
// range_m on the ground. "inverse_cube": each glimpse detects with probability
// 1 − exp(−k·h·τ / r³) (Koopman's law, r the slant range, h the altitude, τ the period);
// "definite": with probability 1 within range. Both times (1 − concealment).
struct DroneSensorSpec {
  std::string law = "inverse_cube";  // "inverse_cube" or "definite"
  double range_m = 5000.0;           // ground distance beyond which nothing is seen
  double k_m2_per_s = 20000.0;       // inverse-cube constant k (γ = k·h / r³ per second)
  double glimpse_period_s = 5.0;
};

struct DroneSpec {
  double base_km = 0.0;             // along the border
  double base_setback_m = 10000.0;  // behind the border
  OrbitSpec orbit;
  double altitude_m = 1500.0;  // above the ground; lowered to a lower cloud base
  double speed_mps = 40.0;     // on station and in transit
  double endurance_h = 14.0;   // flight time per sortie, transit included
  double turnaround_h = 4.0;   // on the ground between sorties
  std::int64_t airframes = 3;
  double min_ceiling_m = 0.0;  // grounded when the cloud base is lower
  DroneSensorSpec sensor;
  AvailabilitySpec availability;           // of the station (ground control, data link)
  double false_alarms_per_day = 1.0;       // on station, over clutter 1 (scaled by its reach's)
  std::optional<double> report_latency_s;  // absent: response.report_latency_s
};

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

// A line of unattended ground sensors (seismic, acoustic, passive infrared) along a stretch
// of the border: one every spacing_m from its start, setback_m behind the line. Each
// detects a crosser with probability detection_probability when the crosser enters its
// disc of radius_m (once per pass; concealment does not apply).
struct GroundSensorLineSpec {
  std::vector<double> along_border_km;  // [from, to]; empty: the whole border
  double spacing_m = 500.0;
  double setback_m = 100.0;
  double radius_m = 30.0;
  double detection_probability = 0.8;
  double false_alarms_per_day = 2.0;  // per sensor, over clutter 1 (scaled by its disc's)
  double report_latency_s = 30.0;     // an automatic radio relay
  AvailabilitySpec availability;      // of each sensor, independently
};

struct SensorsSpec {
  std::optional<TowersSpec> towers;
  std::vector<DroneSpec> drones;
  std::vector<PatrolSpec> patrols;
  std::vector<AirReconSpec> air_recon;
  std::vector<GroundSensorLineSpec> ground_sensors;
};

// One state of the weather chain (sensors/weather.h): how long it lasts, where it goes
// next, and what it does to the sensors while it holds.
struct WeatherStateSpec {
  double mean_duration_h = 24.0;     // exponential holding time, > 0
  std::map<std::string, double> to;  // weights of the next state, by name; none: stays
  // Replace every camera's extinction_per_km, by band, while this state holds; absent:
  // the camera's own.
  std::optional<double> visible_extinction_per_km;
  std::optional<double> thermal_extinction_per_km;
  bool drones_fly = true;       // false: drones are grounded (no glimpses, no false alarms)
  bool air_recon_flies = true;  // false: sorties see nothing while it holds
  double patrol_sweep_width_factor = 1.0;  // multiplies patrols' sweep_width_m
  // Multiplies tower crews' sighting rate (an "instant" crew: its chance per sighting)
  // while this state holds: eyes and binoculars in dust.
  double crew_detection_factor = 1.0;
};

// The weather of the whole run. Absent: clear sky.
struct WeatherSpec {
  double cloud_base_m = 3000.0;  // above the ground
  // A continuous-time Markov chain over named states; absent: the same weather all run.
  std::optional<std::map<std::string, WeatherStateSpec>> states;
};

// What a detected crosser does, drawn once per crosser before it sets off (so every
// variant meets the same reactions): abort (turn back), hide (stand still for hide_s),
// run (speed × run_speed_factor); the rest (1 − abort − hide − run) carry on.
struct ReactionsSpec {
  double abort = 0.1;
  double hide = 0.2;
  double run = 0.2;
  double hide_s = 1800.0;
  double run_speed_factor = 1.5;
  double hidden_detection_factor = 0.3;  // sensors' detection rates × this while it hides
};

// An area crossers come from: a stretch of the border, weighted against the other areas.
struct OriginSpec {
  std::vector<double> along_border_km;  // [from, to]; required
  double weight = 1.0;
};

// When crossers set off (issue 15, item 3): a share of arrivals at night, thinned by the
// sun; `null` (or "none") in the file: homogeneous in time, no thinning.
struct NightPreference {
  std::optional<double> share;  // empty: no preference
  bool written = false;         // a number given in the file (for the arrival_profile check)
  NightPreference(double s) : share(s) {}  // NOLINT(google-explicit-constructor): a default
  NightPreference() = default;
};

struct InfiltratorsSpec {
  double per_day = 24.0;
  GroupSizeDistribution group_size = {2, 8};  // [min, max]: uniform integer
  Distribution speed_mps = 1.2;               // per crossing (scenario/distribution.h)
  double approach_m = 3000.0;                 // where the walk starts, before the border line
  Distribution goal_depth_km = 5.0;           // where it ends, behind the border line
  NightPreference night_preference = 0.7;  // share of arrivals while the sun is below the horizon
  std::vector<double> arrival_profile;     // 24 hourly weights (local mean solar time); empty: none
  std::string knowledge = "naive";         // "naive", "informed" or "adaptive"
  double risk_aversion_s = 1800.0;         // travel time given to avoid one expected detection
  double corridor_km = 20.0;  // "adaptive": the width of the corridors it learns between
  ReactionsSpec reactions;
  std::vector<OriginSpec> origins;  // empty: the whole border
};

// Value of one crossing's cargo: lognormal with this mean and coefficient of variation.
struct CargoValueSpec {
  double mean = 8000.0;
  double cv = 1.0;
};

struct CargoMixSpec {  // shares of crossings by cargo; normalised by their sum
  double drugs = 0.5;
  double weapons = 0.2;
  double people = 0.3;
};

struct CargoValuesSpec {
  CargoValueSpec drugs = {10000.0, 1.0};
  CargoValueSpec weapons = {9000.0, 1.0};
  CargoValueSpec people = {4000.0, 1.0};
};

struct SmugglersSpec {
  double per_day = 12.0;
  std::int64_t organisations = 4;
  std::vector<double> organisation_weights;  // one per organisation; empty: uniform
  CargoMixSpec cargo;
  CargoValuesSpec value_usd;
  double vehicle_share = 0.3;                 // the rest cross on foot
  GroupSizeDistribution group_size = {1, 4};  // [min, max]: uniform integer
  Distribution foot_speed_mps = 1.3;
  Distribution vehicle_speed_mps = 8.0;
  double approach_m = 3000.0;
  Distribution goal_depth_km = 10.0;
  NightPreference night_preference = 0.8;
  std::vector<double> arrival_profile;  // as for infiltrators
  std::string knowledge = "informed";
  double risk_aversion_s = 3600.0;
  double corridor_km = 20.0;
  ReactionsSpec reactions = {0.3, 0.2, 0.2, 1800.0, 1.5, 0.3};
  std::vector<OriginSpec> origins;  // empty: the whole border
};

struct ThreatsSpec {
  std::optional<InfiltratorsSpec> infiltrators;
  std::optional<SmugglersSpec> smugglers;
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
  // Where the post sends a team (sim/run/prediction.cpp): "exact" (to a point of the
  // route the crosser will really take: validation), "last_seen" (to where it was last
  // detected) or "fastest_route" (to meet it on the fastest route from there towards its
  // goal, at its kind's mean speed). Outside "exact" the team, once there, searches for
  // search_s: it finds the crosser the first time it comes within search_radius_m.
  std::string prediction = "exact";
  double search_s = 1800.0;
  double search_radius_m = 500.0;
  // Before acting on a report the post may have it assessed (sim/run/assessment.cpp):
  // "none", or "tower_camera": the best camera of a tower in service that sees the place
  // looks assessment_looks times during assessment_s; seen, a crosser is confirmed as a
  // target; a false alarm so looked at is recognised as one. Inconclusive: the post's
  // verdict as without assessment.
  std::string assessment = "none";
  double assessment_s = 60.0;
  std::int64_t assessment_looks = 5;
  // Dispatch rules (sim/run/dispatch_rules.cpp). No team is sent that cannot be there
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
