#pragma once
// The scenario's sensors (towers and their crews, cameras and radars, drones, patrols, air
// reconnaissance, ground sensors), their service, and the weather that acts on them
// (scenario.h has the conventions; scenarios/README.md documents every key).
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace bordersim {

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
  // Contrast (sensors/camera.h, CameraSpec); absent: the kind's default (visible 0.3 and
  // 0.02, fractional; thermal 2 K and 0.1 K).
  std::optional<double> target_contrast;     // a person's inherent contrast, C0
  std::optional<double> threshold_contrast;  // the least contrast the camera sees, Ct
  // Visible cameras only: blind with the sun below this elevation; absent: −6° (civil dusk).
  std::optional<double> darkness_elevation_deg;
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

}  // namespace bordersim
